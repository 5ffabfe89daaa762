import { describe, expect, it } from 'vitest';
import {
  lastEndedQuarter,
  missed,
  parsePeriod,
  rankByScore,
  rate,
  reminderTalk,
  scoreRegion,
  type SchemeRules,
} from './assessment';
import { completionPercent, indicatorValues, projectFacts, sumMetricRows, type FactProject } from './indicators';
import { drawSample, unitQuality } from './sampling';
import { decomposeByGrowth, grow, splitTarget } from './targets';

const base: FactProject = {
  hostRegionCode: '330421',
  stage: 'signed',
  signingDate: '2024-03-10',
  registeredDate: null,
  startDate: null,
  productionDate: null,
  totalInvestmentWan: '120000',
  contractAmountWan: '100000.5',
  foreignInvestmentUsdWan: '15000',
  industrySection: 'C',
  stalledSince: null,
  chainId: null,
  onKeyChain: true,
  top500: true,
  fortune500: false,
  reports: [],
  creditedRegions: [],
};

describe('indicators from project facts', () => {
  it('puts a signed ≥10亿 manufacturing project in every band up to 10亿 and over 1亿美元', () => {
    const facts = projectFacts(base);
    const metrics = facts
      .filter((f) => f.month === '2024-03')
      .map((f) => f.metric)
      .sort();
    expect(metrics).toEqual(
      [
        'band_ge_10yi',
        'band_ge_1yi',
        'band_ge_5000',
        'band_gt_1yi_usd',
        'key_chain',
        'manufacturing',
        'signed',
        'signed_investment',
        'top500',
      ].sort(),
    );
    expect(facts.find((f) => f.metric === 'stage:signed')).toMatchObject({ month: 'current', amount: '120000' });
  });

  it('counts nothing dated for a terminated project, and credits a transferred one to both regions', () => {
    expect(projectFacts({ ...base, stage: 'terminated' }).filter((f) => f.month !== 'current')).toEqual([]);
    const credited = projectFacts({ ...base, creditedRegions: ['330481'] });
    const signedRows = credited.filter((f) => f.metric === 'signed');
    expect(signedRows.map((f) => [f.regionCode, f.basis])).toEqual([
      ['330421', 'host'],
      ['330481', 'credit'],
    ]);
  });

  it('computes hand-checked values over three projects', () => {
    // P1: signed 2024-03, 120000 total, contract 100000.5, key chain, manufacturing, 15000 万美元.
    // P2: signed 2024-05, 4999.99 total, not key chain, section F; reports 2024-05 (late) and 2024-06 (on time).
    // P3: signed 2024-06, 600000 total, key chain, section C, started 2024-06.
    const p2: FactProject = {
      ...base,
      signingDate: '2024-05-02',
      totalInvestmentWan: '4999.99',
      contractAmountWan: null,
      foreignInvestmentUsdWan: null,
      industrySection: 'F',
      onKeyChain: false,
      top500: false,
      reports: [
        { month: '2024-05', fundsInPlaceWan: '1000.25', isCurrent: false, version: 1, late: true },
        { month: '2024-05', fundsInPlaceWan: '1200.25', isCurrent: true, version: 2, late: true },
        { month: '2024-06', fundsInPlaceWan: '300', isCurrent: true, version: 1, late: false },
      ],
    };
    const p3: FactProject = {
      ...base,
      signingDate: '2024-06-30',
      totalInvestmentWan: '600000',
      contractAmountWan: '600000',
      foreignInvestmentUsdWan: '0',
      top500: false,
      startDate: '2024-06-30',
      stage: 'started',
    };
    const facts = [base, p2, p3].flatMap(projectFacts).filter((f) => f.month >= '2024-01' && f.month <= '2024-06');
    const v = indicatorValues(sumMetricRows(facts));
    expect(v.signedProjects).toBe('3');
    expect(v.signedAmountWan).toBe('705000.49'); // 100000.5 + 4999.99 + 600000
    expect(v.projectsGe5000Wan).toBe('2');
    expect(v.projectsGe10Yi).toBe('2');
    expect(v.projectsGe50Yi).toBe('1');
    expect(v.projectsGe100Yi).toBe('0');
    expect(v.projectsGt1YiUsd).toBe('1');
    expect(v.top500Projects).toBe('1');
    expect(v.manufacturingPlannedWan).toBe('720000');
    // key chain 720000 of 724999.99 = 99.3103...% → 99.31
    expect(v.keyChainSharePercent).toBe('99.31');
    expect(v.fundsInPlaceWan).toBe('1500.25'); // current versions only
    expect(v.startedProjects).toBe('1');
    // two first submissions, one on time
    expect(v.reportTimelinessPercent).toBe('50.00');
    expect(completionPercent('1500.25', '2000')).toBe('75.01');
    expect(completionPercent('3', null)).toBeNull();
  });
});

describe('targets', () => {
  it('grows exactly and decomposes Gansu at +20% against +15%', () => {
    expect(grow('70000000', 0.15)).toBe('80500000');
    expect(grow('0.0001', 0.5)).toBe('0.0002'); // 0.00015 rounds half up
    const d = decomposeByGrowth(
      [
        { regionCode: '620100', baseValue: '1000' },
        { regionCode: '620200', baseValue: '3000' },
      ],
      { required: 0.15, dispatched: 0.2 },
    );
    expect(d.children.map((c) => c.target)).toEqual(['1200', '3600']);
    expect(d.parentRequired).toBe('4600');
    expect(d.parentDispatched).toBe('4800');
    expect(d.covers).toBe(true);
  });

  it('splits a parent target by bases, scaled by dispatched/required, adding up exactly', () => {
    // 1150 × 1.2 / 1.15 = 1200, split 1:2:3 → 200, 400, 600
    const parts = splitTarget(
      '1150',
      [
        { regionCode: 'a', baseValue: '1' },
        { regionCode: 'b', baseValue: '2' },
        { regionCode: 'c', baseValue: '3' },
      ],
      { required: 0.15, dispatched: 0.2 },
    );
    expect(parts.map((p) => p.target)).toEqual(['200', '400', '600']);
    // 10 projects over three equal bases: 4, 3, 3 (remainder to the first)
    const even = splitTarget(
      '10',
      ['a', 'b', 'c'].map((r) => ({ regionCode: r, baseValue: '1' })),
      null,
    );
    expect(even.map((p) => p.target)).toEqual(['4', '3', '3']);
  });
});

const rules: SchemeRules = {
  indicators: [
    { key: 'projectsGe10Yi', weight: 40 },
    { key: 'foreignCapitalUsdWan', weight: 30 },
    { key: 'fortune500Projects', weight: 30 },
  ],
  mainIndicator: 'projectsGe10Yi',
  completionCapPercent: '120.00',
  ratingBands: { excellent: 95, good: 80, pass: 60 },
  excellentMinCompletion: 0.7,
  reminderAfterYears: 2,
  source: 'jiaxing §三(一)',
};

describe('assessment rules', () => {
  it('parses the periods and judges them year to date', () => {
    expect(parsePeriod('2024-Q2')).toMatchObject({
      kind: 'quarter',
      from: '2024-04',
      to: '2024-06',
      ytdFrom: '2024-01',
    });
    expect(parsePeriod('2024-H2')).toMatchObject({ kind: 'half', from: '2024-07', to: '2024-12' });
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', to: '2024-12' });
    expect(parsePeriod('2024-13')).toBeNull();
  });

  it('names the last quarter that has ended by a day', () => {
    expect(lastEndedQuarter('2026-11-25')).toBe('2026-Q3');
    expect(lastEndedQuarter('2026-10-01')).toBe('2026-Q3');
    expect(lastEndedQuarter('2026-09-30')).toBe('2026-Q2');
    expect(lastEndedQuarter('2026-01-05')).toBe('2025-Q4');
    expect(lastEndedQuarter('2026-03-31')).toBe('2025-Q4');
  });

  it('scores weighted capped completion and renormalises over indicators with targets', () => {
    // 40×65 + 30×120 (cap of 150) + 30×120 = 2600 + 3600 + 3600 = 9800 / 100 = 98.00
    const s = scoreRegion(rules, {
      projectsGe10Yi: '65.00',
      foreignCapitalUsdWan: '150.00',
      fortune500Projects: '120.00',
    });
    expect(s.score).toBe('98.00');
    // Only two with targets: (40×50 + 30×100) / 70 = 5000/70 = 71.428… → 71.43
    expect(
      scoreRegion(rules, { projectsGe10Yi: '50.00', foreignCapitalUsdWan: '100.00', fortune500Projects: null }).score,
    ).toBe('71.43');
    expect(scoreRegion(rules, {}).score).toBeNull();
  });

  it('does not rate a region excellent below 70% of the main target, nor with false data', () => {
    expect(rate(rules, { score: '98.00', mainCompletion: '65.00', falseData: false })).toMatchObject({
      rating: 'good',
    });
    expect(rate(rules, { score: '98.00', mainCompletion: '70.00', falseData: false })).toEqual({
      rating: 'excellent',
      capped: null,
    });
    expect(rate(rules, { score: '98.00', mainCompletion: '90.00', falseData: true }).rating).toBe('good');
    expect(rate(rules, { score: '79.99', mainCompletion: '90.00', falseData: false }).rating).toBe('pass');
    expect(rate(rules, { score: '59.99', mainCompletion: '90.00', falseData: false }).rating).toBe('fail');
  });

  it('ranks ties equally and leaves unscored regions unranked', () => {
    const ranked = rankByScore([
      { id: 'a', score: '90.00' },
      { id: 'b', score: '95.5' },
      { id: 'c', score: '90' },
      { id: 'd', score: null },
      { id: 'e', score: '10.00' },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 2],
      ['d', null],
      ['e', 4],
    ]);
  });

  it('flags a reminder talk after two years of last place or two years of missed targets', () => {
    expect(
      reminderTalk(
        [
          { year: 2023, lastPlace: true, missedTarget: false },
          { year: 2024, lastPlace: true, missedTarget: false },
        ],
        2024,
        2,
      )?.en,
    ).toMatch(/Last place 2 years/);
    expect(
      reminderTalk(
        [
          { year: 2023, lastPlace: false, missedTarget: true },
          { year: 2024, lastPlace: true, missedTarget: true },
        ],
        2024,
        2,
      )?.en,
    ).toMatch(/Target missed/);
    expect(
      reminderTalk(
        [
          { year: 2022, lastPlace: true, missedTarget: true },
          { year: 2023, lastPlace: false, missedTarget: false },
          { year: 2024, lastPlace: true, missedTarget: true },
        ],
        2024,
        2,
      ),
    ).toBeNull();
    expect(reminderTalk([{ year: 2024, lastPlace: true, missedTarget: true }], 2024, 2)).toBeNull();
    expect(missed('99.99')).toBe(true);
    expect(missed('100.00')).toBe(false);
    expect(missed(null)).toBe(false);
  });
});

describe('sampling', () => {
  it('draws the same sample from the same seed whatever the order, at most n per unit', () => {
    const a = drawSample(
      new Map([
        ['u1', ['p1', 'p2', 'p3', 'p4']],
        ['u2', ['q1']],
      ]),
      2,
      'check-1',
    );
    const b = drawSample(
      new Map([
        ['u2', ['q1']],
        ['u1', ['p4', 'p3', 'p2', 'p1']],
      ]),
      2,
      'check-1',
    );
    expect(a).toEqual(b);
    expect(a.get('u1')).toHaveLength(2);
    expect(new Set(a.get('u1')).size).toBe(2);
    expect(a.get('u2')).toEqual(['q1']);
  });

  it('reports quality per unit and flags false data', () => {
    const q = unitQuality({
      filledFields: 9,
      requiredFields: 12,
      reports: 8,
      reportsOnTime: 7,
      sampled: 3,
      findings: { confirmed: 1, corrected: 1, false: 1 },
    });
    expect(q).toEqual({
      completenessPercent: '75.00',
      timelinessPercent: '87.50',
      verifiedPercent: '66.67',
      falseCount: 1,
      flagged: true,
    });
  });
});
