import { randomBytes } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import { drawSample, REQUIRED_FIELDS, unitQuality } from '../../../domain/sampling';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { recordAudit } from '../audit/service';
import * as repo from './repository';
import type { TCheck, TCreateCheckRequest, TQuality } from './schema';
import { regionInScopeOr404, requireAction } from './service';

const iso = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();

/** Draws a sampling check (抽样核查, gansu §(十四)): `perUnit` projects of each unit hosted in the region. */
export async function createCheck(db: Db, auth: AuthContext, input: TCreateCheckRequest): Promise<TCheck> {
  requireAction(auth, 'assessment.manage');
  const region = await regionInScopeOr404(db, auth, input.regionCode);
  const seed = input.seed ?? randomBytes(6).toString('hex');
  const sample = drawSample(await repo.samplingCandidates(db, region), input.perUnit, seed);
  const id = await db.transaction(async (tx) => {
    const checkId = await repo.insertCheck(tx, {
      regionCode: region.code,
      year: input.year,
      perUnit: input.perUnit,
      seed,
      note: input.note ?? null,
      createdBy: auth.user.id,
    });
    await repo.insertItems(
      tx,
      [...sample.entries()].flatMap(([unitId, ids]) => ids.map((projectId) => ({ checkId, projectId, unitId }))),
    );
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'sampling.create',
      entity: 'sampling_check',
      entityId: checkId,
      regionCode: region.code,
      after: { year: input.year, perUnit: input.perUnit, seed, units: sample.size },
    });
    return checkId;
  });
  return getCheck(db, auth, id);
}

export async function getCheck(db: Db, auth: AuthContext, id: string): Promise<TCheck> {
  const check = await repo.findCheck(db, auth.scope, id);
  if (!check) throw new AppError('NOT_FOUND', { detail: { zh: '核查不存在', en: 'No such sampling check' } });
  const region = await repo.findRegion(db, check.regionCode);
  const items = await repo.listItems(db, id);
  return {
    id: check.id,
    region: { code: check.regionCode, name: region?.name ?? check.regionCode },
    year: check.year,
    perUnit: check.perUnit,
    seed: check.seed,
    note: check.note,
    createdAt: check.createdAt.toISOString(),
    items: items.map((i) => ({
      id: i.id,
      project: { id: i.project_id, code: i.project_code, name: i.project_name },
      unit: { id: i.unit_id, name: i.unit_name },
      result: i.result,
      note: i.note,
      verifiedAt: iso(i.verified_at),
    })),
  };
}

export async function listChecks(db: Db, auth: AuthContext) {
  const list = await repo.listChecks(db, auth.scope);
  return {
    items: list.map((c) => ({
      id: c.id,
      region: { code: c.regionCode, name: c.regionName },
      year: c.year,
      perUnit: c.perUnit,
      items: c.items,
      verified: c.verified,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

/** A verifier records what checking one sampled project found: confirmed, corrected or false. */
export async function recordFinding(
  db: Db,
  auth: AuthContext,
  itemId: string,
  input: { result: 'confirmed' | 'corrected' | 'false'; note?: string },
): Promise<TCheck> {
  requireAction(auth, 'sampling.verify');
  const item = await repo.findItem(db, auth.scope, itemId);
  if (!item) throw new AppError('NOT_FOUND', { detail: { zh: '核查项不存在', en: 'No such sampled project' } });
  if (input.result !== 'confirmed' && !input.note?.trim()) {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'body.note', zh: '更正或虚假须写明核查情况', en: 'A correction or false finding needs a note' },
      ],
    });
  }
  await db.transaction(async (tx) => {
    await repo.recordFinding(tx, itemId, {
      result: input.result,
      note: input.note?.trim() || null,
      verifiedBy: auth.user.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'sampling.finding',
      entity: 'sampling_item',
      entityId: itemId,
      regionCode: item.regionCode,
      after: input,
    });
  });
  return getCheck(db, auth, item.checkId);
}

/** Data quality per unit of a region for a year: completeness, timeliness, verified share, false data. */
export async function dataQuality(db: Db, auth: AuthContext, regionCode: string, year: number): Promise<TQuality> {
  const region = await regionInScopeOr404(db, auth, regionCode);
  const facts = await repo.unitQualityFacts(db, region, year);
  return {
    region: { code: region.code, name: region.name },
    year,
    units: facts.map((f) => {
      const projects = Number(f.projects);
      const q = unitQuality({
        filledFields: Number(f.filled),
        requiredFields: projects * REQUIRED_FIELDS.length,
        reports: Number(f.reports),
        reportsOnTime: Number(f.on_time),
        sampled: Number(f.sampled),
        findings: { confirmed: Number(f.confirmed), corrected: Number(f.corrected), false: Number(f.false_count) },
      });
      return {
        unit: { id: f.unit_id, name: f.unit_name },
        regionCode: f.region_code,
        projects,
        reports: Number(f.reports),
        sampled: Number(f.sampled),
        ...q,
      };
    }),
  };
}
