import { AppError, type FieldError } from '../../../domain/errors';
import { foldName, foldText } from '../../../domain/names';
import type { EffectivePolicy } from '../../../domain/policy';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  type ActivityKind,
  leaderQuotaProgress,
  nameKey,
  ONLINE_KINDS,
  outOn,
  peopleSent,
  stationedTeams,
} from '../../../domain/quotas';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { outOfScope, requireActForUnit, requireOwnedWrite } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { requireWriter } from '../partners/service';
import { effectivePolicy } from '../policies/service';
import { projectToday } from '../projects/service';
import { findUnit } from '../regions/repository';
import * as repo from './repository';
import type {
  TActivity,
  TActivityCatalog,
  TActivityDetail,
  TActivityList,
  TActivityListQuery,
  TCreateActivityRequest,
  TCreateDeploymentRequest,
  TDeployment,
  TDeploymentList,
  TDeploymentQuery,
  TQuotaQuery,
  TQuotas,
  TUpdateActivityRequest,
  TUpdateDeploymentRequest,
} from './schema';

const text = (v: string | null | undefined) => (v ? foldText(v) || null : null);
const names = (list: readonly string[]) => {
  const seen = new Map<string, string>();
  for (const n of list) {
    const folded = foldName(n);
    if (folded && !seen.has(nameKey(folded))) seen.set(nameKey(folded), folded);
  }
  return [...seen.values()];
};

function staleVersion(current: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `记录已被他人修改（当前版本 ${current}），请刷新后再改`,
      en: `Someone else changed this record (now version ${current}); reload and edit again`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

function unitNotInScope(field: string): AppError {
  return new AppError('VALIDATION', { fields: [outOfScope(field)] });
}

export function catalog(): TActivityCatalog {
  return {
    kinds: ACTIVITY_KINDS.map((value) => ({
      value,
      label: ACTIVITY_KIND_LABELS[value],
      online: ONLINE_KINDS.includes(value),
    })),
  };
}

function presentActivity(row: repo.ActivityRow): TActivity {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: ACTIVITY_KIND_LABELS[row.kind],
    online: ONLINE_KINDS.includes(row.kind),
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    destination: row.destination,
    organisingUnit: { id: row.organisingUnitId, name: row.unitName },
    region: { code: row.regionCode, name: row.regionName },
    leaderName: row.leaderName,
    participants: row.participants,
    targets: { projects: row.targetProjects, amountWan: row.targetAmountWan, leads: row.targetLeads },
    results: { leads: row.leadsCount, projects: Number(row.resultCount) },
    note: row.note,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface ActivityFacts {
  kind: ActivityKind;
  title: string;
  startDate: string;
  endDate: string;
  destination: string | null;
  leaderName: string | null;
  participants: string[];
  targetProjects: number | null;
  targetAmountWan: string | null;
  targetLeads: number | null;
  leadsCount: number;
  note: string | null;
}

/**
 * Checks an activity as a whole, naming every failing field: dates in order; a trip names its
 * leader and destination; an offline event its place; an expo carries targets where the pack in
 * force for the organiser's region on the start date says so (gansu §(七)).
 */
async function checkActivity(db: Db, regionCode: string, facts: ActivityFacts): Promise<ActivityFacts> {
  const errors: FieldError[] = [];
  const title = foldName(facts.title);
  if (!title) errors.push({ field: 'body.title', zh: '标题不能为空', en: 'The title is empty' });
  if (facts.endDate < facts.startDate) {
    errors.push({ field: 'body.endDate', zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' });
  }
  const leaderName = facts.leaderName ? foldName(facts.leaderName) || null : null;
  const destination = text(facts.destination);
  const online = ONLINE_KINDS.includes(facts.kind);
  if (facts.kind === 'trip' && !leaderName) {
    errors.push({ field: 'body.leaderName', zh: '外出招商须填写带队领导', en: 'A trip needs the leader who led it' });
  }
  if (!online && !destination) {
    errors.push({ field: 'body.destination', zh: '请填写目的地 / 举办地', en: 'Give the destination or venue' });
  }
  if (facts.kind === 'expo') {
    const policy = await effectivePolicy(db, regionCode, facts.startDate);
    const rule = policy.expoTargetsRequired;
    const hasTarget = facts.targetProjects !== null || facts.targetAmountWan !== null || facts.targetLeads !== null;
    if (rule?.value && !hasTarget) {
      errors.push({
        field: 'body.targetProjects',
        zh: `展会须赋予招商任务（${rule.source}）：请填写目标项目数、目标金额或目标线索数`,
        en: `An expo must carry attraction targets (${rule.source}): give target projects, amount or leads`,
      });
    }
  }
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
  return { ...facts, title, leaderName, destination, participants: names(facts.participants), note: text(facts.note) };
}

function auditView(a: TActivity) {
  return {
    kind: a.kind,
    title: a.title,
    startDate: a.startDate,
    endDate: a.endDate,
    destination: a.destination,
    organisingUnitId: a.organisingUnit.id,
    leaderName: a.leaderName,
    participants: a.participants,
    targets: a.targets,
    leadsCount: a.results.leads,
    note: a.note,
    version: a.version,
  };
}

export async function listActivities(db: Db, auth: AuthContext, query: TActivityListQuery): Promise<TActivityList> {
  let path: string | null = null;
  if (query.region) {
    const region = await repo.findRegion(db, auth.scope, query.region);
    if (!region) throw new AppError('NOT_FOUND');
    path = region.path;
  }
  const q = query.q ? foldName(query.q) : null;
  const { rows, total } = await repo.listActivities(db, auth.scope, query, path, q || null);
  return { items: rows.map(presentActivity), total };
}

export async function getActivity(db: Db, auth: AuthContext, id: string): Promise<TActivityDetail> {
  const row = await repo.findActivity(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  const results = await repo.resultProjects(db, auth.scope, id);
  return { ...presentActivity(row), resultProjects: results };
}

export async function createActivity(
  db: Db,
  auth: AuthContext,
  input: TCreateActivityRequest,
): Promise<TActivityDetail> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, auth.scope, input.organisingUnitId ?? auth.user.unitId);
    if (!unit) throw unitNotInScope('body.organisingUnitId');
    requireActForUnit(auth, unit.id);
    const facts = await checkActivity(tx, unit.regionCode, {
      kind: input.kind,
      title: input.title,
      startDate: input.startDate,
      endDate: input.endDate,
      destination: input.destination ?? null,
      leaderName: input.leaderName ?? null,
      participants: input.participants,
      targetProjects: input.targetProjects ?? null,
      targetAmountWan: input.targetAmountWan ?? null,
      targetLeads: input.targetLeads ?? null,
      leadsCount: input.leadsCount,
      note: input.note ?? null,
    });
    const id = await repo.insertActivity(tx, {
      ...facts,
      organisingUnitId: unit.id,
      regionCode: unit.regionCode,
      createdBy: auth.user.id,
    });
    const created = await getActivity(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'activity.created',
      entity: 'activity',
      entityId: id,
      regionCode: unit.regionCode,
      after: auditView(created),
    });
    return created;
  });
}

export async function updateActivity(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateActivityRequest,
): Promise<TActivityDetail> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findActivity(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [current.organisingUnitId] });
    if (current.version !== input.version) throw staleVersion(current.version);
    const pick = <T>(given: T | undefined, fallback: T): T => (given === undefined ? fallback : given);
    const facts = await checkActivity(tx, current.regionCode, {
      kind: pick(input.kind, current.kind),
      title: pick(input.title, current.title),
      startDate: pick(input.startDate, current.startDate),
      endDate: pick(input.endDate, current.endDate),
      destination: pick(input.destination, current.destination),
      leaderName: pick(input.leaderName, current.leaderName),
      participants: pick(input.participants, current.participants),
      targetProjects: pick(input.targetProjects, current.targetProjects),
      targetAmountWan: pick(input.targetAmountWan, current.targetAmountWan),
      targetLeads: pick(input.targetLeads, current.targetLeads),
      leadsCount: pick(input.leadsCount, current.leadsCount),
      note: pick(input.note, current.note),
    });
    const before = presentActivity(current);
    if (!(await repo.updateActivity(tx, id, input.version, facts))) throw staleVersion(current.version);
    const after = await getActivity(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'activity.updated',
      entity: 'activity',
      entityId: id,
      regionCode: current.regionCode,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Records a project as a result of the activity (signed or negotiated there). */
export async function linkResultProject(
  db: Db,
  auth: AuthContext,
  id: string,
  projectId: string,
): Promise<TActivityDetail> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findActivity(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [current.organisingUnitId] });
    const project = await repo.findVisibleProject(tx, auth.scope, projectId);
    if (!project) {
      throw new AppError('VALIDATION', {
        fields: [{ field: 'body.projectId', zh: '项目不存在或不在您的范围内', en: 'No such project in your scope' }],
      });
    }
    if (await repo.linkProject(tx, id, project.id, auth.user.id)) {
      await repo.touchActivity(tx, id);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'activity.project_linked',
        entity: 'activity',
        entityId: id,
        regionCode: current.regionCode,
        after: { projectId: project.id, projectCode: project.code },
      });
    }
    return getActivity(tx, auth, id);
  });
}

export async function unlinkResultProject(
  db: Db,
  auth: AuthContext,
  id: string,
  projectId: string,
): Promise<TActivityDetail> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findActivity(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [current.organisingUnitId] });
    const project = await repo.findVisibleProject(tx, auth.scope, projectId);
    if (!project || !(await repo.unlinkProject(tx, id, project.id))) throw new AppError('NOT_FOUND');
    await repo.touchActivity(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'activity.project_unlinked',
      entity: 'activity',
      entityId: id,
      regionCode: current.regionCode,
      before: { projectId: project.id, projectCode: project.code },
    });
    return getActivity(tx, auth, id);
  });
}

async function regionOr404(db: Db, auth: AuthContext, code: string | undefined): Promise<repo.RegionRow> {
  const region = await repo.findRegion(db, auth.scope, code ?? auth.user.regionCode);
  if (!region) throw new AppError('NOT_FOUND');
  return region;
}

/** Policies of the year are those in force on its last day, or today while the year runs. */
function asOfDate(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? (today >= `${year}-01-01` ? today : last) : last;
}

/**
 * Quota progress (liaoyuan §二 leaders; jiaxing §二(三)11 people sent; jiangmen §(九) teams out) for a
 * region and a year, computed from trips, activities, deployments and projects the caller sees.
 * Leaders are grouped by the region of the activities they led.
 */
export async function quotaProgress(db: Db, auth: AuthContext, query: TQuotaQuery): Promise<TQuotas> {
  const region = await regionOr404(db, auth, query.region);
  const today = projectToday();
  const year = query.year ?? Number(today.slice(0, 4));
  const asOf = asOfDate(year, today);
  const policies = new Map<string, Promise<EffectivePolicy>>();
  const policyOf = (code: string) => {
    let hit = policies.get(code);
    if (!hit) policies.set(code, (hit = effectivePolicy(db, code, asOf)));
    return hit;
  };
  const subtree = await repo.subtreeRegions(db, region.path);
  const byCode = new Map(subtree.map((r) => [r.code, r]));

  const led = await repo.ledActivities(db, auth.scope, region.path, `${year}-12-31`);
  const projects = await repo.quotaProjects(
    db,
    auth.scope,
    region.path,
    led.map((a) => a.id),
  );
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const localities = [...new Set(led.filter((a) => a.startDate.startsWith(String(year))).map((a) => a.regionCode))];
  const leaders: TQuotas['leaders'] = [];
  for (const code of localities) {
    const locality = byCode.get(code);
    if (!locality) continue;
    const ruleParam = (await policyOf(code)).leaderQuotas;
    const inLocality = (c: string) => byCode.get(c)?.path.startsWith(locality.path) ?? false;
    const own = led.filter((a) => a.regionCode === code);
    const linked = new Set(own.flatMap((a) => a.projectIds));
    const candidates = projects.filter(
      (p) => linked.has(p.id) || inLocality(p.hostRegionCode) || inLocality(p.firstRegionCode),
    );
    const rows = leaderQuotaProgress({
      year,
      rule: ruleParam?.value ?? null,
      activities: own.map((a) => ({ ...a, leaderName: a.leaderName, projectIds: a.projectIds ?? [] })),
      projects: candidates,
    });
    const ref = (id: string) => {
      const p = projectById.get(id)!;
      return { id: p.id, code: p.code, name: p.name };
    };
    for (const row of rows) {
      leaders.push({
        leaderName: row.leaderName,
        region: { code: locality.code, name: locality.name },
        trips: row.trips,
        signed: {
          done: row.signed.done,
          required: row.signed.required,
          met: row.signed.met,
          projects: row.signed.projectIds.map(ref),
          minWan: ruleParam?.value.signedMinWan ?? null,
        },
        landed: {
          done: row.landed.done,
          required: row.landed.required,
          met: row.landed.met,
          projects: row.landed.projectIds.map(ref),
        },
        source: ruleParam?.source ?? null,
      });
    }
  }

  const deployments = await repo.listDeployments(db, auth.scope, region.path);
  const children = subtree.filter((r) => r.parentCode === region.code);
  const places = children.length ? children : [region];
  const staffing: TQuotas['localities'] = [];
  for (const place of places) {
    const rule = (await policyOf(place.code)).outboundStaffing;
    if (!rule) continue;
    const sent = deployments.filter((d) => byCode.get(d.regionCode)?.path.startsWith(place.path));
    staffing.push({
      region: { code: place.code, name: place.name },
      peopleSent: peopleSent(sent, year, rule.value.cities, rule.value.peoplePerYear),
      cities: rule.value.cities,
      source: rule.source,
    });
  }

  const teamsRule = (await policyOf(region.code)).stationedTeamsMin;
  const teams = stationedTeams(deployments, asOf, teamsRule?.value ?? null);
  return {
    year,
    region: { code: region.code, name: region.name },
    asOf,
    leaders: leaders.sort(
      (a, b) => a.region.code.localeCompare(b.region.code) || a.leaderName.localeCompare(b.leaderName, 'zh-CN'),
    ),
    localities: staffing,
    stationedTeams: { ...teams, date: asOf, source: teamsRule?.source ?? null },
  };
}

function presentDeployment(row: repo.DeploymentRow, date: string): TDeployment {
  return {
    id: row.id,
    teamName: row.teamName,
    unit: { id: row.unitId, name: row.unitName, kind: row.unitKind },
    region: { code: row.regionCode, name: row.regionName },
    destination: row.destination,
    members: row.members,
    fromDate: row.fromDate,
    toDate: row.toDate,
    out: outOn(row, date),
    note: row.note,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Stationed teams of a region's subtree, and how many are out on the date against jiangmen §(九). */
export async function listDeployments(db: Db, auth: AuthContext, query: TDeploymentQuery): Promise<TDeploymentList> {
  const region = await regionOr404(db, auth, query.region);
  const date = query.date ?? projectToday();
  const rows = await repo.listDeployments(db, auth.scope, region.path);
  const rule = (await effectivePolicy(db, region.code, date)).stationedTeamsMin;
  const items = rows.map((r) => presentDeployment(r, date)).filter((d) => query.outOnly !== 'true' || d.out);
  return {
    items,
    date,
    teamsOut: { ...stationedTeams(rows, date, rule?.value ?? null), source: rule?.source ?? null },
  };
}

function checkDates(fromDate: string, toDate: string | null): void {
  if (toDate !== null && toDate < fromDate) {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'body.toDate', zh: '撤回日期不能早于派出日期', en: 'The return date is before the start date' },
      ],
    });
  }
}

function deploymentAudit(d: TDeployment) {
  return {
    teamName: d.teamName,
    unitId: d.unit.id,
    destination: d.destination,
    members: d.members,
    fromDate: d.fromDate,
    toDate: d.toDate,
    note: d.note,
    version: d.version,
  };
}

async function loadDeployment(db: Db, auth: AuthContext, id: string): Promise<TDeployment> {
  const row = await repo.findDeployment(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentDeployment(row, projectToday());
}

export async function createDeployment(
  db: Db,
  auth: AuthContext,
  input: TCreateDeploymentRequest,
): Promise<TDeployment> {
  requireWriter(auth);
  checkDates(input.fromDate, input.toDate ?? null);
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, auth.scope, input.unitId ?? auth.user.unitId);
    if (!unit) throw unitNotInScope('body.unitId');
    requireActForUnit(auth, unit.id);
    const id = await repo.insertDeployment(tx, {
      teamName: foldName(input.teamName),
      unitId: unit.id,
      regionCode: unit.regionCode,
      destination: foldName(input.destination),
      members: names(input.members),
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
      note: text(input.note),
      createdBy: auth.user.id,
    });
    const created = await loadDeployment(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'deployment.created',
      entity: 'team_deployment',
      entityId: id,
      regionCode: unit.regionCode,
      after: deploymentAudit(created),
    });
    return created;
  });
}

export async function updateDeployment(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateDeploymentRequest,
): Promise<TDeployment> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findDeployment(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [current.unitId] });
    if (current.version !== input.version) throw staleVersion(current.version);
    const fromDate = input.fromDate ?? current.fromDate;
    const toDate = input.toDate === undefined ? current.toDate : input.toDate;
    checkDates(fromDate, toDate);
    const before = presentDeployment(current, projectToday());
    const ok = await repo.updateDeployment(tx, id, input.version, {
      teamName: input.teamName === undefined ? undefined : foldName(input.teamName),
      destination: input.destination === undefined ? undefined : foldName(input.destination),
      members: input.members === undefined ? undefined : names(input.members),
      fromDate,
      toDate,
      note: input.note === undefined ? undefined : text(input.note),
    });
    if (!ok) throw staleVersion(current.version);
    const after = await loadDeployment(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'deployment.updated',
      entity: 'team_deployment',
      entityId: id,
      regionCode: current.regionCode,
      before: deploymentAudit(before),
      after: deploymentAudit(after),
    });
    return after;
  });
}

export interface ActivityIndicatorRow {
  regionCode: string;
  /** 外出招商 trips starting in the period. */
  trips: number;
  /** Every other activity (expos, promotions, online events) starting in the period. */
  activities: number;
  /** Of which online (云推介/云洽谈/云签约). */
  onlineActivities: number;
}

function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Indicator for assessment (考核): trips and activities per region, each region counting its
 * whole subtree, for activities starting in the months `from`..`to` (YYYY-MM, inclusive). It
 * applies no caller scope: the assessment module decides which regions it ranks. Regions that
 * do not exist are left out of the answer.
 */
export async function activityIndicators(
  db: Db,
  options: { regionCodes: readonly string[]; from: string; to: string },
): Promise<ActivityIndicatorRow[]> {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!month.test(options.from) || !month.test(options.to)) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'query.period', zh: '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' }],
    });
  }
  return repo.countActivities(
    db,
    [...new Set(options.regionCodes)],
    `${options.from}-01`,
    nextMonthStart(options.to),
    ONLINE_KINDS,
  );
}
