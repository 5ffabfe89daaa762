import { AppError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { EffectivePolicy } from '../../../domain/policy';
import {
  type Entitlement,
  firstUnitEntitlements,
  landingDate,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  PARTNER_STATUS_LABELS,
  PARTNER_STATUSES,
  referralEntitlements,
  type RewardProject,
  sortEntitlements,
} from '../../../domain/rewards';
import { foldName, foldText } from '../../../domain/names';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { outOfScope, requireActForUnit, requireOwnedWrite } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { effectivePolicy } from '../policies/service';
import { findUnit } from '../regions/repository';
import { presentPartner, presentReferral } from './presenter';
import * as repo from './repository';
import type {
  TCreatePartnerRequest,
  TCreateReferralRequest,
  TEntitlement,
  TPartnerCatalog,
  TPartnerDetail,
  TPartnerList,
  TPartnerListQuery,
  TReferral,
  TRewards,
  TUpdatePartnerRequest,
} from './schema';

/** Viewers and verifiers read; the roles that run projects keep the partner library. */
export function requireWriter(auth: AuthContext): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '当前角色只能查看，不能修改', en: 'Your role may read but not change these records' },
    });
  }
}

const optionalText = (v: string | null | undefined) => (v === undefined ? undefined : v ? foldText(v) || null : null);

function auditView(p: TPartnerDetail | ReturnType<typeof presentPartner>) {
  return {
    kind: p.kind,
    name: p.name,
    contactPerson: p.contactPerson,
    phone: p.phone,
    email: p.email,
    country: p.country,
    location: p.location,
    focusIndustries: p.focusIndustries,
    status: p.status,
    ownerUnitId: p.ownerUnit.id,
    note: p.note,
    version: p.version,
  };
}

function duplicateName(): AppError {
  const zh = '本单位已登记同类同名的合作伙伴';
  const en = 'Your unit already keeps a partner of this kind with this name';
  return new AppError('CONFLICT', { detail: { zh, en }, fields: [{ field: 'body.name', zh, en }] });
}

function staleVersion(current: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `合作伙伴信息已被他人修改（当前版本 ${current}），请刷新后再改`,
      en: `Someone else changed this partner (now version ${current}); reload and edit again`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

export function catalog(): TPartnerCatalog {
  return {
    kinds: PARTNER_KINDS.map((value) => ({ value, label: PARTNER_KIND_LABELS[value] })),
    statuses: PARTNER_STATUSES.map((value) => ({ value, label: PARTNER_STATUS_LABELS[value] })),
  };
}

export async function listPartners(db: Db, auth: AuthContext, query: TPartnerListQuery): Promise<TPartnerList> {
  const q = query.q ? foldName(query.q) : null;
  const { rows, total } = await repo.listPartners(db, auth.scope, query, q || null);
  return { items: rows.map(presentPartner), total };
}

export async function getPartner(db: Db, auth: AuthContext, id: string): Promise<TPartnerDetail> {
  const row = await repo.findPartner(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  const referrals = await repo.referralsOfPartner(db, auth.scope, id);
  return { ...presentPartner(row), referrals: referrals.map(presentReferral) };
}

/** Records a partner kept by the caller's unit (or another unit in the caller's scope). */
export async function createPartner(db: Db, auth: AuthContext, input: TCreatePartnerRequest): Promise<TPartnerDetail> {
  requireWriter(auth);
  const name = foldName(input.name);
  if (!name)
    throw new AppError('VALIDATION', { fields: [{ field: 'body.name', zh: '名称不能为空', en: 'The name is empty' }] });
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, auth.scope, input.ownerUnitId ?? auth.user.unitId);
    if (!unit) throw new AppError('VALIDATION', { fields: [outOfScope('body.ownerUnitId')] });
    requireActForUnit(auth, unit.id);
    const id = await repo.insertPartner(tx, {
      kind: input.kind,
      name,
      contactPerson: optionalText(input.contactPerson) ?? null,
      phone: input.phone?.trim() || null,
      email: input.email?.trim() || null,
      country: input.country,
      location: optionalText(input.location) ?? null,
      focusIndustries: [...new Set(input.focusIndustries.map((f) => foldName(f)).filter(Boolean))],
      status: input.status,
      ownerUnitId: unit.id,
      regionCode: unit.regionCode,
      note: optionalText(input.note) ?? null,
      createdBy: auth.user.id,
    });
    if (!id) throw duplicateName();
    const created = await getPartner(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'partner.created',
      entity: 'partner',
      entityId: id,
      regionCode: unit.regionCode,
      after: auditView(created),
    });
    return created;
  });
}

export async function updatePartner(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdatePartnerRequest,
): Promise<TPartnerDetail> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findPartner(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [current.ownerUnitId] });
    if (current.version !== input.version) throw staleVersion(current.version);
    const before = presentPartner(current);
    const values: Partial<repo.PartnerValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.name !== undefined) {
      const name = foldName(input.name);
      if (!name) {
        throw new AppError('VALIDATION', {
          fields: [{ field: 'body.name', zh: '名称不能为空', en: 'The name is empty' }],
        });
      }
      values.name = name;
    }
    if (input.contactPerson !== undefined) values.contactPerson = optionalText(input.contactPerson) ?? null;
    if (input.phone !== undefined) values.phone = input.phone?.trim() || null;
    if (input.email !== undefined) values.email = input.email?.trim() || null;
    if (input.country !== undefined) values.country = input.country;
    if (input.location !== undefined) values.location = optionalText(input.location) ?? null;
    if (input.focusIndustries !== undefined) {
      values.focusIndustries = [...new Set(input.focusIndustries.map((f) => foldName(f)).filter(Boolean))];
    }
    if (input.status !== undefined) values.status = input.status;
    if (input.note !== undefined) values.note = optionalText(input.note) ?? null;
    const outcome = await repo.updatePartner(tx, id, input.version, values);
    if (outcome === 'stale') throw staleVersion(current.version);
    if (outcome === 'duplicate') throw duplicateName();
    const after = await getPartner(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'partner.updated',
      entity: 'partner',
      entityId: id,
      regionCode: current.regionCode,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** 引荐: the partner brought the project. The project must be one the caller sees. */
export async function createReferral(
  db: Db,
  auth: AuthContext,
  partnerId: string,
  input: TCreateReferralRequest,
): Promise<TReferral> {
  requireWriter(auth);
  return db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, auth.scope, partnerId, true);
    if (!partner) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [partner.ownerUnitId] });
    const project = await repo.findVisibleProject(tx, auth.scope, input.projectId);
    if (!project) {
      throw new AppError('VALIDATION', {
        fields: [{ field: 'body.projectId', zh: '项目不存在或不在您的范围内', en: 'No such project in your scope' }],
      });
    }
    const id = await repo.insertReferral(tx, {
      partnerId,
      projectId: project.id,
      referredOn: input.referredOn,
      note: optionalText(input.note) ?? null,
      createdBy: auth.user.id,
    });
    if (!id) {
      const zh = '该合作伙伴已登记引荐此项目';
      const en = 'This partner already referred this project';
      throw new AppError('CONFLICT', { detail: { zh, en }, fields: [{ field: 'body.projectId', zh, en }] });
    }
    const row = await repo.findReferral(tx, auth.scope, partnerId, id);
    if (!row) throw new AppError('NOT_FOUND');
    const referral = presentReferral(row);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'referral.created',
      entity: 'referral',
      entityId: id,
      regionCode: partner.regionCode,
      after: { partnerId, projectId: project.id, referredOn: referral.referredOn, note: referral.note },
    });
    return referral;
  });
}

export async function deleteReferral(db: Db, auth: AuthContext, partnerId: string, referralId: string): Promise<void> {
  requireWriter(auth);
  await db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, auth.scope, partnerId, true);
    if (!partner) throw new AppError('NOT_FOUND');
    requireOwnedWrite(auth, { ownerUnitIds: [partner.ownerUnitId] });
    const row = await repo.findReferral(tx, auth.scope, partnerId, referralId);
    if (!row) throw new AppError('NOT_FOUND');
    await repo.deleteReferral(tx, referralId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'referral.deleted',
      entity: 'referral',
      entityId: referralId,
      regionCode: partner.regionCode,
      before: { partnerId, projectId: row.projectId, referredOn: row.referredOn, note: row.note },
    });
  });
}

/** Resolves policies once per (region, date): many projects share both. */
function policyCache(db: Db) {
  const cache = new Map<string, Promise<EffectivePolicy>>();
  return (regionCode: string, date: string) => {
    const key = `${regionCode}|${date}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = effectivePolicy(db, regionCode, date)));
    return hit;
  };
}

type FactsRow = Awaited<ReturnType<typeof repo.landedProjectsOfFirstUnits>>[number];

function rewardProject(row: FactsRow): RewardProject {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    stage: row.stage,
    totalInvestmentWan: row.totalInvestmentWan,
    registeredDate: row.registeredDate,
    startDate: row.startDate,
    productionDate: row.productionDate,
    achievedDate: row.achievedDate,
    stageEnteredOn: row.stageEnteredOn,
  };
}

const REASON_LABELS = {
  first_unit_landing: { zh: '首谈单位项目落地', en: 'First-negotiation unit’s project landed' },
  referral: { zh: '引荐项目落地', en: 'Referred project landed' },
} as const;

function presentEntitlement(e: Entitlement): TEntitlement {
  return {
    ...e,
    reasonLabel: REASON_LABELS[e.reason],
    beneficiary: {
      kind: e.beneficiary.kind,
      id: e.beneficiary.id,
      name: e.beneficiary.name,
      partnerKind: e.beneficiary.kind === 'partner' ? e.beneficiary.partnerKind : null,
    },
  };
}

/**
 * The rewards the data makes due (liaoyuan §三.七, jiaxing §二(二)9), each judged by the pack in
 * force on the landing date: the first unit's by its first-negotiation region, a referral's by
 * the host region where the project landed.
 */
export async function rewardEntitlements(db: Db, auth: AuthContext, year?: number): Promise<TRewards> {
  const policyOf = policyCache(db);
  const landed = await repo.landedProjectsOfFirstUnits(db, auth.scope);
  const unitItems = await Promise.all(
    landed.map(async (row) => {
      const project = rewardProject(row);
      const on = landingDate(project);
      const p = on ? (await policyOf(row.firstRegionCode, on)).firstUnitLandingReward : undefined;
      return {
        project,
        unit: { id: row.firstUnitId, name: row.firstUnitName },
        rule: p ? { ...p.value, source: p.source } : null,
      };
    }),
  );
  const referred = await repo.referralsToLandedProjects(db, auth.scope);
  const referralItems = await Promise.all(
    referred.map(async (row) => {
      const project = rewardProject(row);
      const on = landingDate(project);
      const p = on ? (await policyOf(row.hostRegionCode, on)).referralReward : undefined;
      return {
        partner: { id: row.partnerId, name: row.partnerName, kind: row.partnerKind },
        referredOn: row.referredOn,
        project,
        rule: p ? { ...p.value, source: p.source } : null,
      };
    }),
  );
  const all = sortEntitlements([...firstUnitEntitlements(unitItems), ...referralEntitlements(referralItems)]);
  return { items: all.filter((e) => year === undefined || e.rewardYear === year).map(presentEntitlement) };
}
