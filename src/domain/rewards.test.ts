import { describe, expect, test } from 'vitest';
import {
  type FirstUnitRewardRule,
  firstUnitEntitlements,
  landingDate,
  type ReferralRewardRule,
  referralEntitlements,
  type RewardProject,
} from './rewards';

const LIAOYUAN_UNIT: FirstUnitRewardRule = {
  overWan: '10000',
  officeFundsIncrease: 0.2,
  budgetPriority: true,
  source: 'liaoyuan §三.七',
};
const JIAXING_REFERRAL: ReferralRewardRule = { minWan: '0', standard: 'market_top', source: 'jiaxing §二(二)9' };
const LIAOYUAN_REFERRAL: ReferralRewardRule = { minWan: '50000', standard: 'local_rules', source: 'liaoyuan §三.七' };

function project(overrides: Partial<RewardProject>): RewardProject {
  return {
    id: 'p1',
    code: 'ZS-2025-220400-0001',
    name: '测试项目',
    stage: 'registered',
    totalInvestmentWan: '12000.00',
    registeredDate: '2025-08-10',
    startDate: null,
    productionDate: null,
    achievedDate: null,
    stageEnteredOn: '2025-08-11',
    ...overrides,
  };
}

const unit = { id: 'u1', name: '辽源市投资促进中心' };

describe('landingDate', () => {
  test('is the registration date, else the first later milestone, else the day the landed stage began', () => {
    expect(landingDate(project({}))).toBe('2025-08-10');
    expect(landingDate(project({ stage: 'started', registeredDate: null, startDate: '2025-09-01' }))).toBe(
      '2025-09-01',
    );
    expect(landingDate(project({ stage: 'producing', registeredDate: null }))).toBe('2025-08-11');
  });
  test('is null before landing and after termination', () => {
    expect(landingDate(project({ stage: 'signed' }))).toBeNull();
    expect(landingDate(project({ stage: 'terminated' }))).toBeNull();
  });
});

describe('first-negotiation unit reward (liaoyuan §三.七)', () => {
  test('a landed project over 1亿元 earns budget priority and +20% office funds for the next year', () => {
    const [e, ...rest] = firstUnitEntitlements([{ project: project({}), unit, rule: LIAOYUAN_UNIT }]);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      reason: 'first_unit_landing',
      beneficiary: { kind: 'unit', id: 'u1' },
      landedOn: '2025-08-10',
      rewardYear: 2026,
      source: 'liaoyuan §三.七',
    });
    expect(e!.reward.zh).toBe('2026年预算安排重点保障；办公经费在上一年基础上提高20%');
    expect(e!.reward.en).toBe('budget priority in 2026; office funds 20% above the previous year');
  });
  test('exactly 1亿元 is not "超亿元"; a project not yet landed or without a rule earns nothing', () => {
    expect(
      firstUnitEntitlements([{ project: project({ totalInvestmentWan: '10000' }), unit, rule: LIAOYUAN_UNIT }]),
    ).toEqual([]);
    expect(
      firstUnitEntitlements([{ project: project({ totalInvestmentWan: '10000.01' }), unit, rule: LIAOYUAN_UNIT }]),
    ).toHaveLength(1);
    expect(firstUnitEntitlements([{ project: project({ stage: 'signed' }), unit, rule: LIAOYUAN_UNIT }])).toEqual([]);
    expect(firstUnitEntitlements([{ project: project({}), unit, rule: null }])).toEqual([]);
  });
});

describe('referral reward', () => {
  const chamber = { id: 'c1', name: '上海吉林商会', kind: 'chamber' as const };
  test('Jiaxing: any referred project that lands is rewarded at the top market rate in the landing year', () => {
    const [e] = referralEntitlements([
      {
        partner: chamber,
        referredOn: '2025-01-05',
        project: project({ totalInvestmentWan: '300' }),
        rule: JIAXING_REFERRAL,
      },
    ]);
    expect(e).toMatchObject({
      reason: 'referral',
      rewardYear: 2025,
      beneficiary: { kind: 'partner', partnerKind: 'chamber' },
    });
    expect(e!.reward.zh).toContain('顶格');
  });
  test('Liaoyuan: only a major project (≥5亿元) counts; a referral recorded after landing counts for nothing', () => {
    const big = project({ totalInvestmentWan: '50000' });
    expect(
      referralEntitlements([
        { partner: chamber, referredOn: '2025-01-05', project: project({}), rule: LIAOYUAN_REFERRAL },
      ]),
    ).toEqual([]);
    expect(
      referralEntitlements([{ partner: chamber, referredOn: '2025-01-05', project: big, rule: LIAOYUAN_REFERRAL }]),
    ).toHaveLength(1);
    expect(
      referralEntitlements([{ partner: chamber, referredOn: '2025-08-11', project: big, rule: LIAOYUAN_REFERRAL }]),
    ).toEqual([]);
    expect(
      referralEntitlements([{ partner: chamber, referredOn: '2025-08-10', project: big, rule: LIAOYUAN_REFERRAL }]),
    ).toHaveLength(1);
  });
  test('two partners who referred one project are both listed, in landing order then by name (pinyin: 甲 jia before 上 shang)', () => {
    const list = referralEntitlements([
      {
        partner: { id: 'a2', name: '乙', kind: 'advisor' },
        referredOn: '2025-01-01',
        project: project({ id: 'p2', code: 'B', registeredDate: '2025-09-01' }),
        rule: JIAXING_REFERRAL,
      },
      { partner: chamber, referredOn: '2025-01-01', project: project({}), rule: JIAXING_REFERRAL },
      {
        partner: { id: 'a1', name: '甲', kind: 'advisor' },
        referredOn: '2025-01-01',
        project: project({}),
        rule: JIAXING_REFERRAL,
      },
    ]);
    expect(list.map((e) => [e.project.id, e.beneficiary.id])).toEqual([
      ['p1', 'a1'],
      ['p1', 'c1'],
      ['p2', 'a2'],
    ]);
  });
});
