import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atOrOver, escalationTargetRegion, missingThreeOnes, signedAmountWan, signedInMonth } from './escalation';
import { parsePolicyPack, resolvePolicy } from './policy';

const dir = path.resolve(import.meta.dirname, '../../policies');
const packs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parsePolicyPack(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));

describe('escalation (liaoyuan §三.三) and the Jilin monthly list (jilin §三(三))', () => {
  const dongfeng = resolvePolicy(packs, ['000000', '220000', '220400', '220421'], '2025-08-01');

  it('Liaoyuan: ≥5亿元 escalates, exactly 5亿元 included, 1 元 less not', () => {
    expect(dongfeng.escalationThresholdWan).toMatchObject({ value: '50000', source: 'liaoyuan §三.三' });
    const t = dongfeng.escalationThresholdWan!.value;
    expect(atOrOver('50000', t)).toBe(true);
    expect(atOrOver('49999.9999', t)).toBe(false);
    expect(atOrOver('50000.0001', t)).toBe(true);
  });

  it('Liaoyuan before its pack took effect, and other provinces: no escalation threshold', () => {
    expect(resolvePolicy(packs, ['000000', '220000', '220400'], '2025-07-06').escalationThresholdWan).toBeUndefined();
    expect(resolvePolicy(packs, ['000000', '330000', '330400'], '2025-08-01').escalationThresholdWan).toBeUndefined();
  });

  it('Jilin: the monthly list takes signed projects ≥1亿元, inherited by Liaoyuan’s counties', () => {
    expect(dongfeng.provincialSignedReportThresholdWan).toMatchObject({ value: '10000', packId: 'jilin' });
    expect(atOrOver('10000', '10000')).toBe(true);
    expect(atOrOver('9999.9999', '10000')).toBe(false);
    expect(signedInMonth('2025-08-31', '2025-08')).toBe(true);
    expect(signedInMonth('2025-09-01', '2025-08')).toBe(false);
    expect(signedInMonth(null, '2025-08')).toBe(false);
  });

  it('judges by the contract amount, else the total investment', () => {
    expect(signedAmountWan({ contractAmountWan: '60000', totalInvestmentWan: '10' })).toBe('60000');
    expect(signedAmountWan({ contractAmountWan: null, totalInvestmentWan: '10' })).toBe('10');
  });

  it('escalates to the pack’s region from below it, else to the host’s parent', () => {
    expect(escalationTargetRegion('/000000/220000/220400/220421/', '220400')).toBe('220400');
    expect(escalationTargetRegion('/000000/220000/220400/', '220400')).toBe('220000');
    expect(escalationTargetRegion('/000000/220000/220400/2204Z1/', null)).toBe('220400');
    expect(escalationTargetRegion('/000000/', null)).toBe('000000');
  });

  it('三个一 are missing until all three are filled (blank counts as missing)', () => {
    expect(missingThreeOnes({})).toEqual(['responsibleLeader', 'serviceTeam', 'actionPlan']);
    expect(missingThreeOnes({ responsibleLeader: '张三', serviceTeam: '  ', actionPlan: '方案' })).toEqual([
      'serviceTeam',
    ]);
    expect(missingThreeOnes({ responsibleLeader: '张三', serviceTeam: '专班', actionPlan: '方案' })).toEqual([]);
  });
});
