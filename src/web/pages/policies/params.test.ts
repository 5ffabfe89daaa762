import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyPack } from '../../../domain/policy';
import type { Translate } from '../../i18n';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { describeParam, paramLabel, type DescribeContext } from './params';

const translate =
  (dictionary: Record<string, string>): Translate =>
  (key, values) =>
    dictionary[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));

const SECTIONS: Record<string, string> = { B: 'B 采矿业', C: 'C 制造业', D: 'D 电力、热力、燃气及水生产和供应业' };
const zh: DescribeContext = { t: translate(zhCN), section: (code) => SECTIONS[code] ?? code };
const english: DescribeContext = { t: translate(en), section: (code) => code };

const packs = readdirSync('policies')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parsePolicyPack(JSON.parse(readFileSync(join('policies', f), 'utf8')), f));
const pack = (id: string) => packs.find((p) => p.id === id)!;

describe('policy parameters in words', () => {
  it('names and renders every parameter of every shipped pack in both languages, never as a raw key or object', () => {
    for (const p of packs) {
      for (const [key, param] of Object.entries(p.params)) {
        for (const c of [zh, english]) {
          expect(paramLabel(key, c.t)).not.toBe(key);
          const lines = describeParam(key, param!.value, c);
          expect(lines.length).toBeGreaterThan(0);
          for (const text of lines) expect(text).not.toMatch(/\[object|undefined|^\{/);
        }
      }
    }
  });

  it('reads Liaoyuan’s leader quotas and first-unit reward as labelled lines with units', () => {
    const liaoyuan = pack('liaoyuan').params;
    expect(paramLabel('leaderQuotas', zh.t)).toBe('县区（园区）主要负责人年度招商任务');
    expect(describeParam('leaderQuotas', liaoyuan.leaderQuotas!.value, zh)).toEqual([
      '每年带队外出招商：5 次',
      '签约工业项目：5 个（每个 5,000 万元 以上）',
      '落地项目：2 个',
      '计为工业的行业门类：B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业',
    ]);
    expect(describeParam('firstUnitLandingReward', liaoyuan.firstUnitLandingReward!.value, zh)).toEqual([
      '项目规模超过：10,000 万元',
      '次年办公经费增加：20%',
      '预算优先保障：是',
    ]);
    expect(describeParam('referralReward', liaoyuan.referralReward!.value, english)).toEqual([
      'Project size at least: 50,000 ×10k yuan',
      'Reward standard: By local rules',
    ]);
  });

  it('puts units on the compound values of Jiaxing and on scalar ones', () => {
    const jiaxing = pack('jiaxing').params;
    expect(describeParam('firstReport', jiaxing.firstReport!.value, zh)).toEqual([
      '总投资：100,000 万元',
      '外资：10,000 万美元',
      '排他期：1 个月',
    ]);
    expect(describeParam('preSigningFiling', jiaxing.preSigningFiling!.value, zh)).toEqual([
      '提前报备：7 天',
      '项目规模门槛：100,000 万元',
    ]);
    expect(describeParam('landLists', jiaxing.landLists!.value, zh)).toEqual(['连片地块：100 亩', '储备地块：200 亩']);
    expect(describeParam('outboundStaffing', jiaxing.outboundStaffing!.value, zh)).toEqual([
      '每年外派：30 人',
      '驻点城市：北京、上海、深圳、苏州',
    ]);
    expect(describeParam('reviewRequiredThresholdWan', '500000', zh)).toEqual(['500,000 万元']);
    expect(describeParam('stationedTeamsMin', 10, zh)).toEqual(['不少于 10 支']);
    expect(describeParam('stalledRedirect', true, english)).toEqual(['Yes']);
    expect(describeParam('outboundStaffing', jiaxing.outboundStaffing!.value, english)).toEqual([
      'Sent out each year: 30 people',
      'Cities: 北京, 上海, 深圳, 苏州',
    ]);
  });

  it('shows a parameter the page does not know yet by its key and JSON value', () => {
    expect(paramLabel('somethingNew', zh.t)).toBe('somethingNew');
    expect(describeParam('somethingNew', { a: 1 }, zh)).toEqual(['{"a":1}']);
  });
});
