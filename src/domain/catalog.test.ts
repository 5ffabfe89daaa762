import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEntries, catalogs, catalogsFor, classifyByIndustry, parseCatalog } from './catalog';
import jilin from './catalogs/jilin.json';
import { foldText } from './names';

// The policy documents sit beside the repository (shared/seeds), as in every checkout CI makes.
const SEEDS =
  [path.resolve(import.meta.dirname, '../../../shared/seeds'), '/work/shared/seeds'].find((d) => fs.existsSync(d)) ??
  '../shared/seeds';
const seedText = (file: string) => foldText(fs.readFileSync(path.join(SEEDS, file), 'utf8')).replace(/\s+/g, '');
const names = (id: string, group: string) =>
  catalogs()
    .find((c) => c.id === id)!
    .groups.find((g) => g.key === group)!
    .entries.map((e) => e.name.zh);

describe('guidance catalogs', () => {
  it('ships the five jurisdictions, every entry citing a clause of its own jurisdiction', () => {
    expect(catalogs().map((c) => c.id)).toEqual(['jilin', 'liaoyuan', 'jiangmen', 'jiaxing', 'gansu']);
    for (const entry of catalogEntries()) expect(entry.source.startsWith(`${entry.catalogId} `)).toBe(true);
  });

  it('holds Jilin "6+5+N" exactly as jilin §二(一) lists it', () => {
    expect(names('jilin', 'lead')).toEqual(['汽车', '装备制造', '现代农业', '石油化工', '文化旅游', '光电信息']);
    expect(names('jilin', 'emerging')).toEqual(['新能源', '新装备', '新材料', '新医药', '新服务']);
    expect(names('jilin', 'future')).toEqual(['人工智能', '新型显示', '低空装备']);
  });

  it('holds the eight Liaoyuan chains, each with its own clause', () => {
    const entries = catalogEntries().filter((e) => e.catalogId === 'liaoyuan');
    expect(entries.map((e) => e.name.zh)).toEqual([
      '袜业纺织',
      '农产品加工',
      '装备制造',
      '医药健康',
      '冶金建材',
      '新能源',
      '新文旅',
      '未来经济',
    ]);
    expect(entries.map((e) => e.source)).toEqual(
      ['一', '二', '三', '四', '五', '六', '七', '八'].map((n) => `liaoyuan §四(${n})`),
    );
  });

  it('holds Jiangmen clusters, Jiaxing directions (folded from Traditional) and Gansu clusters', () => {
    expect(names('jiangmen', 'consolidate')).toEqual(['先进材料', '现代轻工纺织', '现代农业与食品']);
    expect(names('jiangmen', 'cultivate')).toEqual(['新一代电子信息', '新能源']);
    expect(names('jiaxing', 'traditional')).toEqual(['化工新材料', '时尚']);
    expect(names('jiaxing', 'emerging')).toEqual(['新一代网络通信', '光伏新能源', '新能源汽车']);
    expect(names('jiaxing', 'future')).toEqual(['氢能', '核医药', '空天信息']);
    expect(names('gansu', 'characteristic')).toEqual([
      '石油化工',
      '有色冶金',
      '装备制造',
      '新能源',
      '新材料',
      '生物医药',
      '数字信息',
    ]);
  });

  it('quotes the Jiaxing clause as the folded Traditional notice says it', () => {
    const folded = foldText(
      fs.readFileSync(path.join(import.meta.dirname, '__fixtures__/jiaxing-city-2024.txt'), 'utf8'),
    );
    for (const group of catalogs().find((c) => c.id === 'jiaxing')!.groups) expect(folded).toContain(group.quote);
  });

  it.skipIf(!fs.existsSync(SEEDS))('quotes every clause verbatim from the seed texts', () => {
    const files = {
      jilin: 'jilin-province-2025.txt',
      jiangmen: 'jiangmen-city-2023.txt',
      jiaxing: 'jiaxing-city-2024.txt',
      gansu: 'gansu-province-2024.txt',
    } as const;
    for (const [id, file] of Object.entries(files)) {
      const text = seedText(file);
      for (const group of catalogs().find((c) => c.id === id)!.groups) {
        expect(text, `${id} ${group.key}`).toContain(group.quote.replace(/\s+/g, ''));
      }
    }
    const liaoyuan = seedText('liaoyuan-city-2025.txt');
    for (const entry of catalogEntries().filter((e) => e.catalogId === 'liaoyuan')) {
      expect(liaoyuan).toContain(`${entry.name.zh}产业链。`);
    }
  });

  it('refuses an entry whose name is not in its quoted clause, or an unknown division', () => {
    const bad = structuredClone(jilin);
    bad.groups[0]!.entries[0]!.name.zh = '造船';
    expect(() => parseCatalog(bad, 'bad.json')).toThrow(/bad.json is invalid: .*造船/);
    const badDivision = structuredClone(jilin);
    badDivision.groups[0]!.entries[0]!.divisions = ['99'];
    expect(() => parseCatalog(badDivision)).toThrow(/no GB\/T 4754 division 99/);
  });

  it('judges a Liaoyuan car-parts project against Jilin and Liaoyuan catalogs, not Gansu', () => {
    const lineage = ['000000', '220000', '220400'];
    expect(catalogsFor(lineage).map((c) => c.id)).toEqual(['jilin', 'liaoyuan']);
    expect(classifyByIndustry('36', lineage).map((e) => e.code)).toEqual([
      'jilin.lead.automotive',
      'liaoyuan.chain.equipment',
    ]);
    expect(classifyByIndustry(null, lineage)).toEqual([]);
    expect(classifyByIndustry('27', ['000000', '620000']).map((e) => e.code)).toEqual([
      'gansu.cluster.biomedicine',
      'gansu.resource.biomedicine',
    ]);
  });
});
