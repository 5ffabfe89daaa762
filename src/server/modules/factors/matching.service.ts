import { AppError, type FieldError } from '../../../domain/errors';
import {
  BUILDING_USE,
  type Candidate,
  type Demand,
  type LandUse,
  type QuotaKind,
  minimumCandidateSize,
  rankCandidates,
} from '../../../domain/matching';
import { foldText } from '../../../domain/names';
import { can, mayWriteOwned } from '../../../domain/permissions';
import { chinaDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import type { Lang } from '../../lib/problem';
import { recordAudit } from '../audit/service';
import { findProjectInScope, type ProjectRow } from '../projects/repository';
import { dec, presentDemand } from './presenter';
import * as repo from './repository';
import type { TDemandResponse, TMatchQuery, TMatchResult, TPutDemand } from './schema';

/** A project the caller sees, or 404. */
export async function requireProject(db: Db, auth: AuthContext, projectId: string, lock = false): Promise<ProjectRow> {
  const project = await findProjectInScope(db, auth.scope, projectId, lock);
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

/** Viewers read; a liaison edits demand only for projects its unit negotiates or answers for. */
function requireDemandEditor(auth: AuthContext, project: ProjectRow): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '您的角色不能填写要素需求', en: 'Your role cannot enter factor demand' },
    });
  }
  if (!mayWriteOwned(auth.user, { ownerUnitIds: [project.firstUnitId, project.responsibleUnitId] })) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '联络员只能填写本单位首谈或负责项目的要素需求',
        en: 'A liaison enters demand only for projects of their own unit',
      },
    });
  }
}

async function regionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  return new Map((await repo.regionsByCode(db, codes)).map((r) => [r.code, r.name]));
}

export async function getDemand(db: Db, auth: AuthContext, projectId: string): Promise<TDemandResponse> {
  const project = await requireProject(db, auth, projectId);
  const row = await repo.findDemand(db, projectId);
  return {
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      landDemandMu: dec(project.landDemandMu),
    },
    demand: row ? presentDemand(row, await regionNames(db, row.preferredRegions)) : null,
  };
}

/**
 * Records a project's demand. `version` 0 creates it; otherwise the version read must still be
 * current (409 otherwise, nothing lost). Fields not given keep their value.
 */
export async function putDemand(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TPutDemand,
): Promise<TDemandResponse> {
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, projectId, true);
    requireDemandEditor(auth, project);
    const current = await repo.findDemand(tx, projectId, true);
    const errors: FieldError[] = [];
    if (input.preferredRegions?.length) {
      const found = new Set((await repo.regionsByCode(tx, input.preferredRegions)).map((r) => r.code));
      input.preferredRegions.forEach((code, i) => {
        if (!found.has(code)) {
          errors.push({
            field: `body.preferredRegions.${i}`,
            zh: `行政区划代码 ${code} 不存在`,
            en: `No region with code ${code}`,
          });
        }
      });
    }
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const pick = <K extends keyof repo.DemandValues>(key: K, value: repo.DemandValues[K] | undefined) =>
      value !== undefined ? value : current ? current[key as keyof typeof current] : undefined;
    const values: repo.DemandValues = {
      landMu: pick('landMu', input.landMu) as string | null,
      buildingM2: pick('buildingM2', input.buildingM2) as number | null,
      use: pick('use', input.use) as LandUse | null,
      powerKva: pick('powerKva', input.powerKva) as string | null,
      energyTce: pick('energyTce', input.energyTce) as string | null,
      emissionsT: pick('emissionsT', input.emissionsT) as string | null,
      preferredRegions: (input.preferredRegions
        ? [...new Set(input.preferredRegions)]
        : (current?.preferredRegions ?? [])) as string[],
      readyToBuild: (input.readyToBuild ?? current?.readyToBuild ?? false) as boolean,
      neededBy: pick('neededBy', input.neededBy) as string | null,
      note:
        input.note !== undefined
          ? input.note === null
            ? null
            : foldText(input.note) || null
          : (current?.note ?? null),
      updatedBy: auth.user.id,
    };
    const conflict = (now: number) =>
      new AppError('VERSION_CONFLICT', {
        detail: {
          zh: `要素需求已被他人修改（当前版本 ${now}），请刷新后再改`,
          en: `Someone else changed this demand (now version ${now}); reload and edit again`,
        },
        fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
      });
    if (input.version === 0) {
      if (current || !(await repo.insertDemand(tx, projectId, values))) throw conflict(current?.version ?? 1);
    } else {
      if (!current || current.version !== input.version) throw conflict(current?.version ?? 0);
      if (!(await repo.updateDemand(tx, projectId, input.version, values))) throw conflict(current.version);
    }
    const after = (await repo.findDemand(tx, projectId))!;
    const names = await regionNames(tx, after.preferredRegions);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: current ? 'factor.demand_updated' : 'factor.demand_created',
      entity: 'project',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      before: current ? presentDemand(current, names) : null,
      after: presentDemand(after, names),
    });
    return {
      project: { id: project.id, code: project.code, name: project.name, landDemandMu: dec(project.landDemandMu) },
      demand: presentDemand(after, names),
    };
  });
}

const QUOTA_OF: Record<string, QuotaKind | undefined> = { power: 'power', energy: 'energy', emission: 'emission' };

/**
 * Ranks library items for a project's demand. Without a recorded demand the project's own land
 * demand (亩) and host region stand in. Candidates: available items in the caller's scope, at
 * least half the wanted size, the nearest in size (preferred regions first) up to the pool size;
 * each is scored with the remaining quotas of its zone (or the nearest region above it that has one).
 */
export async function matchProject(db: Db, auth: AuthContext, query: TMatchQuery, lang: Lang): Promise<TMatchResult> {
  const project = await requireProject(db, auth, query.projectId);
  const stored = await repo.findDemand(db, project.id);
  const preferredCodes = stored ? stored.preferredRegions : [project.hostRegionCode];
  const preferredPaths = (await repo.regionsByCode(db, preferredCodes)).map((r) => r.path);
  const demand: Demand = {
    landMu: stored ? dec(stored.landMu) : dec(project.landDemandMu),
    buildingM2: stored?.buildingM2 ?? null,
    use: stored?.use ?? null,
    powerKva: dec(stored?.powerKva ?? null),
    energyTce: dec(stored?.energyTce ?? null),
    emissionsT: dec(stored?.emissionsT ?? null),
    preferredPaths,
    readyToBuild: stored?.readyToBuild ?? false,
    neededBy: stored?.neededBy ?? null,
  };
  const today = chinaDate(new Date());

  const wanted =
    query.kind === 'parcel' ? demand.landMu : demand.buildingM2 === null ? null : String(demand.buildingM2);
  const rows = await (query.kind === 'parcel' ? repo.parcelCandidates : repo.buildingCandidates)(db, auth.scope, {
    wanted,
    minSize: minimumCandidateSize(wanted),
    preferredPaths,
  });
  const loaded = rows.map((r) => ({
    ...r,
    kind: query.kind,
    size: dec(r.size),
    // A building serves the use of its kind, and is there to be used at once.
    use: query.kind === 'parcel' ? (r.use as LandUse) : BUILDING_USE[r.use as keyof typeof BUILDING_USE],
  }));

  // Quotas of every region on the candidates' paths, so each finds its nearest.
  const pathCodes = new Set<string>();
  for (const c of loaded) for (const code of c.regionPath.split('/').filter(Boolean)) pathCodes.add(code);
  const quotas = await repo.remainingQuotas(db, [...pathCodes], Number(today.slice(0, 4)));
  const byRegion = new Map<string, Partial<Record<QuotaKind, string>>>();
  for (const q of quotas) {
    const kind = QUOTA_OF[q.kind];
    if (!kind) continue;
    const entry = byRegion.get(q.regionCode) ?? {};
    entry[kind] = dec(q.remaining);
    byRegion.set(q.regionCode, entry);
  }
  const candidates: Candidate[] = loaded.map((c) => {
    const remaining: Partial<Record<QuotaKind, string>> = {};
    const lineage = c.regionPath.split('/').filter(Boolean).reverse();
    for (const kind of ['power', 'energy', 'emission'] as const) {
      const holder = lineage.find((code) => byRegion.get(code)?.[kind] !== undefined);
      if (holder) remaining[kind] = byRegion.get(holder)![kind]!;
    }
    return { ...c, quotaRemaining: remaining };
  });
  const extra = new Map(loaded.map((c) => [c.id, c]));
  const ranked = rankCandidates(demand, candidates, today, query.limit);
  return {
    project: { id: project.id, code: project.code, name: project.name },
    kind: query.kind,
    considered: candidates.length,
    items: ranked.map((m, i) => {
      const c = m.candidate;
      const more = extra.get(c.id)!;
      return {
        rank: i + 1,
        kind: c.kind,
        id: c.id,
        code: c.code,
        name: c.name,
        region: { code: c.regionCode, name: more.regionName, zoneLevel: c.zoneLevel },
        size: c.size,
        use: c.use,
        status: more.status,
        score: m.score,
        misfits: m.misfits,
        parts: m.parts.map((p) => ({ ...p, text: lang === 'en' ? p.en : p.zh })),
      };
    }),
  };
}
