import { AppError, type Bilingual, type FieldError } from '../../../domain/errors';
import { toHundredths } from '../../../domain/matching';
import { foldName, foldText } from '../../../domain/names';
import { can, mayActForUnit } from '../../../domain/permissions';
import { chinaDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { scopeErrors } from '../../lib/scope';
import { COUNTRY_CODE } from '../../seed/regions';
import { recordAudit } from '../audit/service';
import { findProjectInScope } from '../projects/repository';
import { presentAllocation, presentBuilding, presentFund, presentParcel, presentQuota } from './presenter';
import * as repo from './repository';
import type {
  TBuilding,
  TBuildingQuery,
  TCreateAllocation,
  TCreateBuilding,
  TCreateFund,
  TCreateParcel,
  TCreateQuota,
  TFund,
  TFundQuery,
  TParcel,
  TParcelQuery,
  TQuota,
  TQuotaQuery,
  TUpdateBuilding,
  TUpdateFund,
  TUpdateParcel,
} from './schema';

/**
 * The supply library: parcels, buildings, funds and zone quotas, each maintained by a unit.
 * Everyone in scope reads; roles without project.write (viewers, verifiers) never write; a liaison (an industry or resources department)
 * writes only the records its own unit maintains; officers, leaders and admins write any record
 * in their scope and may name another unit of the scope as its maintainer.
 */

type Kind = 'parcel' | 'building' | 'fund' | 'quota';
const KIND_LABEL: Record<Kind, Bilingual> = {
  parcel: { zh: '地块', en: 'parcel' },
  building: { zh: '楼宇厂房', en: 'building' },
  fund: { zh: '基金', en: 'fund' },
  quota: { zh: '指标', en: 'quota' },
};

export function requireWriter(auth: AuthContext, kind: Kind, maintainingUnitId?: string): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: `您的角色不能维护${KIND_LABEL[kind].zh}`, en: `Your role cannot maintain ${KIND_LABEL[kind].en}s` },
    });
  }
  if (maintainingUnitId && !mayActForUnit(auth.user, maintainingUnitId)) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: `联络员只能维护本单位负责的${KIND_LABEL[kind].zh}`,
        en: `A liaison maintains only the ${KIND_LABEL[kind].en}s of their own unit`,
      },
    });
  }
}

/** The region (in scope) and maintaining unit (in scope; a liaison's own) of a new or moved record. */
async function checkPlace(
  db: Db,
  auth: AuthContext,
  kind: Kind,
  regionCode: string | undefined,
  unitId: string | undefined,
  errors: FieldError[],
): Promise<void> {
  if (unitId !== undefined) requireWriter(auth, kind, unitId);
  // Both references in one statement of the visibility layer; a supply record belongs to a region
  // below the country, never to the country itself.
  errors.push(
    ...(await scopeErrors(db, auth.scope, {
      regions: { 'body.regionCode': regionCode === COUNTRY_CODE ? '' : regionCode },
      units: { 'body.unitId': unitId },
    })),
  );
  if (regionCode === COUNTRY_CODE) {
    errors.push({
      field: 'body.regionCode',
      zh: '要素须属于具体地区',
      en: 'A supply record belongs to a region below the country',
    });
  }
}

function staleVersion(kind: Kind, current: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `${KIND_LABEL[kind].zh}已被他人修改（当前版本 ${current}），请刷新后再改`,
      en: `Someone else changed this ${KIND_LABEL[kind].en} (now version ${current}); reload and edit again`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

function duplicateCode(kind: Kind, field = 'body.code'): AppError {
  const zh = kind === 'fund' ? '该地区已有同名基金' : `该地区已有相同编号的${KIND_LABEL[kind].zh}`;
  const en =
    kind === 'fund'
      ? 'A fund of that name exists in the region'
      : `That ${KIND_LABEL[kind].en} code exists in the region`;
  return new AppError('CONFLICT', { detail: { zh, en }, fields: [{ field, zh, en }] });
}

const optText = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : foldText(v) || null;

function checkPlotRatio(min: string | null | undefined, max: string | null | undefined, errors: FieldError[]) {
  if (min && max && toHundredths(min) > toHundredths(max)) {
    errors.push({
      field: 'body.plotRatioMax',
      zh: '容积率上限不能小于下限',
      en: 'The maximum plot ratio is below the minimum',
    });
  }
}

function checkCoordinates(lng: string | null | undefined, lat: string | null | undefined, errors: FieldError[]) {
  // China lies within 73–136°E and 3–54°N; anything else is a typo (often swapped lng/lat).
  if (lng && (Number(lng) < 73 || Number(lng) > 136)) {
    errors.push({ field: 'body.lng', zh: '经度应在 73–136 之间', en: 'Longitude must be within 73–136' });
  }
  if (lat && (Number(lat) < 3 || Number(lat) > 54)) {
    errors.push({ field: 'body.lat', zh: '纬度应在 3–54 之间', en: 'Latitude must be within 3–54' });
  }
}

function mustBePositive(value: string | undefined, field: string, errors: FieldError[]) {
  if (value !== undefined && /^0+(\.0+)?$/.test(value)) {
    errors.push({ field, zh: '应大于 0', en: 'Must be greater than 0' });
  }
}

// ---------------------------------------------------------------- parcels

export async function listParcels(db: Db, auth: AuthContext, query: TParcelQuery) {
  const filters = { ...query, q: query.q ? foldName(query.q) : undefined };
  const { rows, total } = await repo.listParcels(db, auth.scope, filters, {
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentParcel), total };
}

export async function getParcel(db: Db, auth: AuthContext, id: string): Promise<TParcel> {
  const row = await repo.findParcel(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentParcel(row);
}

function parcelValues(input: Partial<TCreateParcel>): Partial<repo.ParcelValues> {
  const v: Partial<repo.ParcelValues> = {};
  if (input.code !== undefined) v.code = foldName(input.code);
  if (input.name !== undefined) v.name = foldName(input.name);
  if (input.regionCode !== undefined) v.regionCode = input.regionCode;
  if (input.unitId !== undefined) v.unitId = input.unitId;
  if (input.areaMu !== undefined) v.areaMu = input.areaMu;
  if (input.use !== undefined) v.use = input.use;
  if (input.zoning !== undefined) v.zoning = optText(input.zoning);
  if (input.address !== undefined) v.address = optText(input.address);
  if (input.lng !== undefined) v.lng = input.lng;
  if (input.lat !== undefined) v.lat = input.lat;
  if (input.priceWanPerMu !== undefined) v.priceWanPerMu = input.priceWanPerMu;
  if (input.priceKind !== undefined) v.priceKind = input.priceKind;
  if (input.supplyModes !== undefined) v.supplyModes = [...new Set(input.supplyModes)];
  if (input.plotRatioMin !== undefined) v.plotRatioMin = input.plotRatioMin;
  if (input.plotRatioMax !== undefined) v.plotRatioMax = input.plotRatioMax;
  if (input.readyToBuild !== undefined) v.readyToBuild = input.readyToBuild;
  if (input.availableOn !== undefined) v.availableOn = input.availableOn;
  if (input.published !== undefined) v.published = input.published;
  if (input.note !== undefined) v.note = optText(input.note);
  return v;
}

async function checkParcel(db: Db, auth: AuthContext, input: Partial<TCreateParcel>, current?: repo.ParcelRow) {
  const errors: FieldError[] = [];
  await checkPlace(
    db,
    auth,
    'parcel',
    input.regionCode !== current?.regionCode ? input.regionCode : undefined,
    input.unitId !== current?.unitId ? input.unitId : undefined,
    errors,
  );
  mustBePositive(input.areaMu, 'body.areaMu', errors);
  checkPlotRatio(
    input.plotRatioMin !== undefined ? input.plotRatioMin : current?.plotRatioMin,
    input.plotRatioMax !== undefined ? input.plotRatioMax : current?.plotRatioMax,
    errors,
  );
  checkCoordinates(input.lng, input.lat, errors);
  if (input.name !== undefined && !foldName(input.name)) {
    errors.push({ field: 'body.name', zh: '名称不能为空', en: 'The name is empty' });
  }
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
}

/** Adds a parcel to the library, maintained by the given unit (default: the caller's). */
export async function createParcel(db: Db, auth: AuthContext, input: TCreateParcel): Promise<TParcel> {
  requireWriter(auth, 'parcel', input.unitId ?? auth.user.unitId);
  const withUnit = { ...input, unitId: input.unitId ?? auth.user.unitId };
  await checkParcel(db, auth, withUnit);
  return db.transaction(async (tx) => {
    const id = await repo.insertParcel(tx, {
      ...(parcelValues(withUnit) as repo.ParcelValues),
      createdBy: auth.user.id,
    });
    if (!id) throw duplicateCode('parcel');
    const created = presentParcel((await repo.findParcel(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.parcel_created',
      entity: 'parcel',
      entityId: id,
      regionCode: input.regionCode,
      after: created,
    });
    return created;
  });
}

export async function updateParcel(db: Db, auth: AuthContext, id: string, input: TUpdateParcel): Promise<TParcel> {
  return db.transaction(async (tx) => {
    const current = await repo.findParcel(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireWriter(auth, 'parcel', current.unitId);
    if (current.version !== input.version) throw staleVersion('parcel', current.version);
    await checkParcel(tx, auth, input, current);
    if (input.status && current.status === 'reserved') {
      throw new AppError('CONFLICT', {
        detail: {
          zh: '地块已预留：请在预留上标记“已使用”或先释放',
          en: 'The parcel is reserved: mark the reservation used or release it first',
        },
        fields: [{ field: 'body.status', zh: '地块已预留', en: 'The parcel is reserved' }],
      });
    }
    const { version, status, ...rest } = input;
    const outcome = await repo.updateParcel(tx, id, version, {
      ...parcelValues(rest),
      ...(status ? { status } : {}),
    });
    if (outcome === 'stale') throw staleVersion('parcel', current.version);
    if (outcome === 'duplicate') throw duplicateCode('parcel');
    const after = presentParcel((await repo.findParcel(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.parcel_updated',
      entity: 'parcel',
      entityId: id,
      regionCode: after.region.code,
      before: presentParcel(current),
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------- buildings

export async function listBuildings(db: Db, auth: AuthContext, query: TBuildingQuery) {
  const filters = { ...query, q: query.q ? foldName(query.q) : undefined };
  const { rows, total } = await repo.listBuildings(db, auth.scope, filters, {
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentBuilding), total };
}

export async function getBuilding(db: Db, auth: AuthContext, id: string): Promise<TBuilding> {
  const row = await repo.findBuilding(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentBuilding(row);
}

function buildingValues(input: Partial<TCreateBuilding>): Partial<repo.BuildingValues> {
  const v: Partial<repo.BuildingValues> = {};
  const copy = [
    'regionCode',
    'unitId',
    'kind',
    'floorAreaM2',
    'floors',
    'floorHeightM',
    'loadKnM2',
    'craneTons',
    'rentYuanM2Month',
    'lng',
    'lat',
    'availableOn',
    'published',
  ] as const;
  for (const key of copy) if (input[key] !== undefined) (v as Record<string, unknown>)[key] = input[key];
  if (input.code !== undefined) v.code = foldName(input.code);
  if (input.name !== undefined) v.name = foldName(input.name);
  if (input.address !== undefined) v.address = optText(input.address);
  if (input.note !== undefined) v.note = optText(input.note);
  return v;
}

async function checkBuilding(db: Db, auth: AuthContext, input: Partial<TCreateBuilding>, current?: repo.BuildingRow) {
  const errors: FieldError[] = [];
  await checkPlace(
    db,
    auth,
    'building',
    input.regionCode !== current?.regionCode ? input.regionCode : undefined,
    input.unitId !== current?.unitId ? input.unitId : undefined,
    errors,
  );
  checkCoordinates(input.lng, input.lat, errors);
  if (input.name !== undefined && !foldName(input.name)) {
    errors.push({ field: 'body.name', zh: '名称不能为空', en: 'The name is empty' });
  }
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
}

export async function createBuilding(db: Db, auth: AuthContext, input: TCreateBuilding): Promise<TBuilding> {
  requireWriter(auth, 'building', input.unitId ?? auth.user.unitId);
  const withUnit = { ...input, unitId: input.unitId ?? auth.user.unitId };
  await checkBuilding(db, auth, withUnit);
  return db.transaction(async (tx) => {
    const id = await repo.insertBuilding(tx, {
      ...(buildingValues(withUnit) as repo.BuildingValues),
      createdBy: auth.user.id,
    });
    if (!id) throw duplicateCode('building');
    const created = presentBuilding((await repo.findBuilding(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.building_created',
      entity: 'building',
      entityId: id,
      regionCode: input.regionCode,
      after: created,
    });
    return created;
  });
}

export async function updateBuilding(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateBuilding,
): Promise<TBuilding> {
  return db.transaction(async (tx) => {
    const current = await repo.findBuilding(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireWriter(auth, 'building', current.unitId);
    if (current.version !== input.version) throw staleVersion('building', current.version);
    await checkBuilding(tx, auth, input, current);
    if (input.status && current.status === 'reserved') {
      throw new AppError('CONFLICT', {
        detail: { zh: '楼宇厂房已预留', en: 'The building is reserved' },
        fields: [{ field: 'body.status', zh: '楼宇厂房已预留', en: 'The building is reserved' }],
      });
    }
    const { version, status, ...rest } = input;
    const outcome = await repo.updateBuilding(tx, id, version, {
      ...buildingValues(rest),
      ...(status ? { status } : {}),
    });
    if (outcome === 'stale') throw staleVersion('building', current.version);
    if (outcome === 'duplicate') throw duplicateCode('building');
    const after = presentBuilding((await repo.findBuilding(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.building_updated',
      entity: 'building',
      entityId: id,
      regionCode: after.region.code,
      before: presentBuilding(current),
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------- funds

export async function listFunds(db: Db, auth: AuthContext, query: TFundQuery) {
  const filters = { ...query, q: query.q ? foldName(query.q) : undefined };
  const { rows, total } = await repo.listFunds(db, auth.scope, filters, {
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentFund), total };
}

function fundValues(input: Partial<TCreateFund>): Partial<repo.FundValues> {
  const v: Partial<repo.FundValues> = {};
  if (input.name !== undefined) v.name = foldName(input.name);
  if (input.regionCode !== undefined) v.regionCode = input.regionCode;
  if (input.unitId !== undefined) v.unitId = input.unitId;
  if (input.sizeWan !== undefined) v.sizeWan = input.sizeWan;
  if (input.focusIndustries !== undefined) v.focusIndustries = [...new Set(input.focusIndustries.map(foldName))];
  if (input.stages !== undefined) v.stages = [...new Set(input.stages)];
  if (input.manager !== undefined) v.manager = optText(input.manager);
  if (input.published !== undefined) v.published = input.published;
  if (input.note !== undefined) v.note = optText(input.note);
  return v;
}

export async function createFund(db: Db, auth: AuthContext, input: TCreateFund): Promise<TFund> {
  requireWriter(auth, 'fund', input.unitId ?? auth.user.unitId);
  const withUnit = { ...input, unitId: input.unitId ?? auth.user.unitId };
  const errors: FieldError[] = [];
  await checkPlace(db, auth, 'fund', withUnit.regionCode, withUnit.unitId, errors);
  mustBePositive(input.sizeWan, 'body.sizeWan', errors);
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
  return db.transaction(async (tx) => {
    const id = await repo.insertFund(tx, { ...(fundValues(withUnit) as repo.FundValues), createdBy: auth.user.id });
    if (!id) throw duplicateCode('fund', 'body.name');
    const created = presentFund((await repo.findFund(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.fund_created',
      entity: 'fund',
      entityId: id,
      regionCode: input.regionCode,
      after: created,
    });
    return created;
  });
}

export async function updateFund(db: Db, auth: AuthContext, id: string, input: TUpdateFund): Promise<TFund> {
  return db.transaction(async (tx) => {
    const current = await repo.findFund(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireWriter(auth, 'fund', current.unitId);
    if (current.version !== input.version) throw staleVersion('fund', current.version);
    const errors: FieldError[] = [];
    await checkPlace(
      tx,
      auth,
      'fund',
      input.regionCode !== current.regionCode ? input.regionCode : undefined,
      input.unitId !== current.unitId ? input.unitId : undefined,
      errors,
    );
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const { version, ...rest } = input;
    const outcome = await repo.updateFund(tx, id, version, fundValues(rest));
    if (outcome === 'stale') throw staleVersion('fund', current.version);
    if (outcome === 'duplicate') throw duplicateCode('fund', 'body.name');
    const after = presentFund((await repo.findFund(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.fund_updated',
      entity: 'fund',
      entityId: id,
      regionCode: after.region.code,
      before: presentFund(current),
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------- quotas

export async function listQuotas(db: Db, auth: AuthContext, query: TQuotaQuery) {
  return { items: (await repo.listQuotas(db, auth.scope, query)).map(presentQuota) };
}

export async function createQuota(db: Db, auth: AuthContext, input: TCreateQuota): Promise<TQuota> {
  const unitId = input.unitId ?? auth.user.unitId;
  requireWriter(auth, 'quota', unitId);
  const errors: FieldError[] = [];
  await checkPlace(db, auth, 'quota', input.regionCode, unitId, errors);
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
  return db.transaction(async (tx) => {
    const id = await repo.insertQuota(tx, { ...input, unitId });
    if (!id) {
      const zh = `该地区 ${input.year} 年已有此类指标，请修改原指标`;
      const en = `The region already has this quota for ${input.year}; change that one`;
      throw new AppError('CONFLICT', { detail: { zh, en }, fields: [{ field: 'body.kind', zh, en }] });
    }
    const created = presentQuota((await repo.findQuota(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.quota_created',
      entity: 'zone_quota',
      entityId: id,
      regionCode: input.regionCode,
      after: created,
    });
    return created;
  });
}

export async function updateQuota(
  db: Db,
  auth: AuthContext,
  id: string,
  input: { version: number; total: string },
): Promise<TQuota> {
  return db.transaction(async (tx) => {
    const current = await repo.findQuota(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireWriter(auth, 'quota', current.unitId);
    if (current.version !== input.version) throw staleVersion('quota', current.version);
    if (!(await repo.updateQuotaTotal(tx, id, input.version, input.total)))
      throw staleVersion('quota', current.version);
    const after = presentQuota((await repo.findQuota(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.quota_updated',
      entity: 'zone_quota',
      entityId: id,
      regionCode: current.regionCode,
      before: presentQuota(current),
      after,
    });
    return after;
  });
}

export async function listAllocations(db: Db, auth: AuthContext, quotaId: string) {
  if (!(await repo.findQuota(db, auth.scope, quotaId))) throw new AppError('NOT_FOUND');
  return { items: (await repo.listAllocations(db, quotaId)).map(presentAllocation) };
}

/**
 * Gives part of a quota to a project. The quota row is locked so two allocations cannot both take
 * the last of it; an amount over what is left is refused, naming what is left.
 */
export async function allocateQuota(db: Db, auth: AuthContext, quotaId: string, input: TCreateAllocation) {
  return db.transaction(async (tx) => {
    const quota = await repo.findQuota(tx, auth.scope, quotaId, true);
    if (!quota) throw new AppError('NOT_FOUND');
    requireWriter(auth, 'quota', quota.unitId);
    const remaining = presentQuota(quota).remaining;
    const errors: FieldError[] = [];
    if (toCents(input.amount) <= 0n) {
      errors.push({ field: 'body.amount', zh: '应大于 0', en: 'Must be greater than 0' });
    } else if (toCents(input.amount) > toCents(remaining)) {
      errors.push({
        field: 'body.amount',
        zh: `超出剩余指标（剩余 ${remaining}）`,
        en: `More than what is left (${remaining})`,
      });
    }
    if (input.projectId && !(await findProjectInScope(tx, auth.scope, input.projectId))) {
      errors.push({ field: 'body.projectId', zh: '项目不存在或不可见', en: 'No such project in your scope' });
    }
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const id = await repo.insertAllocation(tx, {
      quotaId,
      projectId: input.projectId ?? null,
      amount: input.amount,
      allocatedOn: input.allocatedOn ?? chinaDate(new Date()),
      note: optText(input.note) ?? null,
      createdBy: auth.user.id,
    });
    const created = (await repo.listAllocations(tx, quotaId)).find((a) => a.id === id)!;
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.quota_allocated',
      entity: 'zone_quota',
      entityId: quotaId,
      regionCode: quota.regionCode,
      after: { allocationId: id, amount: input.amount, projectId: input.projectId ?? null },
    });
    return presentAllocation(created);
  });
}

function toCents(text: string): bigint {
  const neg = text.startsWith('-');
  const [i = '0', f = ''] = (neg ? text.slice(1) : text).split('.');
  const v = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
}
