/**
 * Annual targets (目标任务) of the benchmark province, set as planners set them: each province's
 * target is last year's actual grown by the required rate of its pack (Gansu §一: +15%, dispatched
 * at +20%; 10% where a pack says nothing) unless a seed document already fixed it, and is split
 * down to cities and on to counties and zones in proportion to last year's actuals, with the
 * app's own rule (splitTarget, the "按基数分解" of the assessment module). Actuals are summed from
 * the generated projects with projectFacts, the rule the summary triggers follow.
 */
import {
  type FactProject,
  findIndicator,
  indicatorValue,
  type MetricTotals,
  projectFacts,
} from '../../src/domain/indicators';
import { fromUnits, toUnits, WAN_SCALE } from '../../src/domain/money';
import { type PolicyPack, resolvePolicy } from '../../src/domain/policy';
import { grow, splitTarget } from '../../src/domain/targets';
import { instantAt, toDay } from './dates';
import type { ProjectBundle, RegionRow, TargetRow } from './types';

/** Indicators with a target at every level (amounts and counts, split down the tree). */
export const SPLIT_INDICATORS = [
  'fundsInPlaceWan',
  'signedProjects',
  'signedAmountWan',
  'projectsGe1Yi',
  'projectsGe10Yi',
  'startedProjects',
  'foreignCapitalUsdWan',
] as const;
/** Percentages: each province and city sets its own. */
export const PERCENT_INDICATORS = ['keyChainSharePercent', 'reportTimelinessPercent'] as const;

const DEFAULT_GROWTH = { required: 0.1, dispatched: 0.1 };
const TOP500_TAGS = ['fortune_global_500', 'china_top_500', 'private_top_500'];

function metricsOf(keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const f = findIndicator(key)!.formula;
    if (f.kind === 'sum') out.add(f.metric);
    else {
      out.add(f.numerator);
      out.add(f.denominator);
    }
  }
  return out;
}

const METRICS = metricsOf([...SPLIT_INDICATORS, ...PERCENT_INDICATORS]);

/** Sums in hundredths (分 of a 万元 figure): amounts carry two decimals, and a Number holds their sums exactly. */
interface Total {
  count: number;
  hundredths: number;
}

/** Last years' actuals per host region, year and metric, summed as projects stream past. */
export class ActualsByRegion {
  private readonly totals = new Map<string, Map<string, Total>>();

  constructor(
    /** Years whose actuals are kept (the base years of the targets). */
    private readonly years: ReadonlySet<number>,
    /** Tags of each enterprise (三个500强 flags of the investors). */
    private readonly tagsOf: (enterpriseId: string) => readonly string[] | null | undefined,
    /** The chain of a segment, and whether it is a key chain. */
    private readonly chainOf: (segmentId: string) => { chainId: string; isKey: boolean } | undefined,
  ) {}

  add(bundle: ProjectBundle): void {
    const p = bundle.project;
    const tags = bundle.enterprises.flatMap((e) => this.tagsOf(e.enterpriseId) ?? []);
    const chain = p.chainNodeId ? this.chainOf(p.chainNodeId) : undefined;
    const facts = projectFacts({
      hostRegionCode: p.hostRegionCode,
      stage: p.stage!,
      signingDate: p.signingDate ?? null,
      registeredDate: p.registeredDate ?? null,
      startDate: p.startDate ?? null,
      productionDate: p.productionDate ?? null,
      totalInvestmentWan: p.totalInvestmentWan,
      contractAmountWan: p.contractAmountWan ?? null,
      foreignInvestmentUsdWan: p.foreignInvestmentUsdWan ?? null,
      industrySection: p.industrySection ?? null,
      stalledSince: p.stalledSince ?? null,
      chainId: chain?.chainId ?? null,
      onKeyChain: chain?.isKey ?? false,
      top500: tags.some((t) => TOP500_TAGS.includes(t)),
      fortune500: tags.includes('fortune_global_500'),
      // The generator sets every field a fact reads on each report (month, funds, current, version, late).
      reports: bundle.reports as FactProject['reports'],
      creditedRegions: [],
    });
    for (const f of facts) {
      if (f.basis !== 'host' || !METRICS.has(f.metric)) continue;
      const year = Number(f.month.slice(0, 4));
      if (!this.years.has(year)) continue;
      const key = `${f.regionCode}|${year}`;
      const metrics = this.totals.get(key) ?? new Map<string, Total>();
      const t = metrics.get(f.metric) ?? { count: 0, hundredths: 0 };
      t.count += f.count;
      t.hundredths += Math.round(Number(f.amount) * 100);
      metrics.set(f.metric, t);
      this.totals.set(key, metrics);
    }
  }

  /** Actuals of every region with its subtree (a city's include its counties'), as metric totals per `code|year`. */
  rollUp(regions: ReadonlyMap<string, RegionRow>): Map<string, MetricTotals> {
    const sums = new Map<string, Map<string, Total>>();
    for (const [key, metrics] of this.totals) {
      const [code, year] = key.split('|') as [string, string];
      const lineage = (regions.get(code)?.path ?? `/${code}/`).split('/').filter(Boolean);
      for (const ancestor of lineage) {
        const target = sums.get(`${ancestor}|${year}`) ?? new Map<string, Total>();
        for (const [metric, t] of metrics) {
          const s = target.get(metric) ?? { count: 0, hundredths: 0 };
          s.count += t.count;
          s.hundredths += t.hundredths;
          target.set(metric, s);
        }
        sums.set(`${ancestor}|${year}`, target);
      }
    }
    return new Map(
      [...sums].map(([key, metrics]) => [
        key,
        Object.fromEntries(
          [...metrics].map(([m, t]) => [m, { count: t.count, amount: (t.hundredths / 100).toFixed(2) }]),
        ),
      ]),
    );
  }
}

export interface TargetSpec {
  /** Years to set targets for; each is based on the year before. */
  years: readonly number[];
  regions: readonly RegionRow[];
  provinces: readonly string[];
  packs: readonly PolicyPack[];
  /** Targets the seed documents fixed (year, region, indicator): they stand, and are split as they are. */
  fixed: ReadonlyArray<{ year: number; regionCode: string; indicator: string; value: string }>;
  actuals: ReadonlyMap<string, MetricTotals>;
}

/** A decimal rounded up to a whole unit (1 万元, 1 project). */
function ceilWhole(value: string): string {
  const units = toUnits(value);
  return fromUnits(((units + WAN_SCALE - 1n) / WAN_SCALE) * WAN_SCALE);
}

/** The targets of `spec.years` for the provinces, their cities and the cities' counties and zones. */
export function generateTargets(spec: TargetSpec): TargetRow[] {
  const byCode = new Map(spec.regions.map((r) => [r.code, r]));
  const children = new Map<string, RegionRow[]>();
  for (const r of spec.regions) {
    if (!r.parentCode || r.code.length !== 6) continue;
    children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
  }
  const actual = (code: string, year: number, key: string): string | null =>
    indicatorValue(findIndicator(key)!, spec.actuals.get(`${code}|${year}`) ?? {});
  const growthOf = (code: string, year: number) => {
    const lineage = (byCode.get(code)?.path ?? `/${code}/`).split('/').filter(Boolean);
    const g = resolvePolicy(spec.packs, lineage, `${year}-01-01`).targetGrowth;
    return g ? { ...g.value, source: g.source } : { ...DEFAULT_GROWTH, source: null };
  };
  const out: TargetRow[] = [];
  for (const year of spec.years) {
    // Set in late December of the year before, as targets are.
    const setAt = instantAt(toDay(`${year - 1}-12-20`), 10 * 60);
    const row = (
      regionCode: string,
      indicator: string,
      value: string,
      origin: TargetRow['origin'],
      source: string | null,
      note: string | null,
    ) => out.push({ year, regionCode, indicator, value, origin, source, note, updatedBy: null, updatedAt: setAt });
    const split = (parent: RegionRow, indicator: string, parentValue: string) => {
      const kids = children.get(parent.code) ?? [];
      if (kids.length === 0 || toUnits(parentValue) <= 0n) return;
      const g = growthOf(parent.code, year);
      const bases = kids.map((k) => ({ regionCode: k.code, baseValue: actual(k.code, year - 1, indicator) ?? '0' }));
      const source = `${parent.name} ${year} 按基数分解${g.source ? ` (${g.source})` : ''}`;
      for (const part of splitTarget(parentValue, bases, g)) {
        if (toUnits(part.target) <= 0n) continue;
        row(part.regionCode, indicator, part.target, 'decomposed', source, null);
        const kid = byCode.get(part.regionCode)!;
        if (kid.level === 'city') split(kid, indicator, part.target);
      }
    };
    for (const code of spec.provinces) {
      const province = byCode.get(code);
      if (!province) continue;
      const g = growthOf(code, year);
      for (const indicator of SPLIT_INDICATORS) {
        const fixed = spec.fixed.find((t) => t.year === year && t.regionCode === code && t.indicator === indicator);
        let value = fixed?.value;
        if (value === undefined) {
          const base = actual(code, year - 1, indicator);
          if (base === null || toUnits(base) <= 0n) continue;
          value = ceilWhole(grow(base, g.required));
          const percent = Math.round(g.required * 100);
          row(
            code,
            indicator,
            value,
            'entered',
            g.source,
            `按${year - 1}年实绩增长${percent}%下达 / ${year - 1} actual plus ${percent}%`,
          );
        }
        split(province, indicator, value);
      }
      for (const r of [province, ...(children.get(code) ?? []).filter((c) => c.level === 'city')]) {
        const share = actual(r.code, year - 1, 'keyChainSharePercent');
        const keyChain = share === null ? 50 : Math.min(90, Math.ceil(Number(share) / 5) * 5 + 5);
        row(r.code, 'keyChainSharePercent', String(keyChain), 'entered', null, null);
        row(r.code, 'reportTimelinessPercent', '95', 'entered', null, null);
      }
    }
  }
  return out;
}
