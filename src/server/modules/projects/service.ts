import { AppError, type FieldError } from '../../../domain/errors';
import { checkIndustry, sectionOfDivision } from '../../../domain/industry';
import { checkTransition, STAGES, STAGE_LABELS, type ProjectStageState, type Stage } from '../../../domain/lifecycle';
import { foldName, nameCore, pinyinFull, pinyinInitials } from '../../../domain/names';
import { can, mayWriteOwned, type Action } from '../../../domain/permissions';
import { formatProjectCode } from '../../../domain/project-code';
import { chinaDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { outOfScope, referencesInScope, scopeErrors } from '../../lib/scope';
import { recordAudit, recordAuditBatch } from '../audit/service';
import { beforeTransition, onProjectEdited, onProjectsRegistered } from '../coordination/service';
import type { TCoordinationOutcome } from '../coordination/schema';
import { requireSigningReview } from '../services/service';
import { getEnterprise, visibleEnterpriseIds } from '../enterprises/service';
import { presentProject, presentProjectListItem, presentWan } from './presenter';
import * as repo from './repository';
import type {
  TCreateProjectRequest,
  TKanban,
  TKanbanQuery,
  TProject,
  TProjectFilters,
  TProjectList,
  TProjectListItem,
  TProjectListQuery,
  TSavedViews,
  TTransitionRequest,
  TUpdateProjectRequest,
} from './schema';
import { SAVED_VIEWS } from './views';

/** Today's date in China, the date stage changes are recorded on. */
export function projectToday(): string {
  return chinaDate(new Date());
}

const ACTION_DENIED: Record<string, { zh: string; en: string }> = {
  'project.write': { zh: '您的角色不能新增或修改项目', en: 'Your role cannot create or change projects' },
  'project.transition': { zh: '您的角色不能变更项目阶段', en: 'Your role cannot change project stages' },
};

function requireAction(auth: AuthContext, action: Action): void {
  if (!can(auth.user.role, action)) throw new AppError('FORBIDDEN', { detail: ACTION_DENIED[action] });
}

/** A liaison (industry department) edits only the projects its own unit leads or answers for (object rule). */
function requireEditable(auth: AuthContext, row: Pick<repo.ProjectRow, 'firstUnitId' | 'responsibleUnitId'>): void {
  if (mayWriteOwned(auth.user, { ownerUnitIds: [row.firstUnitId, row.responsibleUnitId] })) return;
  throw new AppError('FORBIDDEN', {
    detail: {
      zh: '联络员只能修改本单位首谈或负责的项目',
      en: 'A liaison can change only projects first negotiated or owned by their unit',
    },
  });
}

/** Search keys stored for a project: initials and full pinyin of its name and of its core. */
function pinyinKeys(name: string, core: string): string {
  const keys = [pinyinInitials(name), pinyinFull(name), pinyinInitials(core), pinyinFull(core)];
  return [...new Set(keys.filter(Boolean))].join(' ');
}

/** The text of `q` as stored names are: folded, so Traditional input finds Simplified names. */
export function foldSearch<F extends TProjectFilters>(filters: F): F {
  const q = filters.q ? foldName(filters.q) : '';
  return { ...filters, q: q || undefined };
}

async function requireVisible(db: Db, auth: AuthContext, id: string, lock = false): Promise<repo.ProjectRow> {
  const row = await repo.findProjectInScope(db, auth.scope, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * The project page. `inTransaction` (the default) reads in turn, because a transaction's queries
 * share one connection; a plain read runs the three lists side by side on the pool.
 */
async function loadProject(db: Db, auth: AuthContext, id: string, inTransaction = true): Promise<TProject> {
  const row = await requireVisible(db, auth, id);
  const lists = [
    () => repo.listTransitions(db, id),
    () => repo.listReports(db, id),
    () => repo.listTaskForces(db, id),
  ] as const;
  const [transitions, reports, taskForces] = inTransaction
    ? [await lists[0](), await lists[1](), await lists[2]()]
    : await Promise.all([lists[0](), lists[1](), lists[2]()]);
  return presentProject(row, { transitions, reports, taskForces });
}

/** What the audit keeps of a project: its facts, not the derived keys or timestamps. */
function auditView(p: TProjectListItem) {
  const { createdAt: _c, updatedAt: _u, ...facts } = p;
  void _c;
  void _u;
  return { ...facts, enterprises: p.enterprises.map((e) => e.id) };
}

// ---------------------------------------------------------------- checks shared by create and edit

interface Facts {
  name?: string;
  industrySection?: string | null;
  industryDivision?: string | null;
  hostRegionCode?: string;
  responsibleUnitId?: string;
  enterpriseIds?: string[];
  chainNodeId?: string | null;
}

/**
 * Normalises and checks the facts given, collecting every failing field: the name folded, the
 * industry pair, the host region, the responsible unit (in the caller's scope) and each enterprise
 * (visible to the caller, unless it is already linked to the project).
 */
async function checkFacts(
  tx: Db,
  auth: AuthContext,
  facts: Facts,
  current?: repo.ProjectRow,
  lookups: Lookups = directLookups(tx, auth),
): Promise<{ values: Partial<repo.ProjectValues>; errors: FieldError[]; enterpriseIds?: string[] }> {
  const errors: FieldError[] = [];
  const values: Partial<repo.ProjectValues> = {};
  if (facts.name !== undefined) {
    const name = foldName(facts.name);
    if (!name) errors.push({ field: 'body.name', zh: '项目名称不能为空', en: 'The name is empty' });
    const core = nameCore(name);
    Object.assign(values, { name, nameCore: core, namePinyin: pinyinKeys(name, core) });
  }
  if (facts.industrySection !== undefined || facts.industryDivision !== undefined) {
    // A new division alone brings its own section.
    const division =
      facts.industryDivision !== undefined ? facts.industryDivision : (current?.industryDivision ?? null);
    const section =
      facts.industrySection !== undefined
        ? facts.industrySection
        : facts.industryDivision
          ? null
          : (current?.industrySection ?? null);
    const problem = checkIndustry(section, division);
    if (problem) errors.push({ field: `body.${problem.field}`, zh: problem.zh, en: problem.en });
    values.industrySection = section ?? (division ? (sectionOfDivision(division)?.code ?? null) : null);
    values.industryDivision = division;
  }
  if (facts.hostRegionCode !== undefined && facts.hostRegionCode !== current?.hostRegionCode) {
    // Moving a project into another region's figures goes through transfer with consent (coordination).
    if (!(await lookups.regionInScope(facts.hostRegionCode))) errors.push(outOfScope('body.hostRegionCode'));
    values.hostRegionCode = facts.hostRegionCode;
  }
  if (facts.responsibleUnitId !== undefined && facts.responsibleUnitId !== current?.responsibleUnitId) {
    if (!(await lookups.unitUsable(facts.responsibleUnitId))) errors.push(outOfScope('body.responsibleUnitId'));
    values.responsibleUnitId = facts.responsibleUnitId;
  }
  if (facts.chainNodeId && facts.chainNodeId !== current?.chainNodeId) {
    errors.push(...(await scopeErrors(tx, auth.scope, { segments: { 'body.chainNodeId': facts.chainNodeId } })));
  }
  let enterpriseIds: string[] | undefined;
  if (facts.enterpriseIds !== undefined) {
    const linked = new Set(current ? repo.enterpriseIdsOf(current) : []);
    enterpriseIds = [...new Set(facts.enterpriseIds)];
    for (const [index, enterpriseId] of facts.enterpriseIds.entries()) {
      if (linked.has(enterpriseId)) continue;
      if (!(await lookups.enterpriseVisible(enterpriseId))) {
        errors.push({
          field: `body.enterpriseIds.${index}`,
          zh: '企业不存在或不在您的数据范围内',
          en: 'The enterprise does not exist or is outside your scope',
        });
      }
    }
  }
  return { values, errors, enterpriseIds };
}

/** An active unit of the caller's scope (the one visibility layer decides). */
async function unitUsable(tx: Db, auth: AuthContext, unitId: string): Promise<boolean> {
  return (await referencesInScope(tx, auth.scope, [], [unitId])).units.has(unitId.toLowerCase());
}

/** Through the enterprises module, so its scope rule decides. */
async function enterpriseVisible(tx: Db, auth: AuthContext, id: string): Promise<boolean> {
  try {
    await getEnterprise(tx, auth, id);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
    throw err;
  }
}

/** What the checks read: one by one for a single save, memoised (and prefetched) for a batch. */
interface Lookups {
  regionInScope(code: string): Promise<boolean>;
  unit(id: string): ReturnType<typeof repo.findUnit>;
  unitUsable(id: string): Promise<boolean>;
  enterpriseVisible(id: string): Promise<boolean>;
}

function directLookups(tx: Db, auth: AuthContext): Lookups {
  return {
    regionInScope: async (code) => (await referencesInScope(tx, auth.scope, [code], [])).regions.has(code),
    unit: (id) => repo.findUnit(tx, id),
    unitUsable: (id) => unitUsable(tx, auth, id),
    enterpriseVisible: (id) => enterpriseVisible(tx, auth, id),
  };
}

function memo<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let value = seen.get(key);
    if (!value) seen.set(key, (value = read(key)));
    return value;
  };
}

/**
 * The same reads for a batch, each key read once; the enterprises named are checked in one
 * query per chunk through the enterprises module (its scope rule decides, as for one).
 */
async function batchLookups(tx: Db, auth: AuthContext, inputs: TCreateProjectRequest[]): Promise<Lookups> {
  const direct = directLookups(tx, auth);
  const ids = [...new Set(inputs.flatMap((i) => i.enterpriseIds))];
  const visible = ids.length ? await visibleEnterpriseIds(tx, auth, ids) : new Set<string>();
  return {
    regionInScope: memo(direct.regionInScope),
    unit: memo(direct.unit),
    unitUsable: memo(direct.unitUsable),
    enterpriseVisible: async (id) => visible.has(id),
  };
}

/** The first enterprise is the investor, any further ones partners. */
function enterpriseLinks(ids: string[]) {
  return ids.map((enterpriseId, i) => ({ enterpriseId, role: i === 0 ? ('investor' as const) : ('partner' as const) }));
}

// ---------------------------------------------------------------- use cases

/**
 * Registers a project: code `ZS-<year>-<host region>-<seq>` from a per-year-per-region counter
 * taken in the same transaction, the caller's unit as first-negotiation unit unless another unit
 * of the scope is named, and a `create` row in the timeline. The batch below with one input.
 */
export async function createProject(
  db: Db,
  auth: AuthContext,
  input: TCreateProjectRequest,
): Promise<TProject & { coordination: TCoordinationOutcome }> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const result = await createProjects(tx, auth, [input]);
    if (!result.ok) throw new AppError('VALIDATION', { fields: result.refused[0]!.fields });
    const [{ id, coordination }] = result.created as [CreatedProject];
    return { ...(await loadProject(tx, auth, id)), coordination };
  });
}

export interface CreatedProject {
  id: string;
  coordination: TCoordinationOutcome;
}

/** A batch is created whole, or refused with every failing field of every refused input. */
export type CreateProjectsResult =
  { ok: true; created: CreatedProject[] } | { ok: false; refused: { index: number; fields: FieldError[] }[] };

/**
 * Registers projects in one transaction, the one way projects are created (`createProject` is a
 * batch of one; the Excel import a batch of thousands). Every input is checked first with the
 * same rules; if any is refused nothing is written. Then each (year, host region) takes its codes
 * with one counter update, projects, links and `create` timeline rows go in with multi-row
 * INSERTs, the coordination module records first reports and duplicates in registration order,
 * and each project gets its `project.created` audit row.
 */
export async function createProjects(
  db: Db,
  auth: AuthContext,
  inputs: TCreateProjectRequest[],
): Promise<CreateProjectsResult> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const lookups = await batchLookups(tx, auth, inputs);
    const checked = [];
    const refused: { index: number; fields: FieldError[] }[] = [];
    for (const [index, input] of inputs.entries()) {
      const firstUnitId = input.firstUnitId ?? auth.user.unitId;
      const firstUnit = await lookups.unit(firstUnitId);
      const { values, errors, enterpriseIds } = await checkFacts(
        tx,
        auth,
        {
          name: input.name,
          industrySection: input.industrySection ?? null,
          industryDivision: input.industryDivision ?? null,
          hostRegionCode: input.hostRegionCode,
          responsibleUnitId: input.responsibleUnitId,
          enterpriseIds: input.enterpriseIds,
          chainNodeId: input.chainNodeId,
        },
        undefined,
        lookups,
      );
      if (input.firstUnitId && !(await lookups.unitUsable(input.firstUnitId)))
        errors.unshift(outOfScope('body.firstUnitId'));
      // A liaison registers projects for its own unit: as first-negotiation or responsible unit.
      if (!errors.length)
        requireEditable(auth, { firstUnitId, responsibleUnitId: input.responsibleUnitId ?? firstUnitId });
      if (errors.length || !firstUnit) refused.push({ index, fields: errors });
      else checked.push({ input, firstUnitId, firstUnit, values, enterpriseIds: enterpriseIds ?? [] });
    }
    if (refused.length) return { ok: false, refused };

    const today = projectToday();
    const year = Number(today.slice(0, 4));
    const counts = new Map<string, number>();
    for (const { input } of checked) counts.set(input.hostRegionCode, (counts.get(input.hostRegionCode) ?? 0) + 1);
    const nextSeq = new Map<string, number>();
    for (const [regionCode, count] of counts) {
      nextSeq.set(regionCode, await repo.reserveProjectSeqs(tx, year, regionCode, count));
    }
    const ids = await repo.insertProjects(
      tx,
      checked.map(({ input, firstUnitId, firstUnit, values }) => {
        const seq = nextSeq.get(input.hostRegionCode)!;
        nextSeq.set(input.hostRegionCode, seq + 1);
        return {
          code: formatProjectCode({ year, regionCode: input.hostRegionCode, seq }),
          name: values.name!,
          nameCore: values.nameCore!,
          namePinyin: values.namePinyin!,
          industrySection: values.industrySection ?? null,
          industryDivision: values.industryDivision ?? null,
          chainNodeId: input.chainNodeId ?? null,
          totalInvestmentWan: input.totalInvestmentWan,
          foreignInvestmentUsdWan: input.foreignInvestmentUsdWan ?? null,
          fixedAssetInvestmentWan: input.fixedAssetInvestmentWan ?? null,
          landDemandMu: input.landDemandMu ?? null,
          jobs: input.jobs ?? null,
          expectedTaxWan: input.expectedTaxWan ?? null,
          sourceChannel: input.sourceChannel,
          firstUnitId,
          firstRegionCode: firstUnit.regionCode,
          hostRegionCode: input.hostRegionCode,
          responsibleUnitId: input.responsibleUnitId ?? firstUnitId,
          responsibleLeader: input.responsibleLeader ?? null,
          confidentiality: input.confidentiality,
          stage: input.stage,
          stageEnteredOn: today,
          createdBy: auth.user.id,
        };
      }),
    );
    await repo.insertProjectEnterprises(
      tx,
      checked.flatMap(({ enterpriseIds }, i) =>
        enterpriseLinks(enterpriseIds).map((link) => ({ projectId: ids[i]!, ...link })),
      ),
    );
    await repo.insertTransitions(
      tx,
      checked.map(({ input }, i) => ({
        projectId: ids[i]!,
        fromStage: null,
        toStage: input.stage,
        direction: 'create' as const,
        actorId: auth.user.id,
      })),
    );
    // Read once as written: the facts the coordination module checks, and what the audit keeps.
    const written = new Map((await repo.findProjectRows(tx, ids)).map((row) => [row.id, row]));
    // 首报 and the duplicate check across all regions (coordination module), same transaction.
    const outcomes = await onProjectsRegistered(tx, {
      auth,
      projects: checked.map(({ enterpriseIds }, i) => ({
        projectId: ids[i]!,
        enterpriseIds,
        facts: written.get(ids[i]!),
      })),
    });
    await recordAuditBatch(
      tx,
      ids.map((id) => {
        const row = written.get(id)!;
        return {
          actorId: auth.user.id,
          action: 'project.created',
          entity: 'project',
          entityId: id,
          regionCode: row.hostRegionCode,
          after: auditView(presentProjectListItem(row)),
        };
      }),
    );
    return { ok: true, created: ids.map((id, i) => ({ id, coordination: outcomes[i]! })) };
  });
}

export async function getProject(db: Db, auth: AuthContext, id: string): Promise<TProject> {
  return loadProject(db, auth, id, false);
}

function staleVersion(currentVersion: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `项目已被他人修改（当前版本 ${currentVersion}），请刷新后再改`,
      en: `Someone else changed this project (now version ${currentVersion}); reload and edit again`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

/**
 * Applies the fields given to a project the caller sees, if `version` is still the current one:
 * `UPDATE … WHERE id AND version`, so a stale save is a 409 and the other save stays intact.
 */
export async function updateProject(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateProjectRequest,
): Promise<TProject & { coordination?: TCoordinationOutcome }> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const current = await requireVisible(tx, auth, id, true);
    requireEditable(auth, current);
    if (current.version !== input.version) throw staleVersion(current.version);
    const { values, errors, enterpriseIds } = await checkFacts(tx, auth, input, current);
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const plain = {
      chainNodeId: input.chainNodeId,
      totalInvestmentWan: input.totalInvestmentWan,
      foreignInvestmentUsdWan: input.foreignInvestmentUsdWan,
      fixedAssetInvestmentWan: input.fixedAssetInvestmentWan,
      landDemandMu: input.landDemandMu,
      jobs: input.jobs,
      expectedTaxWan: input.expectedTaxWan,
      sourceChannel: input.sourceChannel,
      responsibleLeader: input.responsibleLeader,
      confidentiality: input.confidentiality,
    };
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) Object.assign(values, { [key]: value });
    }
    const before = presentProjectListItem(current);
    if (!(await repo.updateProject(tx, id, input.version, values))) throw staleVersion(current.version + 1);
    if (enterpriseIds) await repo.replaceProjectEnterprises(tx, id, enterpriseLinks(enterpriseIds));
    // A new name or new investors: look for duplicates across regions again (coordination module).
    const coordination =
      input.name !== undefined || input.enterpriseIds !== undefined
        ? await onProjectEdited(tx, {
            auth,
            projectId: id,
            enterpriseIds: enterpriseIds ?? repo.enterpriseIdsOf(current),
          })
        : undefined;
    const after = await loadProject(tx, auth, id).catch((err: unknown) => {
      // Marking a project confidential that the editor could then no longer see is refused.
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        throw new AppError('VALIDATION', {
          fields: [
            {
              field: 'body.confidentiality',
              zh: '保存后您将无法查看该项目，请先将本单位设为首谈或责任单位',
              en: 'You would no longer see this project; make your unit its first or responsible unit first',
            },
          ],
        });
      }
      throw err;
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'project.updated',
      entity: 'project',
      entityId: id,
      regionCode: current.hostRegionCode,
      before: auditView(before),
      after: auditView(after),
    });
    return coordination ? { ...after, coordination } : after;
  });
}

function stateOf(row: repo.ProjectRow): ProjectStageState {
  return {
    stage: row.stage,
    terminatedFrom: row.terminatedFrom,
    signingDate: row.signingDate,
    contractAmountWan: row.contractAmountWan,
    parties: row.parties,
    agreementFileId: row.agreementFileId,
    registeredDate: row.registeredDate,
    startDate: row.startDate,
    productionDate: row.productionDate,
    achievedDate: row.achievedDate,
    terminationReason: row.terminationReason as ProjectStageState['terminationReason'],
    terminationText: row.terminationText,
  };
}

/** lifecycle.ts names its fields bare; the request names `reasonText` `terminationText`. */
function bodyField(field: string): string {
  return `body.${field === 'reasonText' ? 'terminationText' : field}`;
}

function stageGate(errors: FieldError[], from: Stage, to: Stage): AppError {
  const a = STAGE_LABELS[from];
  const b = STAGE_LABELS[to];
  return new AppError('PROJECT_STAGE_GATE', {
    detail: {
      zh: `项目不能从“${a.zh}”转到“${b.zh}”：${errors.map((e) => e.zh).join('；')}`,
      en: `The project cannot move from ${a.en} to ${b.en}: ${errors.map((e) => e.en).join('; ')}`,
    },
    fields: errors.map((e) => ({ ...e, field: bodyField(e.field) })),
  });
}

/**
 * Moves a project to another stage by the rules of src/domain/lifecycle.ts (gates, backward
 * moves with a reason, termination with a listed reason, reopening): the gate fields are saved on
 * the project, the stage is entered today, the version bumps and the timeline keeps who and why.
 */
export async function transitionProject(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TTransitionRequest,
): Promise<TProject> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const current = await requireVisible(tx, auth, id, true);
    if (input.version !== undefined && input.version !== current.version) throw staleVersion(current.version);
    if (input.agreementFileId && !(await repo.findFileMeta(tx, auth.scope, input.agreementFileId))) {
      throw stageGate(
        [
          {
            field: 'agreementFileId',
            zh: '协议文件不存在，请先上传',
            en: 'No such agreement file; upload it first',
          },
        ],
        current.stage,
        input.to,
      );
    }
    const today = projectToday();
    const result = checkTransition(stateOf(current), input.to, { ...input, reasonText: input.terminationText }, today);
    if (!result.ok) throw stageGate(result.errors, current.stage, input.to);
    await requireSigningReview(tx, current, result); // 评审会 before 签约 where the pack requires it (services module).
    // Conflict hold, pre-signing filing, escalation and transfer credit (coordination module).
    await beforeTransition(tx, { auth, project: current, to: result.to, changes: result.changes });

    const { stage, ...gate } = result.changes;
    const before = presentProjectListItem(current);
    const saved = await repo.updateProject(tx, id, current.version, {
      ...gate,
      stage,
      stageEnteredOn: today,
    });
    if (!saved) throw staleVersion(current.version + 1);
    await repo.insertTransition(tx, {
      projectId: id,
      fromStage: current.stage,
      toStage: stage,
      direction: result.direction,
      reason: input.reason?.trim() || null,
      gate,
      actorId: auth.user.id,
    });
    const after = await loadProject(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: `project.${result.direction}`,
      entity: 'project',
      entityId: id,
      regionCode: current.hostRegionCode,
      before: auditView(before),
      after: { ...auditView(after), transition: { from: current.stage, to: stage, reason: input.reason ?? null } },
    });
    return after;
  });
}

/** One page of the projects the caller sees, with every filter and sort of the contract. */
export async function listProjects(db: Db, auth: AuthContext, query: TProjectListQuery): Promise<TProjectList> {
  const { sort, page, pageSize, ...filters } = query;
  const { rows, total } = await repo.listProjects(db, auth.scope, foldSearch(filters), { sort, page, pageSize });
  return { items: rows.map(presentProjectListItem), total, page, pageSize };
}

export function savedViews(): TSavedViews {
  return { items: SAVED_VIEWS.map(({ id, name, description }) => ({ id, name, description })) };
}

/** One column per stage with its count, total investment and 20 most recently updated projects. */
export async function kanban(db: Db, auth: AuthContext, query: TKanbanQuery): Promise<TKanban> {
  const filters = foldSearch(query);
  const totals = await repo.stageTotals(db, auth.scope, filters);
  const byStage = new Map(totals.map((t) => [t.stage, t]));
  const columns = [];
  // One short indexed query per non-empty column: PGlite serialises queries, so they run in turn.
  for (const stage of STAGES) {
    const total = byStage.get(stage);
    const items = total
      ? (await repo.listProjects(db, auth.scope, { ...filters, stage }, { pageSize: 20, withTotal: false })).rows
      : [];
    columns.push({
      stage,
      label: STAGE_LABELS[stage],
      count: Number(total?.count ?? 0),
      totalInvestmentWan: presentWan(total?.totalInvestmentWan ?? '0'),
      items: items.map(presentProjectListItem),
    });
  }
  return { columns };
}
