import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, exclusivityEndsOn, inExclusivity, requiresFirstReport } from './first-report';
import { parsePolicyPack, resolvePolicy } from './policy';

const dir = path.resolve(import.meta.dirname, '../../policies');
const packs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parsePolicyPack(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));
const JIAXING_COUNTY = ['000000', '330000', '330400', '330402'];
const jiaxing = resolvePolicy(packs, JIAXING_COUNTY, '2025-03-10').firstReport!;

describe('first report (jiaxing §二(一)3)', () => {
  it('Jiaxing: ≥10亿元 or ≥1亿美元, one month, resolved for a county from the city pack', () => {
    expect(jiaxing.source).toBe('jiaxing §二(一)3');
    const rule = jiaxing.value;
    expect(requiresFirstReport({ totalInvestmentWan: '100000' }, rule)).toBe(true); // exactly 10亿元
    expect(requiresFirstReport({ totalInvestmentWan: '99999.9999' }, rule)).toBe(false); // 1 元 under
    expect(requiresFirstReport({ totalInvestmentWan: '100000.0001' }, rule)).toBe(true);
    expect(requiresFirstReport({ totalInvestmentWan: '5000', foreignInvestmentUsdWan: '10000' }, rule)).toBe(true); // exactly 1亿美元
    expect(requiresFirstReport({ totalInvestmentWan: '5000', foreignInvestmentUsdWan: '9999.9999' }, rule)).toBe(false);
    expect(requiresFirstReport({ totalInvestmentWan: '5000', foreignInvestmentUsdWan: null }, rule)).toBe(false);
  });

  it('other jurisdictions set no first-report rule', () => {
    for (const lineage of [
      ['000000', '220000', '220400', '220421'],
      ['000000', '620000', '620100'],
      ['000000', '440000', '440700'],
    ]) {
      expect(resolvePolicy(packs, lineage, '2025-08-01').firstReport).toBeUndefined();
    }
  });

  it('the window ends on the corresponding day one month later (Civil Code counting), inclusive', () => {
    const ends = exclusivityEndsOn('2025-03-10', jiaxing.value.exclusivityMonths);
    expect(ends).toBe('2025-04-10');
    expect(inExclusivity(ends, '2025-04-09')).toBe(true); // one day before the end
    expect(inExclusivity(ends, '2025-04-10')).toBe(true); // exactly one month
    expect(inExclusivity(ends, '2025-04-11')).toBe(false); // one day after
    expect(inExclusivity(null, '2025-03-10')).toBe(false);
  });

  it('a month without the corresponding day ends on its last day', () => {
    expect(exclusivityEndsOn('2025-01-31', 1)).toBe('2025-02-28');
    expect(exclusivityEndsOn('2024-01-31', 1)).toBe('2024-02-29');
    expect(exclusivityEndsOn('2025-12-15', 1)).toBe('2026-01-15');
    expect(() => exclusivityEndsOn('2025-02-30', 1)).toThrow(RangeError);
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysUntil('2025-12-25', '2026-01-01')).toBe(7);
    expect(daysUntil('2025-03-10', '2025-03-03')).toBe(-7);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
