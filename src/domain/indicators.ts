/**
 * Assessment indicators (考核指标), each with a written definition and a version, computed from
 * the project data. The database keeps per-project "facts" (one row per metric a project
 * contributes to, per month) and their sums per region and month (`region_month_summary`,
 * maintained by triggers, see migration `assessment_summary`); an indicator is a formula over
 * those sums. `projectFacts` is the same rule in TypeScript: tests prove the triggers and this
 * function agree.
 *
 * Money is exact decimal strings (万元, or 万美元 for foreign capital); percentages are strings
 * with two decimals ("83.33"), computed with `percentOf` from chain-indicators.ts.
 */

import { percentOf } from './chain-indicators';
import type { Bilingual } from './errors';
import { fromUnits, toUnits } from './money';

/** Metrics kept in the summary. `stage:<stage>` and `chain:<chainId>` are current-state metrics (month 'current'). */
export const DATED_METRICS = [
  'signed',
  'signed_investment',
  'band_ge_5000',
  'band_ge_1yi',
  'band_ge_10yi',
  'band_ge_50yi',
  'band_ge_100yi',
  'band_gt_1yi_usd',
  'top500',
  'fortune500',
  'manufacturing',
  'key_chain',
  'fdi',
  'started',
  'producing',
  'funds',
  'reports',
  'reports_on_time',
] as const;
export type DatedMetric = (typeof DATED_METRICS)[number];

/**
 * Metrics counted from the activity register (招商活动台账), not from the project summaries: the
 * assessment module asks the activities module for them per region and period and adds them to
 * the summary rows (see {@link activityMetricRows}).
 */
export const ACTIVITY_METRICS = ['trips', 'activities'] as const;
export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];

export function isActivityMetric(metric: string): metric is ActivityMetric {
  return (ACTIVITY_METRICS as readonly string[]).includes(metric);
}

/** The month key of current-state metrics (pipeline by stage, by chain, stalled). */
export const CURRENT = 'current';

/** Size bands (项目规模) in 万元 of total investment, and the foreign one in 万美元 (strictly greater). */
export const SIZE_BANDS = [
  { metric: 'band_ge_5000', minWan: '5000', label: { zh: '5000万元以上', en: '≥ ¥50 million' } },
  { metric: 'band_ge_1yi', minWan: '10000', label: { zh: '亿元以上', en: '≥ ¥100 million' } },
  { metric: 'band_ge_10yi', minWan: '100000', label: { zh: '10亿元以上', en: '≥ ¥1 billion' } },
  { metric: 'band_ge_50yi', minWan: '500000', label: { zh: '50亿元以上', en: '≥ ¥5 billion' } },
  { metric: 'band_ge_100yi', minWan: '1000000', label: { zh: '100亿元以上', en: '≥ ¥10 billion' } },
] as const;
/** 总投资超1亿美元: foreign investment strictly over 10000 万美元. */
export const USD_BAND_MIN_USD_WAN = '10000';

export type IndicatorUnit = 'wan' | 'usdWan' | 'count' | 'percent';

export interface IndicatorDefinition {
  key: string;
  version: number;
  name: Bilingual;
  unit: IndicatorUnit;
  definition: Bilingual;
  /** value = sum of `field` of `metric`; or a percent `numerator / denominator`. */
  formula:
    | { kind: 'sum'; metric: DatedMetric | ActivityMetric; field: 'count' | 'amount' }
    | { kind: 'ratio'; numerator: DatedMetric; denominator: DatedMetric; field: 'count' | 'amount' };
}

const signedRule = {
  zh: '按签约日期计入所在月份，以落地地（承接地）统计；已终止的项目不计；流转落地项目同时计入首谈地。',
  en: 'Counted in the month of the signing date, for the host region; terminated projects are left out; a transferred project that lands counts for the first-negotiation region too.',
};

function def(
  key: string,
  name: Bilingual,
  unit: IndicatorUnit,
  definition: Bilingual,
  formula: IndicatorDefinition['formula'],
): IndicatorDefinition {
  return { key, version: 1, name, unit, definition, formula };
}

const band = (key: string, metric: DatedMetric, zh: string, en: string): IndicatorDefinition =>
  def(
    key,
    { zh: `签约${zh}项目数`, en: `Signed projects ${en}` },
    'count',
    {
      zh: `签约项目中总投资${zh}的个数。${signedRule.zh}`,
      en: `Signed projects with total investment ${en}. ${signedRule.en}`,
    },
    { kind: 'sum', metric, field: 'count' },
  );

/** Every indicator the platform computes, in display order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  def(
    'fundsInPlaceWan',
    { zh: '到位资金', en: 'Funds in place' },
    'wan',
    {
      zh: '各项目月度进展报告（当前版本）填报的当月到位资金之和，按报告月份计入，以落地地统计（万元）。',
      en: 'Sum of the funds in place reported in the current version of each monthly progress report, in the report month, for the host region (万元).',
    },
    { kind: 'sum', metric: 'funds', field: 'amount' },
  ),
  def(
    'signedProjects',
    { zh: '签约项目数', en: 'Signed projects' },
    'count',
    { zh: `签约项目个数。${signedRule.zh}`, en: `Number of signed projects. ${signedRule.en}` },
    { kind: 'sum', metric: 'signed', field: 'count' },
  ),
  def(
    'signedAmountWan',
    { zh: '签约金额', en: 'Signed amount' },
    'wan',
    {
      zh: `签约项目的合同金额之和（无合同金额时取总投资，万元）。${signedRule.zh}`,
      en: `Sum of the contract amounts of signed projects (total investment where none, 万元). ${signedRule.en}`,
    },
    { kind: 'sum', metric: 'signed', field: 'amount' },
  ),
  band('projectsGe5000Wan', 'band_ge_5000', '5000万元以上', '≥ ¥50 million'),
  band('projectsGe1Yi', 'band_ge_1yi', '亿元以上', '≥ ¥100 million'),
  band('projectsGe10Yi', 'band_ge_10yi', '10亿元以上', '≥ ¥1 billion'),
  band('projectsGe50Yi', 'band_ge_50yi', '50亿元以上', '≥ ¥5 billion'),
  band('projectsGe100Yi', 'band_ge_100yi', '100亿元以上', '≥ ¥10 billion'),
  band('projectsGt1YiUsd', 'band_gt_1yi_usd', '超1亿美元', 'over US$100 million (foreign investment)'),
  def(
    'top500Projects',
    { zh: '“三个500强”项目数', en: 'Top-500 enterprise projects' },
    'count',
    {
      zh: `签约项目中投资方为世界500强、中国500强或民营500强的个数。${signedRule.zh}`,
      en: `Signed projects with an investor on the Fortune Global 500, China Top 500 or China Private Top 500 list. ${signedRule.en}`,
    },
    { kind: 'sum', metric: 'top500', field: 'count' },
  ),
  def(
    'fortune500Projects',
    { zh: '世界500强投资项目数', en: 'Fortune Global 500 projects' },
    'count',
    {
      zh: `签约项目中投资方为世界500强的个数。${signedRule.zh}`,
      en: `Signed projects with a Fortune Global 500 investor. ${signedRule.en}`,
    },
    { kind: 'sum', metric: 'fortune500', field: 'count' },
  ),
  def(
    'foreignCapitalUsdWan',
    { zh: '实际利用外资', en: 'Foreign capital actually used' },
    'usdWan',
    {
      zh: '当期完成注册（备案）项目的外资金额之和（万美元），按注册日期计入；平台未单独记录外资到账时以此计。',
      en: 'Sum of the foreign investment of projects registered in the period (万美元), by registration date; the platform holds no separate record of foreign capital arrival.',
    },
    { kind: 'sum', metric: 'fdi', field: 'amount' },
  ),
  def(
    'manufacturingPlannedWan',
    { zh: '制造业项目计划投资额', en: 'Manufacturing planned investment' },
    'wan',
    {
      zh: `国民经济行业门类为制造业（C）的签约项目总投资之和（万元）。${signedRule.zh}`,
      en: `Total investment of signed projects in GB/T 4754 section C (manufacturing), 万元. ${signedRule.en}`,
    },
    { kind: 'sum', metric: 'manufacturing', field: 'amount' },
  ),
  def(
    'keyChainSharePercent',
    { zh: '重点产业链项目投资额占比', en: 'Key-chain investment share' },
    'percent',
    {
      zh: `挂接重点产业链环节的签约项目总投资占全部签约项目总投资的百分比。${signedRule.zh}`,
      en: `Total investment of signed projects on a key-chain segment as a percentage of all signed projects' total investment. ${signedRule.en}`,
    },
    { kind: 'ratio', numerator: 'key_chain', denominator: 'signed_investment', field: 'amount' },
  ),
  def(
    'startedProjects',
    { zh: '开工项目数', en: 'Projects started' },
    'count',
    {
      zh: '按开工日期计入所在月份的项目个数，以落地地统计，已终止的不计。',
      en: 'Projects by the month of their construction start date, for the host region; terminated ones left out.',
    },
    { kind: 'sum', metric: 'started', field: 'count' },
  ),
  def(
    'producingProjects',
    { zh: '投产项目数', en: 'Projects in production' },
    'count',
    {
      zh: '按投产日期计入所在月份的项目个数，以落地地统计，已终止的不计。',
      en: 'Projects by the month of their production date, for the host region; terminated ones left out.',
    },
    { kind: 'sum', metric: 'producing', field: 'count' },
  ),
  def(
    'reportTimelinessPercent',
    { zh: '月报及时率', en: 'Report timeliness' },
    'percent',
    {
      zh: '当期月度进展报告中首次报送在截止日（含）前的百分比。',
      en: 'Share of the period’s monthly progress reports whose first submission was on or before the due day.',
    },
    { kind: 'ratio', numerator: 'reports_on_time', denominator: 'reports', field: 'count' },
  ),
  def(
    'outboundTrips',
    { zh: '外出招商次数', en: 'Investment trips' },
    'count',
    {
      zh: '招商活动台账登记的外出招商次数，按出发日期计入所在月份，以组织地区（含其下级地区）统计；一次外出计一次，不论参加人数。',
      en: 'Investment trips recorded in the activity register, counted in the month of their start date for the organising region (with the regions under it); a trip counts once whatever the number of participants.',
    },
    { kind: 'sum', metric: 'trips', field: 'count' },
  ),
  def(
    'attractionActivities',
    { zh: '招商活动场次', en: 'Attraction events' },
    'count',
    {
      zh: '招商活动台账登记的外出招商以外的活动场次（展会招商、招商推介会，以及云推介、云洽谈、云签约等线上活动），按开始日期计入所在月份，以举办地区（含其下级地区）统计。',
      en: 'Events other than trips recorded in the activity register (expos, promotion events, and online promotions, negotiations and signings), counted in the month of their start date for the organising region (with the regions under it).',
    },
    { kind: 'sum', metric: 'activities', field: 'count' },
  ),
];

export type IndicatorKey = string;

export function findIndicator(key: string): IndicatorDefinition | undefined {
  return INDICATORS.find((d) => d.key === key);
}

/** Sums of one metric over some regions and months. */
export interface MetricTotal {
  count: number;
  /** Decimal string. */
  amount: string;
}

export type MetricTotals = Partial<Record<string, MetricTotal>>;

/** An indicator's value from metric totals: a decimal string, or null for a ratio over nothing. */
export function indicatorValue(definition: IndicatorDefinition, totals: MetricTotals): string | null {
  const f = definition.formula;
  const read = (metric: string, field: 'count' | 'amount'): bigint => {
    const t = totals[metric];
    if (!t) return 0n;
    return field === 'count' ? BigInt(t.count) * 10000n : toUnits(t.amount);
  };
  if (f.kind === 'sum') return fromUnits(read(f.metric, f.field));
  const whole = read(f.denominator, f.field);
  if (whole === 0n) return null;
  return percentOf(read(f.numerator, f.field), whole);
}

/** Every indicator's value. */
export function indicatorValues(totals: MetricTotals): Record<string, string | null> {
  return Object.fromEntries(INDICATORS.map((d) => [d.key, indicatorValue(d, totals)]));
}

/** Adds metric rows into totals (exact). */
export function sumMetricRows(rows: readonly { metric: string; count: number; amount: string }[]): MetricTotals {
  const out: Record<string, { count: number; amount: bigint }> = {};
  for (const r of rows) {
    const t = (out[r.metric] ??= { count: 0, amount: 0n });
    t.count += Number(r.count);
    t.amount += toUnits(r.amount);
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, { count: v.count, amount: fromUnits(v.amount) }]),
  ) as MetricTotals;
}

/**
 * Activity counts of one region as metric rows, to be added to its summary rows before
 * {@link sumMetricRows}. Online events are part of `activities`.
 */
export function activityMetricRows(
  counts: { trips: number; activities: number } | undefined,
): { metric: ActivityMetric; count: number; amount: string }[] {
  if (!counts) return [];
  return [
    { metric: 'trips', count: counts.trips, amount: '0' },
    { metric: 'activities', count: counts.activities, amount: '0' },
  ];
}

/** Completion of a target, percent with two decimals; null when there is no positive target or no value. */
export function completionPercent(actual: string | null, target: string | null): string | null {
  if (actual === null || target === null) return null;
  const t = toUnits(target);
  if (t <= 0n) return null;
  return percentOf(toUnits(actual), t);
}

// ------------------------------------------------------------------ facts (mirror of the SQL)

export interface FactProject {
  hostRegionCode: string;
  stage: string;
  signingDate: string | null;
  registeredDate: string | null;
  startDate: string | null;
  productionDate: string | null;
  totalInvestmentWan: string;
  contractAmountWan: string | null;
  foreignInvestmentUsdWan: string | null;
  industrySection: string | null;
  stalledSince: string | null;
  chainId: string | null;
  onKeyChain: boolean;
  top500: boolean;
  fortune500: boolean;
  reports: readonly { month: string; fundsInPlaceWan: string; isCurrent: boolean; version: number; late: boolean }[];
  /** Regions other than the host credited for this project (coordination credits). */
  creditedRegions: readonly string[];
}

export interface Fact {
  regionCode: string;
  basis: 'host' | 'credit';
  month: string;
  metric: string;
  count: number;
  amount: string;
}

const ge = (a: string | null, min: string): boolean => a !== null && toUnits(a) >= toUnits(min);

/**
 * The facts one project contributes. Mirrors `zs_summary_facts_for` in the migration: a change
 * here must be made there too (the summary test compares them).
 */
export function projectFacts(p: FactProject): Fact[] {
  const dated: Omit<Fact, 'regionCode' | 'basis'>[] = [];
  const live = p.stage !== 'terminated';
  const add = (month: string, metric: string, amount: string | null) =>
    dated.push({ month, metric, count: 1, amount: amount ?? '0' });
  if (p.signingDate && live) {
    const m = p.signingDate.slice(0, 7);
    add(m, 'signed', p.contractAmountWan ?? p.totalInvestmentWan);
    add(m, 'signed_investment', p.totalInvestmentWan);
    for (const b of SIZE_BANDS) if (ge(p.totalInvestmentWan, b.minWan)) add(m, b.metric, p.totalInvestmentWan);
    if (p.foreignInvestmentUsdWan !== null && toUnits(p.foreignInvestmentUsdWan) > toUnits(USD_BAND_MIN_USD_WAN)) {
      add(m, 'band_gt_1yi_usd', p.foreignInvestmentUsdWan);
    }
    if (p.top500) add(m, 'top500', p.totalInvestmentWan);
    if (p.fortune500) add(m, 'fortune500', p.totalInvestmentWan);
    if (p.industrySection === 'C') add(m, 'manufacturing', p.totalInvestmentWan);
    if (p.onKeyChain) add(m, 'key_chain', p.totalInvestmentWan);
  }
  if (live && p.registeredDate && p.foreignInvestmentUsdWan !== null && toUnits(p.foreignInvestmentUsdWan) > 0n) {
    add(p.registeredDate.slice(0, 7), 'fdi', p.foreignInvestmentUsdWan);
  }
  if (live && p.startDate) add(p.startDate.slice(0, 7), 'started', p.totalInvestmentWan);
  if (live && p.productionDate) add(p.productionDate.slice(0, 7), 'producing', p.totalInvestmentWan);
  for (const r of p.reports) if (r.isCurrent) add(r.month, 'funds', r.fundsInPlaceWan);
  const reporting: typeof dated = [];
  for (const r of p.reports) {
    if (r.version !== 1) continue;
    reporting.push({ month: r.month, metric: 'reports', count: 1, amount: '0' });
    if (!r.late) reporting.push({ month: r.month, metric: 'reports_on_time', count: 1, amount: '0' });
  }
  const current: typeof dated = [
    { month: CURRENT, metric: `stage:${p.stage}`, count: 1, amount: p.totalInvestmentWan },
  ];
  if (p.chainId && live)
    current.push({ month: CURRENT, metric: `chain:${p.chainId}`, count: 1, amount: p.totalInvestmentWan });
  if (p.stalledSince) current.push({ month: CURRENT, metric: 'stalled', count: 1, amount: p.totalInvestmentWan });
  const host = (f: (typeof dated)[number]): Fact => ({ ...f, regionCode: p.hostRegionCode, basis: 'host' });
  const out = [...dated, ...reporting, ...current].map(host);
  for (const region of p.creditedRegions) {
    if (region === p.hostRegionCode) continue;
    for (const f of dated) out.push({ ...f, regionCode: region, basis: 'credit' });
  }
  return out;
}
