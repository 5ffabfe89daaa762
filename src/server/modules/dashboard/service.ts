import {
  activityMetricRows,
  completionPercent,
  INDICATORS,
  indicatorValues,
  isActivityMetric,
  sumMetricRows,
} from '../../../domain/indicators';
import { STAGES, STAGE_LABELS } from '../../../domain/lifecycle';
import { addMonthsToMonth, chinaDate, dueDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { activityIndicators } from '../activities/service';
import * as assessmentRepo from '../assessment/repository';
import { regionInScopeOr404 } from '../assessment/service';
import { effectivePolicyOf } from '../policies/service';
import { presentSeat } from '../regions/presenter';
import { overdueTickets } from '../services/tickets.service';
import * as repo from './repository';
import type { TDashboard, TDrillQuery, TDrillResult } from './schema';

const LIST_SIZE = 10;

function brief(p: repo.ProjectBrief) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    stage: p.stage,
    hostRegion: { code: p.host_region_code, name: p.host_region_name },
    totalInvestmentWan: trimDecimal(p.total_investment_wan),
    stalledSince: p.stalled_since,
  };
}

function trimDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

/** Stages that owe a monthly report (negotiating … producing). */
const REPORTING_STAGES = ['negotiating', 'intent', 'signed', 'registered', 'started', 'producing'];

/**
 * The leader's cockpit (驾驶舱) for a region and year, read entirely from the summaries kept by
 * the writes (region_month_summary) plus three short indexed lists: KPIs against the region's
 * targets, the pipeline funnel, investment by region and by chain, the monthly trend, major,
 * escalated and stalled projects, overdue reports and overdue service tickets.
 */
export async function dashboard(
  db: Db,
  auth: AuthContext,
  query: { region?: string; year?: number },
): Promise<TDashboard> {
  const region = await regionInScopeOr404(db, auth, query.region ?? auth.scope.regionCode);
  const today = chinaDate(new Date());
  const year = query.year ?? Number(today.slice(0, 4));
  const from = `${year}-01`;
  const to = `${year}-12`;

  // In turn, not Promise.all: PGlite serves one query at a time anyway, and a pool stays small.
  const byChild = await assessmentRepo.metricsByChild(db, region, from, to, ['host']);
  const current = await assessmentRepo.currentMetrics(db, region);
  const targets = (await assessmentRepo.targetsOf(db, year, [region.code])).get(region.code) ?? {};
  const children = await assessmentRepo.childRegions(db, region.code);

  const [activity] = await activityIndicators(db, { regionCodes: [region.code], from, to });

  const values = indicatorValues(sumMetricRows([...byChild, ...activityMetricRows(activity)]));
  const kpis = INDICATORS.map((d) => {
    const target = targets[d.key] ?? null;
    const metric = d.formula.kind === 'sum' ? d.formula.metric : d.formula.numerator;
    return {
      key: d.key,
      name: d.name,
      unit: d.unit,
      definition: d.definition,
      version: d.version,
      value: values[d.key] ?? null,
      target: target === null ? null : trimDecimal(target),
      completion: completionPercent(values[d.key] ?? null, target),
      // Trips and activities are not project figures: no project list behind them.
      drill: isActivityMetric(metric) ? null : { metric, from, to },
    };
  });

  const currentBy = new Map(current.map((c) => [c.metric, c]));
  const funnel = STAGES.filter((s) => s !== 'terminated').map((stage) => {
    const c = currentBy.get(`stage:${stage}`);
    return {
      stage,
      label: STAGE_LABELS[stage],
      count: c?.count ?? 0,
      totalInvestmentWan: trimDecimal(c?.amount ?? '0'),
    };
  });

  const byRegion = children.map((child) => {
    const rowsOf = byChild.filter((r) => r.child === child.code);
    const signed = rowsOf.find((r) => r.metric === 'signed_investment');
    const funds = rowsOf.find((r) => r.metric === 'funds');
    return {
      region: { code: child.code, name: child.name },
      seat: presentSeat(child),
      signedProjects: signed?.count ?? 0,
      signedInvestmentWan: trimDecimal(signed?.amount ?? '0'),
      fundsInPlaceWan: trimDecimal(funds?.amount ?? '0'),
    };
  });

  const chainRows = current.filter((c) => c.metric.startsWith('chain:'));
  const names = await repo.chainNames(
    db,
    chainRows.map((c) => c.metric.slice(6)),
  );
  const byChain = chainRows
    .map((c) => ({
      chainId: c.metric.slice(6),
      name: names.get(c.metric.slice(6)) ?? c.metric.slice(6),
      count: c.count,
      totalInvestmentWan: trimDecimal(c.amount),
    }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);

  // Overdue reports: the latest month whose due day has passed; projects now in a reporting stage
  // that have no first submission for it (counted from the summaries, not a scan). That month may be
  // last December, so the one read of the month summaries spans it and this year.
  const policy = effectivePolicyOf(region.path, today);
  const dueDay = policy.reportDueDay?.value ?? 25;
  let month = today.slice(0, 7);
  if (today <= dueDate(month, dueDay)) month = addMonthsToMonth(month, -1);
  const monthly = await assessmentRepo.metricsByMonth(
    db,
    region,
    month < from ? month : from,
    month > to ? month : to,
    ['signed', 'funds', 'reports'],
  );
  const trend = Array.from({ length: 12 }, (_, i) => addMonthsToMonth(from, i)).map((trendMonth) => {
    const signed = monthly.find((m) => m.month === trendMonth && m.metric === 'signed');
    const funds = monthly.find((m) => m.month === trendMonth && m.metric === 'funds');
    return {
      month: trendMonth,
      signedProjects: signed?.count ?? 0,
      signedAmountWan: trimDecimal(signed?.amount ?? '0'),
      fundsInPlaceWan: trimDecimal(funds?.amount ?? '0'),
    };
  });

  const lists = await repo.projectLists(db, auth.scope, region.path, LIST_SIZE);
  const major = lists.major.map(brief);
  const escalated = lists.escalated.map((e) => ({
    ...brief(e),
    escalatedOn: e.escalated_on,
    threeOnesComplete: e.three_ones_complete,
  }));
  const stalledItems = lists.stalled.map(brief);

  const owed = REPORTING_STAGES.reduce((s, st) => s + (currentBy.get(`stage:${st}`)?.count ?? 0), 0);
  const submitted = monthly.filter((r) => r.metric === 'reports' && r.month === month).reduce((s, r) => s + r.count, 0);
  const tickets = await overdueTickets(db, auth, { regionCode: region.code, limit: LIST_SIZE });

  return {
    region: { code: region.code, name: region.name },
    year,
    kpis,
    funnel,
    byRegion,
    byChain,
    trend,
    major,
    escalated,
    stalled: { count: currentBy.get('stalled')?.count ?? 0, items: stalledItems },
    overdueReports: { month, dueDate: dueDate(month, dueDay), owed, submitted, overdue: Math.max(0, owed - submitted) },
    overdueTickets: {
      count: tickets.count,
      items: tickets.items.map((i) => ({
        id: i.id,
        title: i.title,
        project: i.project,
        department: i.department,
        dueDate: i.dueDate,
      })),
    },
  };
}

/** The projects behind one dashboard number. */
export async function drill(db: Db, auth: AuthContext, query: TDrillQuery): Promise<TDrillResult> {
  const region = await regionInScopeOr404(db, auth, query.region ?? auth.scope.regionCode);
  const result = await repo.drillProjects(db, auth.scope, {
    rootPath: region.path,
    metric: query.metric,
    from: query.from,
    to: query.to,
    basis: query.credited === 'true' ? ['host', 'credit'] : ['host'],
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    region: { code: region.code, name: region.name },
    metric: query.metric,
    from: query.from,
    to: query.to,
    total: result.total,
    items: result.items.map((i) => ({ ...brief(i), amount: trimDecimal(i.amount), month: i.month })),
  };
}
