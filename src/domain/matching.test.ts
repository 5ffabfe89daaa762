import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  type Candidate,
  type Demand,
  canonicalDecimal,
  fromHundredths,
  minimumCandidateSize,
  rankCandidates,
  scoreCandidate,
  toHundredths,
} from './matching';
import { foldText } from './names';
import { parsePolicyPack } from './policy';

const TODAY = '2025-06-01';
const JIAXING = '/000000/330000/330400/';

const demand: Demand = {
  landMu: '100',
  buildingM2: null,
  use: 'industrial',
  powerKva: '2000',
  energyTce: '500',
  emissionsT: null,
  preferredPaths: [JIAXING],
  readyToBuild: true,
  neededBy: '2025-09-30',
};

function parcel(overrides: Partial<Candidate>): Candidate {
  return {
    kind: 'parcel',
    id: overrides.code ?? 'x',
    code: 'x',
    name: 'x',
    size: '100',
    use: 'industrial',
    regionCode: '3304Z1',
    regionPath: `${JIAXING}3304Z1/`,
    zoneLevel: 'national',
    readyToBuild: true,
    availableOn: null,
    quotaRemaining: { power: '10000', energy: '3000' },
    ...overrides,
  };
}

const points = (c: Candidate, d = demand) =>
  Object.fromEntries(scoreCandidate(d, c, TODAY).parts.map((p) => [p.part, p.points]));

describe('score parts', () => {
  test('a parcel that fits in every way scores 100', () => {
    const m = scoreCandidate(demand, parcel({ code: 'A' }), TODAY);
    expect(m.score).toBe(100);
    expect(m.misfits).toBe(0);
    expect(m.parts.find((p) => p.part === 'size')!.zh).toBe('面积 100 亩，正好满足需求');
  });

  test('size: 120 亩 for 100 wastes 20 → penalty floor(20×20/100)=4 → 36; 250 亩 → capped penalty 20 → 20', () => {
    expect(points(parcel({ size: '120' })).size).toBe(36);
    expect(points(parcel({ size: '250' })).size).toBe(20);
    // 104.99 → excess 4.99 → floor(20×4.99/100) = 0 → still 40 but "partial" is not reported
    expect(points(parcel({ size: '104.99' })).size).toBe(40);
  });

  test('size: 80 亩 for 100 is a misfit worth floor(30×80/100) = 24, and says how much is missing', () => {
    const m = scoreCandidate(demand, parcel({ size: '80' }), TODAY);
    const size = m.parts.find((p) => p.part === 'size')!;
    expect(size).toMatchObject({ points: 24, fit: 'misfit' });
    expect(size.zh).toBe('面积 80 亩，比需求 100 亩 少 20 亩');
    expect(size.en).toBe('80 mu is 20 mu short of the 100 mu needed');
  });

  test('use: same 20, compatible 10, other 0; location and zone', () => {
    expect(points(parcel({ use: 'rd' })).use).toBe(10);
    expect(points(parcel({ use: 'commercial' })).use).toBe(0);
    expect(points(parcel({ regionPath: '/000000/220000/220400/' })).location).toBe(0);
    expect(points(parcel({}), { ...demand, preferredPaths: [] }).location).toBe(8);
    expect(points(parcel({ zoneLevel: 'provincial' })).zone).toBe(5);
    expect(points(parcel({ zoneLevel: null })).zone).toBe(0);
  });

  test('readiness and timing against the date needed', () => {
    expect(points(parcel({ readyToBuild: false })).readiness).toBe(0);
    expect(points(parcel({ readyToBuild: false }), { ...demand, readyToBuild: false }).readiness).toBe(5);
    expect(points(parcel({ availableOn: '2025-09-30' })).timing).toBe(5);
    const late = scoreCandidate(demand, parcel({ availableOn: '2025-10-01' }), TODAY);
    expect(late.parts.find((p) => p.part === 'timing')).toMatchObject({
      points: 0,
      fit: 'misfit',
      en: 'Available only from 2025-10-01, after the 2025-09-30 needed',
    });
  });

  test('quota: one of two demanded quotas covered → floor(10×1/2) = 5, unrecorded counts as not covered', () => {
    const m = scoreCandidate(demand, parcel({ quotaRemaining: { power: '10000', energy: '499.99' } }), TODAY);
    const q = m.parts.find((p) => p.part === 'quota')!;
    expect(q.points).toBe(5);
    expect(q.fit).toBe('misfit');
    expect(q.zh).toBe('用电容量余 10000 kVA，够 2000；能耗指标仅余 499.99 吨标准煤，不足 500');
    expect(points(parcel({ quotaRemaining: {} })).quota).toBe(0);
    expect(points(parcel({ quotaRemaining: {} }), { ...demand, powerKva: null, energyTce: '0' }).quota).toBe(10);
  });

  test('a building is measured in m² against the building demand', () => {
    const b: Candidate = { ...parcel({}), kind: 'building', code: 'B', size: '6000', readyToBuild: false };
    const m = scoreCandidate({ ...demand, buildingM2: 5000 }, b, TODAY);
    const size = m.parts.find((p) => p.part === 'size')!;
    // excess 1000 of 5000 → floor(20×1000/5000) = 4
    expect(size.points).toBe(36);
    expect(size.zh).toBe('面积 6000 平方米，满足需求 5000 平方米（富余 1000 平方米）');
    // a building is usable at once, so the ready-to-build wish is met
    expect(m.parts.find((p) => p.part === 'readiness')!.points).toBe(5);
  });
});

describe('ranking', () => {
  test('fixed candidates come out in the hand-computed order', () => {
    const candidates: Candidate[] = [
      // 80 亩: size 24, rest full → 84, 1 misfit
      parcel({ code: 'P-SMALL', size: '80' }),
      // 120 亩: size 36 → 96
      parcel({ code: 'P-120', size: '120' }),
      // 100 亩 but outside the preferred region and not in a zone: 100 − 15 − 5 = 80
      parcel({ code: 'P-AWAY', regionPath: '/000000/220000/220400/', zoneLevel: null }),
      // 110 亩: penalty floor(20×10/100) = 2 → 38 → 98
      parcel({ code: 'P-110', size: '110' }),
      // exact fit → 100
      parcel({ code: 'P-EXACT' }),
      // 116 亩: penalty floor(20×16/100) = 3 → 97
      parcel({ code: 'P-116', size: '116' }),
      // 120 亩 like P-120 → tie on score and misfits and distance: code decides (P-120 < P-120B)
      parcel({ code: 'P-120B', size: '120' }),
    ];
    const ranked = rankCandidates(demand, candidates, TODAY, 10);
    expect(ranked.map((m) => [m.candidate.code, m.score])).toEqual([
      ['P-EXACT', 100],
      ['P-110', 98],
      ['P-116', 97],
      ['P-120', 96],
      ['P-120B', 96],
      ['P-SMALL', 84],
      ['P-AWAY', 80],
    ]);
    expect(rankCandidates(demand, candidates, TODAY, 2)).toHaveLength(2);
  });

  test('on equal score fewer misfits rank first, then the closer size, then the code', () => {
    // 90 亩: size floor(30×90/100) = 27, the rest full → 87 with one misfit (size)
    const a = parcel({ code: 'A-90', size: '90' });
    // 140 亩: penalty floor(20×40/100) = 8 → 32; not in a zone (0) → 87, no misfit, 40 亩 away
    const z = parcel({ code: 'Z-140', size: '140', zoneLevel: null });
    // 144 亩: penalty floor(20×44/100) = 8 → 32 → 87, no misfit, 44 亩 away
    const m = parcel({ code: 'M-144', size: '144', zoneLevel: null });
    const ranked = rankCandidates(demand, [a, m, z], TODAY);
    expect(ranked.map((r) => [r.candidate.code, r.score, r.misfits])).toEqual([
      ['Z-140', 87, 0],
      ['M-144', 87, 0],
      ['A-90', 87, 1],
    ]);
  });
});

describe('exact decimals', () => {
  test('hundredths round-trip without floating point', () => {
    expect(toHundredths('0.1') + toHundredths('0.2')).toBe(toHundredths('0.3'));
    expect(fromHundredths(toHundredths('120.50'))).toBe('120.5');
    expect(canonicalDecimal('100.00')).toBe('100');
    expect(() => toHundredths('1.234')).toThrow();
    expect(minimumCandidateSize('101')).toBe('50.5');
  });
});

describe('the land-list and priority-share figures come from jiaxing §三(二)', () => {
  test('the pack values are the numbers of the (Traditional) clause', () => {
    const clause = foldText(fs.readFileSync(new URL('./__fixtures__/jiaxing-city-2024.txt', import.meta.url), 'utf8'))
      .split('\n')
      .find((l) => l.includes('连片100亩'));
    if (!clause) return expect.fail('clause §三(二) not found in the seed');
    const pack = parsePolicyPack(JSON.parse(fs.readFileSync('policies/jiaxing.json', 'utf8')), 'jiaxing');
    const lists = pack.params.landLists!;
    const share = pack.params.priorityZoneShare!;
    expect(lists.source).toBe('jiaxing §三(二)');
    expect(clause).toContain(`连片${lists.value.contiguousMu}亩以上可供土地清单`);
    expect(clause).toContain(`${lists.value.reserveMu}亩以上连片净地的储备`);
    expect(clause).toContain(`${Math.round(share.value * 100)}%以上向省级以上开发区`);
    expect(clause).toContain(`省级以上开发区(园区)的重大项目不少于${Math.round(share.value * 100)}%`);
  });
});
