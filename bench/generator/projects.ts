import { sectionOfDivision } from '../../src/domain/industry';
import { STAGES, TERMINATION_REASONS, type Stage, type TerminationReason } from '../../src/domain/lifecycle';
import { resolvePolicy, type PolicyPack } from '../../src/domain/policy';
import type { SourceChannel } from '../../src/domain/project-fields';
import { dueDate, isReportingStage, monthsBetween, stalledFrom } from '../../src/domain/reporting';
import { fromDay, instantAt, monthOf, toDay } from './dates';
import type { GeneratedEnterprise } from './enterprises';
import { Rng } from './random';
import { nameKeys } from './search-keys';
import type { FirstUnit, ProjectBundle, RegionRow, ReportRow, TransitionRow } from './types';
import {
  GIVEN_NAMES,
  INDUSTRY_THEMES,
  LEADER_TITLES,
  NO_PROGRESS_TEXTS,
  PHASES,
  PROBLEMS,
  PROGRESS_TEXTS,
  SURNAMES,
} from './vocabulary';

const ORDER = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

/** Where projects stand today: the funnel narrows, so early stages outnumber late ones. */
const CURRENT_STAGE: ReadonlyArray<readonly [Stage, number]> = [
  ['planned', 12],
  ['negotiating', 22],
  ['intent', 14],
  ['signed', 13],
  ['registered', 9],
  ['started', 10],
  ['producing', 8],
  ['achieved', 4],
  ['terminated', 8],
];

/** The stage a terminated project left: most die in negotiation. */
const TERMINATED_FROM: ReadonlyArray<readonly [Stage, number]> = [
  ['planned', 10],
  ['negotiating', 50],
  ['intent', 25],
  ['signed', 10],
  ['registered', 3],
  ['started', 2],
];

const CHANNELS: ReadonlyArray<readonly [SourceChannel, number]> = [
  ['以商招商', 20],
  ['委托招商', 8],
  ['展会招商', 12],
  ['基金招商', 6],
  ['驻点招商', 10],
  ['部门提供', 10],
  ['网上洽谈', 8],
  ['政府谋划', 14],
  ['其他', 4],
];

const TERMINATION_TEXTS: Partial<Record<TerminationReason, string>> = {
  investor_withdrew: '企业调整战略布局，决定不再推进该项目。',
  market_change: '产品市场价格下行，企业暂停投资计划。',
  stalled: '项目长期无实质性进展，经研究予以终止。',
  other: '企业选址调整至其他地区。',
};

/** Days to enter `to` from `from`: [min, max]. */
function gapRange(from: Stage, to: Stage): [number, number] {
  switch (to) {
    case 'negotiating':
      return from === 'intent' ? [20, 90] : [20, 120];
    case 'intent':
      return [30, 180];
    case 'signed':
      return from === 'intent' ? [20, 120] : from === 'negotiating' ? [45, 240] : [60, 300];
    case 'registered':
      return [10, 90];
    case 'started':
      return [30, 200];
    case 'producing':
      return [150, 540];
    case 'achieved':
      return [180, 720];
    case 'terminated':
      return [30, 300];
    default:
      return [30, 120];
  }
}

/** How long a project has been in its current stage today: [min, max] days. */
const DWELL: Record<Stage, [number, number]> = {
  planned: [0, 300],
  negotiating: [0, 170],
  intent: [0, 240],
  signed: [0, 240],
  registered: [0, 200],
  started: [0, 400],
  producing: [0, 600],
  achieved: [0, 900],
  terminated: [0, 900],
};

interface Step {
  from: Stage | null;
  to: Stage;
  direction: TransitionRow['direction'];
  day: number;
}

/** What decides a project's place and history; cheap, planned for every project before codes are given. */
export interface ProjectPlan {
  index: number;
  unit: FirstUnit;
  host: string;
  steps: Step[];
  createdDay: number;
  createdMinute: number;
  /** Negotiating with no substantive progress since entering it (a stall candidate). */
  stalled: boolean;
}

export function planProject(
  seed: number,
  index: number,
  units: readonly FirstUnit[],
  unitWeights: ReadonlyArray<readonly [number, number]>,
  crossRegionShare: number,
  todayDay: number,
  windowDays: number,
  forcedStage?: Stage,
): ProjectPlan {
  const rng = Rng.for(seed, 'project-plan', index);
  const unit = units[rng.weighted(unitWeights)]!;
  const cross = unit.homeRegion === null || (unit.otherHosts.length > 0 && rng.chance(crossRegionShare));
  const host = cross && unit.otherHosts.length > 0 ? rng.pick(unit.otherHosts) : (unit.homeRegion ?? unit.regionCode);

  const drawn = rng.weighted(CURRENT_STAGE);
  const target = forcedStage ?? drawn;
  const reach = target === 'terminated' ? rng.weighted(TERMINATED_FROM) : target;
  const start: Stage = reach === 'planned' || rng.chance(0.3) ? 'planned' : 'negotiating';
  const path: Stage[] = [start];
  for (const s of ['negotiating', 'intent', 'signed'] as const) {
    if (ORDER[s] <= ORDER[start] || ORDER[s] > ORDER[reach]) continue;
    const needed = s === reach || s === 'signed';
    if (needed || rng.chance(s === 'negotiating' ? 0.85 : 0.6)) path.push(s);
  }
  for (const s of ['registered', 'started', 'producing', 'achieved'] as const) {
    if (ORDER[s] <= ORDER[reach]) path.push(s);
  }
  // A few negotiations are set back from intent and resumed.
  const intentAt = path.indexOf('intent');
  const backward = intentAt > 0 && rng.chance(0.04);
  if (backward) path.splice(intentAt + 1, 0, 'negotiating', 'intent');
  if (target === 'terminated') path.push('terminated');

  const stalled = target === 'negotiating' && rng.chance(0.3);
  const gaps = path.slice(1).map((to, k) => {
    const [min, max] = gapRange(path[k]!, to);
    return rng.int(min, max);
  });
  const [dMin, dMax] = stalled ? [200, 700] : DWELL[target];
  let dwell = rng.int(dMin, dMax);
  let total = gaps.reduce((a, b) => a + b, 0) + dwell;
  if (total > windowDays) {
    const f = (windowDays * (0.5 + rng.next() * 0.5)) / total;
    for (let k = 0; k < gaps.length; k++) gaps[k] = Math.max(1, Math.floor(gaps[k]! * f));
    dwell = Math.floor(dwell * f);
    total = gaps.reduce((a, b) => a + b, 0) + dwell;
  }
  const createdDay = todayDay - total;
  const steps: Step[] = [{ from: null, to: start, direction: 'create', day: createdDay }];
  let day = createdDay;
  for (let k = 1; k < path.length; k++) {
    day += gaps[k - 1]!;
    const from = path[k - 1]!;
    const to = path[k]!;
    const direction = to === 'terminated' ? 'terminate' : ORDER[to] < ORDER[from] ? 'backward' : 'forward';
    steps.push({ from, to, direction, day });
  }
  return { index, unit, host, steps, createdDay, createdMinute: rng.int(8 * 60 + 30, 17 * 60 + 30), stalled };
}

function money(value: number): string {
  return value.toFixed(2);
}

/** Amounts as officers write them: whole 万元, to 10 under 1亿 and to 100 above. */
function roundWan(value: number): number {
  if (value >= 10_000) return Math.max(100, Math.round(value / 100) * 100);
  return Math.max(10, Math.round(value / 10) * 10);
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES) + (rng.chance(0.6) ? rng.pick(GIVEN_NAMES) : '');
}

/** The government that signs for a host region: 东丰县人民政府, 辽源高新区管理委员会. */
export function hostGovernment(region: RegionRow): string {
  return region.level === 'zone' ? `${region.name}管理委员会` : `${region.name}人民政府`;
}

/** 东丰 for 东丰县, 辽源 for 辽源市; zones and long names stay whole (辽源高新区). */
function shortRegionName(region: RegionRow): string {
  if (region.level === 'zone' || region.name.length > 4) return region.name;
  const stripped = region.name.replace(/[省市县区]$/u, '');
  return stripped.length >= 2 ? stripped : region.name;
}

export interface ProjectContext {
  seed: number;
  today: string;
  todayDay: number;
  regions: ReadonlyMap<string, RegionRow>;
  enterprises: readonly GeneratedEnterprise[];
  /** Enterprise indexes per industry theme. */
  byTheme: readonly number[][];
  packs: readonly PolicyPack[];
  agreementFileId: (hostRegion: string) => string;
  /** Policy values by key, region and date: a province has few regions and months, and millions of reports. */
  policyCache: Map<string, number>;
}

function policyValue(ctx: ProjectContext, key: 'reportDueDay' | 'stalledMonths', regionCode: string, date: string) {
  const cacheKey = `${key}|${regionCode}|${date}`;
  let value = ctx.policyCache.get(cacheKey);
  if (value === undefined) {
    const lineage = (ctx.regions.get(regionCode)?.path ?? `/${regionCode}/`).split('/').filter(Boolean);
    const policy = resolvePolicy(ctx.packs, lineage, date);
    value = policy[key]!.value;
    ctx.policyCache.set(cacheKey, value);
  }
  return value;
}

/** The day number a month's report is due for a unit in `regionCode` (pack in force on the 1st). */
function dueDayOf(ctx: ProjectContext, regionCode: string, month: string): number {
  const key = `due|${regionCode}|${month}`;
  let day = ctx.policyCache.get(key);
  if (day === undefined) {
    day = toDay(dueDate(month, policyValue(ctx, 'reportDueDay', regionCode, `${month}-01`)));
    ctx.policyCache.set(key, day);
  }
  return day;
}

const THEME_WEIGHTS = INDUSTRY_THEMES.map((t, i) => [i, t.weight] as const);

function pickEnterprise(rng: Rng, ctx: ProjectContext, theme: number): GeneratedEnterprise {
  const bucket = ctx.byTheme[theme]!.length > 0 ? ctx.byTheme[theme]! : ctx.byTheme.find((b) => b.length > 0)!;
  // Skewed towards the front of the bucket: some investors bring several projects.
  return ctx.enterprises[bucket[Math.floor(bucket.length * rng.next() ** 2)]!]!;
}

/** A project's full record, transitions and monthly reports, from its plan and its code. */
export function buildProject(ctx: ProjectContext, plan: ProjectPlan, code: string): ProjectBundle {
  const rng = Rng.for(ctx.seed, 'project', plan.index);
  const { unit, steps } = plan;
  const host = ctx.regions.get(plan.host)!;
  const theme = rng.weighted(THEME_WEIGHTS);
  const t = INDUSTRY_THEMES[theme]!;
  const investor = pickEnterprise(rng, ctx, theme);
  const investors: Array<{ e: GeneratedEnterprise; role: 'investor' | 'partner' }> = [
    { e: investor, role: 'investor' },
  ];
  if (rng.chance(0.3)) {
    const other = pickEnterprise(rng, ctx, rng.int(0, INDUSTRY_THEMES.length - 1));
    if (other.row.id !== investor.row.id) investors.push({ e: other, role: rng.chance(0.4) ? 'partner' : 'investor' });
  }

  // Name: 恒信汽车零部件生产基地项目 / 年产5万吨玉米深加工项目 / 东丰冷链物流园项目
  const product = rng.pick(t.products);
  const form = rng.next();
  let parts: string[];
  if (form < 0.5) parts = [investor.countryPrefix, investor.tradeName, product, rng.pick(PHASES), '项目'];
  else if (form < 0.75 && t.outputUnit)
    parts = ['年产', String(rng.pick([1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 50, 100])), t.outputUnit, product, '项目'];
  else parts = [shortRegionName(host), product, rng.pick(PHASES), '项目'];
  const keys = nameKeys(parts.filter(Boolean), 'name-first');

  const total = roundWan(rng.logNormal(8000, 1.4));
  const foreign = investors.some((i) => i.e.foreign);
  const stageOf = (s: Stage) => steps.find((x) => x.to === s);
  const last = steps[steps.length - 1]!;
  const stage = last.to;
  const signed = stageOf('signed');
  const terminated = stage === 'terminated' ? steps[steps.length - 2]!.to : null;
  const reason = terminated ? rng.pick(TERMINATION_REASONS) : null;
  const contract = signed ? roundWan(total * (0.7 + rng.next() * 0.3)) : null;
  const parties = signed ? [...investors.map((i) => i.e.row.name), hostGovernment(host)] : null;
  const agreementFileId = signed ? ctx.agreementFileId(plan.host) : null;

  const transitions: TransitionRow[] = [];
  const createdAt = instantAt(plan.createdDay, plan.createdMinute);
  let lastEventAt = createdAt;
  for (const step of steps) {
    const at = step.direction === 'create' ? createdAt : instantAt(step.day, rng.int(9 * 60, 17 * 60 + 30));
    const date = fromDay(step.day);
    let gate: Record<string, unknown> = {};
    let why: string | null = null;
    if (step.to === 'signed' && step.direction === 'forward')
      gate = { signingDate: date, contractAmountWan: money(contract!), parties, agreementFileId };
    else if (step.to === 'registered') gate = { registeredDate: date };
    else if (step.to === 'started') gate = { startDate: date };
    else if (step.to === 'producing') gate = { productionDate: date };
    else if (step.to === 'achieved') gate = { achievedDate: date };
    else if (step.direction === 'terminate') {
      gate = {
        terminationReason: reason,
        ...(TERMINATION_TEXTS[reason!] ? { reasonText: TERMINATION_TEXTS[reason!] } : {}),
      };
      why = TERMINATION_TEXTS[reason!] ?? null;
    } else if (step.direction === 'backward') why = '企业调整投资方案，退回洽谈阶段重新磋商。';
    transitions.push({
      projectId: '',
      fromStage: step.from,
      toStage: step.to,
      direction: step.direction,
      reason: why,
      gate,
      actorId: unit.actorId,
      at,
    });
    lastEventAt = at;
  }

  // Reporting: from the day it entered a reporting stage until it was achieved or terminated.
  const activeFrom = steps.find((s) => isReportingStage(s.to))?.day;
  const activeUntil = stage === 'achieved' || stage === 'terminated' ? last.day : null;
  const stageAt = (day: number): Stage => {
    let s: Stage = steps[0]!.to;
    for (const step of steps) if (step.day <= day) s = step.to;
    return s;
  };
  const reports: ReportRow[] = [];
  let lastSubstantive: number | null = null;
  if (activeFrom !== undefined) {
    const months = monthsBetween(monthOf(activeFrom), monthOf(activeUntil ?? ctx.todayDay));
    const owed: Array<{ month: string; due: number }> = [];
    for (const month of months) {
      const due = dueDayOf(ctx, unit.regionCode, month);
      if (due < activeFrom || (activeUntil !== null && due >= activeUntil)) continue;
      // The current month's report is owed after its due date; some come in before it.
      if (due >= ctx.todayDay && !(due - ctx.todayDay < 12 && rng.chance(0.5))) continue;
      owed.push({ month, due });
    }
    const dropLatest = activeUntil === null && rng.chance(0.12);
    let quietRun = 0;
    let funds = 0;
    for (let k = 0; k < owed.length; k++) {
      const { month, due } = owed[k]!;
      if ((k === owed.length - 1 && dropLatest) || rng.chance(0.04)) continue;
      const monthStart = toDay(`${month}-01`);
      const lateDays = rng.chance(0.08) ? rng.int(1, 20) : 0;
      let day = lateDays ? due + lateDays : rng.int(Math.max(monthStart, due - 14), due);
      day = Math.min(Math.max(day, activeFrom), ctx.todayDay);
      if (day < monthStart) continue;
      const submittedAt = instantAt(day, rng.int(8 * 60, 20 * 60));
      const s = stageAt(day);
      const quiet = plan.stalled ? day > activeFrom + 20 : quietRun >= 4 ? false : !rng.chance(0.62);
      quietRun = quiet ? quietRun + 1 : 0;
      let monthFunds = 0;
      if (!quiet && ORDER[s] >= ORDER.signed && ORDER[s] <= ORDER.producing && funds < total) {
        const share = s === 'signed' ? 0.005 : s === 'producing' ? 0.01 : 0.03;
        monthFunds = Math.min(total - funds, roundWan(total * share * (0.3 + rng.next() * 1.4)));
        funds += monthFunds;
      }
      const texts = PROGRESS_TEXTS[s] ?? PROGRESS_TEXTS.negotiating!;
      const text = quiet ? rng.pick(NO_PROGRESS_TEXTS) : rng.pick(texts).replace('{funds}', String(monthFunds));
      if (!quiet) lastSubstantive = day;
      const base = {
        projectId: '',
        month,
        text,
        substantiveProgress: !quiet,
        fundsInPlaceWan: money(monthFunds),
        problems: rng.chance(0.15) ? rng.pick(PROBLEMS) : null,
        unitId: unit.id,
        submittedBy: unit.actorId,
      };
      const late = day > due;
      if (rng.chance(0.01) && day + 3 <= ctx.todayDay) {
        // A correction: the first version is kept, the second is current.
        reports.push({ ...base, id: rng.uuid(), version: 1, isCurrent: false, submittedAt, late });
        const correctedDay = day + rng.int(1, 3);
        const correctedAt = instantAt(correctedDay, rng.int(8 * 60, 20 * 60));
        reports.push({
          ...base,
          id: rng.uuid(),
          version: 2,
          isCurrent: true,
          submittedAt: correctedAt,
          late: correctedDay > due,
          correctionReason: '更正到位资金数据',
        });
        if (correctedAt > lastEventAt) lastEventAt = correctedAt;
      } else {
        reports.push({ ...base, id: rng.uuid(), version: 1, isCurrent: true, submittedAt, late });
        if (submittedAt > lastEventAt) lastEventAt = submittedAt;
      }
    }
  }

  const lastSubstantiveProgressOn = lastSubstantive === null ? null : fromDay(lastSubstantive);
  let stalledSince: string | null = null;
  if (stage === 'negotiating') {
    const months = policyValue(ctx, 'stalledMonths', unit.regionCode, ctx.today);
    const since = stalledFrom({ stage, lastSubstantiveProgressOn, enteredStageOn: fromDay(last.day) }, months);
    if (since && since <= ctx.today) stalledSince = since;
  }

  const id = rng.uuid();
  for (const tr of transitions) tr.projectId = id;
  for (const r of reports) r.projectId = id;
  const land = t.wanPerMu ? Math.max(5, Math.round(total / (t.wanPerMu * (0.6 + rng.next() * 0.8)))) : null;
  return {
    project: {
      id,
      code,
      name: keys.name,
      nameCore: keys.nameCore,
      namePinyin: keys.namePinyin,
      industrySection: sectionOfDivision(t.division)!.code,
      industryDivision: t.division,
      totalInvestmentWan: money(total),
      foreignInvestmentUsdWan: foreign ? money(roundWan((total / 7.1) * (0.3 + rng.next() * 0.7))) : null,
      fixedAssetInvestmentWan: money(roundWan(total * (0.55 + rng.next() * 0.4))),
      landDemandMu: land === null ? null : money(land),
      jobs: Math.max(5, Math.round(total / (40 + rng.next() * 260))),
      expectedTaxWan: money(roundWan(total * (0.02 + rng.next() * 0.06))),
      sourceChannel: stageOf('planned') && rng.chance(0.4) ? '政府谋划' : rng.weighted(CHANNELS),
      firstUnitId: unit.id,
      firstRegionCode: unit.regionCode,
      hostRegionCode: plan.host,
      responsibleUnitId: unit.id,
      responsibleLeader: rng.chance(0.7) ? `${personName(rng)} ${rng.pick(LEADER_TITLES)}` : null,
      confidentiality: rng.chance(0.03) ? 'confidential' : 'normal',
      stage,
      stageEnteredOn: fromDay(last.day),
      signingDate: signed ? fromDay(signed.day) : null,
      contractAmountWan: contract === null ? null : money(contract),
      parties,
      agreementFileId,
      registeredDate: stageOf('registered') ? fromDay(stageOf('registered')!.day) : null,
      startDate: stageOf('started') ? fromDay(stageOf('started')!.day) : null,
      productionDate: stageOf('producing') ? fromDay(stageOf('producing')!.day) : null,
      achievedDate: stageOf('achieved') ? fromDay(stageOf('achieved')!.day) : null,
      terminationReason: reason,
      terminationText: reason ? (TERMINATION_TEXTS[reason] ?? null) : null,
      terminatedFrom: terminated,
      lastSubstantiveProgressOn,
      stalledSince,
      createdBy: unit.actorId,
      version: steps.length,
      createdAt,
      updatedAt: lastEventAt,
    },
    enterprises: investors.map((i) => ({ projectId: id, enterpriseId: i.e.row.id, role: i.role })),
    transitions,
    reports,
  };
}
