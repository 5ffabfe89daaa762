import { catalogEntries, catalogs, catalogsFor, classifyByIndustry } from '../../../domain/catalog';
import { keyChainShare, ratioToPercent } from '../../../domain/chain-indicators';
import { isGap } from '../../../domain/chain-targets';
import { AppError, type Bilingual, type FieldError } from '../../../domain/errors';
import { findDivision, sectionOfDivision } from '../../../domain/industry';
import { rankCandidates } from '../../../domain/recommend';
import { can } from '../../../domain/permissions';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { scopeErrors } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { getEnterprise } from '../enterprises/service';
import { lineageOf, effectivePolicy } from '../policies/service';
import { getProject } from '../projects/service';
import {
  gapCovered,
  presentChain,
  presentChainSummary,
  presentSegment,
  presentWan,
  type SegmentFigures,
} from './presenter';
import * as repo from './repository';
import type {
  TAddSegmentEnterpriseRequest,
  TCatalog,
  TChain,
  TChainListQuery,
  TChainSummary,
  TClassification,
  TClassificationQuery,
  TCreateChainRequest,
  TCreateSegmentRequest,
  TGapCoverage,
  TIndicatorQuery,
  TIndicators,
  TRecommendationList,
  TSegment,
  TSetClassificationRequest,
  TUpdateChainRequest,
  TUpdateSegmentRequest,
} from './schema';

/** Chain maps are edited by the roles that run projects (officers, leaders, admins); liaisons and viewers read them. */
export function requireChainEditor(auth: AuthContext): void {
  if (can(auth.user.role, 'project.transition')) return;
  throw new AppError('FORBIDDEN', {
    detail: { zh: '只有招商人员、领导和管理员可以修改产业链', en: 'Only officers, leaders and admins change chains' },
  });
}

export function staleVersion(current: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `数据已被他人修改（当前版本 ${current}），请刷新后重试`,
      en: `Someone else changed this record (now version ${current}); reload and retry`,
    },
  });
}

function divisionErrors(field: string, divisions: readonly string[]): FieldError[] {
  return divisions
    .filter((d) => !findDivision(d))
    .map((d) => ({
      field,
      zh: `国民经济行业大类 ${d} 不存在（应为 01–97）`,
      en: `${d} is not a GB/T 4754-2017 division (01–97)`,
    }));
}

// ---------------------------------------------------------------- catalogs

export async function listCatalogs(db: Db): Promise<{ items: TCatalog[] }> {
  const list = catalogs();
  const names = await repo.regionNames(
    db,
    list.map((c) => c.regionCode),
  );
  return {
    items: list.map((c) => ({
      id: c.id,
      name: c.name,
      system: c.system,
      document: c.document,
      region: { code: c.regionCode, name: names.get(c.regionCode) ?? c.regionCode },
      source: c.source,
      notes: c.notes,
      groups: c.groups.map((g) => ({
        key: g.key,
        name: g.name,
        source: g.source,
        quote: g.quote,
        entries: g.entries.map((e) => ({
          code: e.code,
          name: e.name,
          source: e.source ?? g.source,
          divisions: e.divisions,
        })),
      })),
    })),
  };
}

/** The region and division of a project or enterprise the caller can see (404 otherwise). */
async function classifiable(db: Db, auth: AuthContext, query: TClassificationQuery) {
  if (query.entityType === 'project') {
    const project = await getProject(db, auth, query.entityId);
    return { regionCode: project.hostRegion.code, division: project.industryDivision };
  }
  const enterprise = await getEnterprise(db, auth, query.entityId);
  return { regionCode: enterprise.region.code, division: enterprise.industryDivision?.code ?? null };
}

async function classificationOf(db: Db, auth: AuthContext, query: TClassificationQuery): Promise<TClassification> {
  const entity = await classifiable(db, auth, query);
  const lineage = await lineageOf(db, entity.regionCode);
  const byCode = new Map(catalogEntries().map((e) => [e.code, e]));
  const view = (code: string) => {
    const e = byCode.get(code)!;
    return {
      code: e.code,
      name: e.name,
      source: e.source,
      divisions: e.divisions,
      catalogId: e.catalogId,
      groupName: e.groupName,
    };
  };
  const assigned = await repo.assignedEntries(db, query.entityType, query.entityId);
  return {
    entityType: query.entityType,
    entityId: query.entityId,
    industryDivision: entity.division,
    applicableCatalogs: catalogsFor(lineage).map((c) => c.id),
    suggested: classifyByIndustry(entity.division, lineage).map((e) => view(e.code)),
    assigned: assigned.filter((a) => byCode.has(a.code)).map((a) => view(a.code)),
  };
}

export async function getClassification(db: Db, auth: AuthContext, query: TClassificationQuery) {
  return classificationOf(db, auth, query);
}

/** Places a project or enterprise in entries of the catalogs that guide its region. */
export async function setClassification(
  db: Db,
  auth: AuthContext,
  input: TSetClassificationRequest,
): Promise<TClassification> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const before = await classificationOf(tx, auth, input);
    const allowed = new Set(
      catalogEntries(catalogs().filter((c) => before.applicableCatalogs.includes(c.id))).map((e) => e.code),
    );
    const codes = [...new Set(input.entryCodes)];
    const errors = codes
      .filter((c) => !allowed.has(c))
      .map((c) => ({
        field: 'body.entryCodes',
        zh: `目录条目 ${c} 不存在或不适用于该地区`,
        en: `Catalog entry ${c} does not exist or does not guide this region`,
      }));
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    await repo.replaceClassifications(tx, input.entityType, input.entityId, codes, auth.user.id);
    const after = await classificationOf(tx, auth, input);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'catalog.classified',
      entity: input.entityType,
      entityId: input.entityId,
      regionCode: auth.user.regionCode,
      before: before.assigned.map((e) => e.code),
      after: after.assigned.map((e) => e.code),
    });
    return after;
  });
}

// ---------------------------------------------------------------- chains

/** Every segment of the chains, presented with its enterprises, targets and visible projects. */
async function presentedSegments(db: Db, auth: AuthContext, chainIds: string[]): Promise<Map<string, TSegment[]>> {
  const [segments, targetCounts, stats] = [
    await repo.segmentsOf(db, chainIds),
    await repo.targetCounts(db, chainIds),
    await repo.projectStats(db, auth.scope, chainIds),
  ];
  const figures: SegmentFigures = { targets: new Map(), projects: new Map() };
  for (const t of targetCounts) {
    const counts = figures.targets.get(t.segmentId) ?? {};
    counts[t.status] = t.n;
    figures.targets.set(t.segmentId, counts);
  }
  for (const s of stats) figures.projects.set(s.segmentId, [...(figures.projects.get(s.segmentId) ?? []), s]);
  const enterprises = chainIds.length === 1 ? await repo.segmentEnterprisesOf(db, chainIds[0]!) : [];
  const out = new Map<string, TSegment[]>(chainIds.map((id) => [id, []]));
  for (const s of segments) out.get(s.chainId)!.push(presentSegment(s, enterprises, figures));
  return out;
}

export async function listChains(
  db: Db,
  auth: AuthContext,
  query: TChainListQuery,
): Promise<{ items: TChainSummary[] }> {
  const chainRows = await repo.listChains(db, auth.scope, query.regionCode);
  const segments = await presentedSegments(
    db,
    auth,
    chainRows.map((c) => c.id),
  );
  return { items: chainRows.map((c) => presentChainSummary(c, segments.get(c.id) ?? [])) };
}

async function loadChain(db: Db, auth: AuthContext, id: string): Promise<TChain> {
  const row = await repo.findChain(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  const segments = await presentedSegments(db, auth, [id]);
  return presentChain(row, segments.get(id) ?? [], await repo.chainProjects(db, auth.scope, id));
}

export async function getChain(db: Db, auth: AuthContext, id: string): Promise<TChain> {
  return loadChain(db, auth, id);
}

function auditChain(c: TChain) {
  return {
    name: c.name,
    nameEn: c.nameEn,
    regionCode: c.region.code,
    catalogEntryCode: c.catalogEntry?.code ?? null,
    isKey: c.isKey,
    description: c.description,
    team: { ...c.team, leadUnit: c.team.leadUnit?.id ?? null },
    version: c.version,
  };
}

async function checkCatalogEntry(db: Db, code: string | null | undefined): Promise<FieldError[]> {
  if (!code || (await repo.catalogEntryExists(db, code))) return [];
  return [{ field: 'body.catalogEntryCode', zh: `目录条目 ${code} 不存在`, en: `No catalog entry ${code}` }];
}

function nameTaken(): AppError {
  const msg = { zh: '该地区已有同名产业链', en: 'This region already has a chain of that name' };
  return new AppError('CONFLICT', { detail: msg, fields: [{ field: 'body.name', ...msg }] });
}

export async function createChain(db: Db, auth: AuthContext, input: TCreateChainRequest): Promise<TChain> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    errors.push(...(await scopeErrors(tx, auth.scope, { regions: { 'body.regionCode': input.regionCode } })));
    errors.push(...(await checkCatalogEntry(tx, input.catalogEntryCode)));
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const id = await repo.insertChain(tx, {
      regionCode: input.regionCode,
      name: input.name,
      nameEn: input.nameEn,
      catalogEntryCode: input.catalogEntryCode,
      isKey: input.isKey,
      description: input.description,
    });
    if (!id) throw nameTaken();
    const created = await loadChain(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.created',
      entity: 'chain',
      entityId: id,
      regionCode: input.regionCode,
      after: auditChain(created),
    });
    return created;
  });
}

/** Changes a chain and its 链长制 team (leader, lead unit, secretary, working group), if `version` is current. */
export async function updateChain(db: Db, auth: AuthContext, id: string, input: TUpdateChainRequest): Promise<TChain> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findChain(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version) throw staleVersion(current.version);
    const before = await loadChain(tx, auth, id);
    const errors = await checkCatalogEntry(tx, input.catalogEntryCode);
    errors.push(...(await scopeErrors(tx, auth.scope, { units: { 'body.team.leadUnitId': input.team?.leadUnitId } })));
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    if (input.name && (await repo.chainNameTaken(tx, current.regionCode, input.name, id))) throw nameTaken();
    await repo.updateChain(tx, id, {
      name: input.name,
      nameEn: input.nameEn,
      catalogEntryCode: input.catalogEntryCode,
      isKey: input.isKey,
      description: input.description,
    });
    if (input.team) await repo.updateTeam(tx, id, input.team);
    const after = await loadChain(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.updated',
      entity: 'chain',
      entityId: id,
      regionCode: current.regionCode,
      before: auditChain(before),
      after: auditChain(after),
    });
    return after;
  });
}

// ---------------------------------------------------------------- segments

async function requireSegment(db: Db, auth: AuthContext, id: string, lock = false) {
  const segment = await repo.findSegment(db, auth.scope, id, lock);
  if (!segment) throw new AppError('NOT_FOUND');
  return segment;
}

async function presentOneSegment(db: Db, auth: AuthContext, chainId: string, segmentId: string): Promise<TSegment> {
  const segments = await presentedSegments(db, auth, [chainId]);
  return segments.get(chainId)!.find((s) => s.id === segmentId)!;
}

function auditSegment(s: TSegment) {
  const { enterprises, targets, projectsByStage, projectCount, projectInvestmentWan, ...facts } = s;
  void enterprises;
  void targets;
  void projectsByStage;
  void projectCount;
  void projectInvestmentWan;
  return facts;
}

export async function createSegment(db: Db, auth: AuthContext, chainId: string, input: TCreateSegmentRequest) {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const chain = await repo.findChain(tx, auth.scope, chainId, true);
    if (!chain) throw new AppError('NOT_FOUND');
    const errors = divisionErrors('body.industryDivisions', input.industryDivisions);
    if (input.parentId) {
      const parent = await repo.findSegment(tx, auth.scope, input.parentId);
      if (!parent || parent.chainId !== chainId) {
        errors.push({
          field: 'body.parentId',
          zh: '上级环节不属于该产业链',
          en: 'The parent segment is not on this chain',
        });
      }
    }
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const id = await repo.insertSegment(tx, {
      chainId,
      parentId: input.parentId,
      position: input.position,
      name: input.name,
      strength: input.strength,
      need: input.need,
      priority: input.priority,
      industryDivisions: [...new Set(input.industryDivisions)],
      keywords: [...new Set(input.keywords)],
      note: input.note,
      sort: await repo.nextSegmentSort(tx, chainId),
    });
    const created = await presentOneSegment(tx, auth, chainId, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.segment_created',
      entity: 'chain_segment',
      entityId: id,
      regionCode: chain.regionCode,
      after: auditSegment(created),
    });
    return created;
  });
}

export async function updateSegment(db: Db, auth: AuthContext, id: string, input: TUpdateSegmentRequest) {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const current = await requireSegment(tx, auth, id, true);
    if (current.version !== input.version) throw staleVersion(current.version);
    const errors = divisionErrors('body.industryDivisions', input.industryDivisions ?? []);
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const before = await presentOneSegment(tx, auth, current.chainId, id);
    const { version, ...changes } = input;
    void version;
    await repo.updateSegment(tx, id, {
      ...changes,
      industryDivisions: changes.industryDivisions ? [...new Set(changes.industryDivisions)] : undefined,
      keywords: changes.keywords ? [...new Set(changes.keywords)] : undefined,
    });
    const after = await presentOneSegment(tx, auth, current.chainId, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.segment_updated',
      entity: 'chain_segment',
      entityId: id,
      regionCode: current.chainRegionCode,
      before: auditSegment(before),
      after: auditSegment(after),
    });
    return after;
  });
}

/** Removes an empty segment; one with sub-segments, targets or projects is kept (409 saying why). */
export async function deleteSegment(db: Db, auth: AuthContext, id: string): Promise<void> {
  requireChainEditor(auth);
  await db.transaction(async (tx) => {
    const current = await requireSegment(tx, auth, id, true);
    const deps = await repo.segmentDependents(tx, id);
    if (deps.children || deps.targets || deps.projects) {
      throw new AppError('CONFLICT', {
        detail: {
          zh: `该环节下还有 ${deps.children} 个子环节、${deps.targets} 家目标企业、${deps.projects} 个项目，不能删除`,
          en: `The segment still has ${deps.children} sub-segments, ${deps.targets} targets and ${deps.projects} projects`,
        },
      });
    }
    const before = await presentOneSegment(tx, auth, current.chainId, id);
    await repo.deleteSegment(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.segment_deleted',
      entity: 'chain_segment',
      entityId: id,
      regionCode: current.chainRegionCode,
      before: auditSegment(before),
    });
  });
}

/** Lists a local enterprise on a segment: one of the library, or a name the policy gives. */
export async function addSegmentEnterprise(
  db: Db,
  auth: AuthContext,
  segmentId: string,
  input: TAddSegmentEnterpriseRequest,
) {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const segment = await requireSegment(tx, auth, segmentId, true);
    let name = input.name ?? null;
    if (input.enterpriseId) {
      const enterprise = await repo.enterpriseInScope(tx, auth.scope, input.enterpriseId);
      if (!enterprise) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              field: 'body.enterpriseId',
              zh: '企业不存在或不在您的数据范围内',
              en: 'No such enterprise in your scope',
            },
          ],
        });
      }
      name = enterprise.name;
    }
    if (!name) {
      throw new AppError('VALIDATION', {
        fields: [{ field: 'body.name', zh: '请填写企业名称或选择企业', en: 'Give a name or choose an enterprise' }],
      });
    }
    const row = await repo.insertSegmentEnterprise(tx, {
      segmentId,
      enterpriseId: input.enterpriseId,
      name,
      role: input.role,
    });
    if (!row) {
      const msg = { zh: '该企业已在此环节', en: 'This enterprise is already on the segment' };
      throw new AppError('CONFLICT', { detail: msg, fields: [{ field: 'body.name', ...msg }] });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.segment_enterprise_added',
      entity: 'chain_segment',
      entityId: segmentId,
      regionCode: segment.chainRegionCode,
      after: { id: row.id, enterpriseId: row.enterpriseId, name: row.name, role: row.role },
    });
    return presentOneSegment(tx, auth, segment.chainId, segmentId);
  });
}

export async function removeSegmentEnterprise(db: Db, auth: AuthContext, segmentId: string, linkId: string) {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const segment = await requireSegment(tx, auth, segmentId, true);
    const removed = await repo.deleteSegmentEnterprise(tx, segmentId, linkId);
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.segment_enterprise_removed',
      entity: 'chain_segment',
      entityId: segmentId,
      regionCode: segment.chainRegionCode,
      before: { id: removed.id, enterpriseId: removed.enterpriseId, name: removed.name, role: removed.role },
    });
    return presentOneSegment(tx, auth, segment.chainId, segmentId);
  });
}

// ---------------------------------------------------------------- recommendations, gaps, indicators

const NOT_A_GAP: Bilingual = {
  zh: '靶向推荐只针对弱链或缺失环节；请先把该环节标为“弱链”或“断链/缺失”',
  en: 'Recommendations are for weak or missing segments; mark the segment weak or missing first',
};

/** Ranks enterprises of the library for a weak or missing segment, each score with its parts. */
export async function recommendations(
  db: Db,
  auth: AuthContext,
  segmentId: string,
  limit: number,
): Promise<TRecommendationList> {
  const segment = await requireSegment(db, auth, segmentId);
  if (!isGap(segment.strength)) throw new AppError('VALIDATION', { fields: [{ field: 'params.id', ...NOT_A_GAP }] });
  const sections = [
    ...new Set(segment.industryDivisions.map((d) => sectionOfDivision(d)?.code).filter((s): s is string => !!s)),
  ];
  const province = segment.chainRegionPath.split('/').filter(Boolean).slice(0, 2);
  const candidates = await repo.recommendationCandidates(db, auth.scope, {
    segmentId,
    divisions: segment.industryDivisions,
    sections,
    keywords: segment.keywords,
    provincePath: `/${province.join('/')}/`,
  });
  const ranked = rankCandidates(
    { divisions: segment.industryDivisions, keywords: segment.keywords },
    candidates,
    limit,
  );
  return {
    segment: { id: segment.id, name: segment.name, strength: segment.strength },
    items: ranked.map((r) => {
      const c = candidates.find((x) => x.id === r.candidate.id)!;
      return {
        enterprise: {
          id: c.id,
          name: c.name,
          industryDivision: c.industryDivision,
          tags: c.tags as TRecommendationList['items'][number]['enterprise']['tags'],
          registeredCapitalWan: c.registeredCapitalWan === null ? null : presentWan(c.registeredCapitalWan),
        },
        score: r.score,
        parts: r.parts,
      };
    }),
  };
}

/** Every weak or missing segment of a chain against its targets and live projects. */
export async function gapCoverage(db: Db, auth: AuthContext, chainId: string): Promise<TGapCoverage> {
  const chain = await repo.findChain(db, auth.scope, chainId);
  if (!chain) throw new AppError('NOT_FOUND');
  const segments = (await presentedSegments(db, auth, [chainId])).get(chainId) ?? [];
  const live = new Map((await repo.liveProjectsBySegment(db, auth.scope, chainId)).map((r) => [r.segmentId, r]));
  const targets = await repo.listTargets(
    db,
    segments.map((s) => s.id),
  );
  const byId = new Map(segments.map((s) => [s.id, s]));
  const pathOf = (s: TSegment): string[] => {
    const names: string[] = [];
    for (let cur: TSegment | undefined = s; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
      names.unshift(cur.name);
    }
    return names;
  };
  const rows = segments
    .filter((s) => isGap(s.strength))
    .map((s) => {
      const own = targets.filter((t) => t.segmentId === s.id);
      const liveRow = live.get(s.id);
      const liveProjects = liveRow?.n ?? 0;
      return {
        segment: {
          id: s.id,
          name: s.name,
          path: pathOf(s),
          position: s.position,
          strength: s.strength,
          need: s.need,
          priority: s.priority,
        },
        targets: own.filter((t) => t.status !== 'dropped').length,
        workedTargets: s.targets.contacted + s.targets.negotiating,
        convertedTargets: s.targets.converted,
        liveProjects,
        liveInvestmentWan: presentWan(liveRow?.total ?? '0'),
        ownerUnits: [...new Set(own.filter((t) => t.status !== 'dropped').map((t) => t.ownerUnitName))],
        covered: gapCovered(s, liveProjects),
      };
    });
  return { chain: { id: chain.id, name: chain.name }, rows, uncovered: rows.filter((r) => !r.covered).length };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Key-chain investment share of the projects hosted under a region, by period, against its policy target. */
export async function indicators(db: Db, auth: AuthContext, query: TIndicatorQuery): Promise<TIndicators> {
  const code = query.regionCode ?? auth.user.regionCode;
  const region = await repo.regionInScopeExists(db, auth.scope, code);
  if (!region) throw new AppError('NOT_FOUND');
  const policy = await effectivePolicy(db, code, today());
  const target = policy.keyChainShareTarget
    ? { percent: ratioToPercent(policy.keyChainShareTarget.value), source: policy.keyChainShareTarget.source }
    : null;
  const projects = await repo.indicatorProjects(db, auth.scope, region.path);
  const rows = keyChainShare(
    projects.map((p) => ({
      totalInvestmentWan: p.total,
      signingDate: p.signingDate,
      stage: p.stage,
      onKeyChain: p.onKeyChain,
    })),
    query.period,
    target?.percent ?? null,
  );
  return {
    region: { code: region.code, name: region.name },
    period: query.period,
    target,
    rows: rows.map((r) => ({ ...r, totalWan: presentWan(r.totalWan), keyChainWan: presentWan(r.keyChainWan) })),
  };
}
