import { AppError, type Bilingual } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { chinaDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { PUBLIC_SCOPE } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { createProject } from '../projects/service';
import { findRegion } from '../regions/repository';
import { regionTree } from '../regions/service';
import type { TRegionNode } from '../regions/schema';
import { presentInquiry, presentSupplyItem } from './presenter';
import * as repo from './repository';
import type {
  TAcceptInquiryRequest,
  TAcceptInquiryResult,
  TDeclineInquiryRequest,
  TInquiry,
  TInquiryList,
  TInquiryQuery,
  TSubmitInquiryRequest,
  TSubmitInquiryResult,
  TSupplyList,
  TSupplyQuery,
} from './schema';

// ---------------------------------------------------------------- public

export async function publicRegions(db: Db): Promise<TRegionNode[]> {
  return regionTree(db, PUBLIC_SCOPE);
}

/** Published parcels and buildings still on offer (available or reserved), for anyone. */
export async function publicSupply(db: Db, query: TSupplyQuery): Promise<TSupplyList> {
  const { rows, total } = await repo.listPublishedSupply(db, query);
  return { items: rows.map(presentSupplyItem), total, page: query.page, pageSize: query.pageSize };
}

const blankToNull = (v: string | null | undefined) => (v ? v : null);

/** `YX-20261125-0007`: the China calendar day and its sequence number. */
export function formatReference(day: string, seq: number): string {
  return `YX-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** The region an inquiry goes to: the published item's, else the one named (any but the country). */
async function inquiryRegion(db: Db, input: TSubmitInquiryRequest) {
  if (input.item) {
    const item = await repo.findPublishedItem(db, input.item.kind, input.item.id);
    if (!item) {
      throw new AppError('VALIDATION', {
        fields: [
          {
            field: 'body.item',
            zh: '该地块或楼宇不存在或未公开发布',
            en: 'No such published parcel or building',
          },
        ],
      });
    }
    return {
      regionCode: item.regionCode,
      parcelId: input.item.kind === 'parcel' ? item.id : null,
      buildingId: input.item.kind === 'building' ? item.id : null,
    };
  }
  const code = blankToNull(input.regionCode);
  const region = code ? await findRegion(db, PUBLIC_SCOPE, code) : undefined;
  if (!region || region.level === 'country') {
    throw new AppError('VALIDATION', {
      fields: [
        code
          ? { field: 'body.regionCode', zh: '意向地区不存在', en: 'No such region' }
          : {
              field: 'body.regionCode',
              zh: '请选择意向地区，或选择具体的地块或楼宇',
              en: 'Choose a region, or a parcel or building',
            },
      ],
    });
  }
  return { regionCode: region.code, parcelId: null, buildingId: null };
}

/**
 * Tells the officers of the region about a new inquiry; a region without officers of its own (a
 * county, a zone) passes it to the nearest region above it that has some, up to the province.
 */
async function notifyOfficers(tx: Db, regionPath: string, message: { title: Bilingual; body: Bilingual; id: string }) {
  const lineage = regionPath.split('/').filter(Boolean).slice(1).reverse();
  for (const regionCode of lineage) {
    const sent = await notify(tx, {
      regionCode,
      roles: ['officer'],
      kind: 'inquiry.submitted',
      title: message.title,
      body: message.body,
      entity: 'inquiry',
      entityId: message.id,
    });
    if (sent.length) return;
  }
}

/**
 * 投资意向 from the portal (gansu §(十) 云洽谈): stored with a per-day reference, audited (no actor:
 * the public), and announced to the region's officers, all in one transaction. Text is kept as typed.
 */
export async function submitInquiry(db: Db, input: TSubmitInquiryRequest): Promise<TSubmitInquiryResult> {
  return db.transaction(async (tx) => {
    const target = await inquiryRegion(tx, input);
    const region = (await findRegion(tx, PUBLIC_SCOPE, target.regionCode))!;
    const day = chinaDate(new Date());
    const reference = formatReference(day, await repo.nextReferenceSeq(tx, day));
    const values: repo.InquiryValues = {
      reference,
      company: input.company,
      contactName: input.contactName,
      phone: input.phone,
      email: blankToNull(input.email),
      regionCode: target.regionCode,
      industry: blankToNull(input.industry),
      investmentWan: blankToNull(input.investmentWan),
      landMu: blankToNull(input.landMu),
      message: input.message,
      parcelId: target.parcelId,
      buildingId: target.buildingId,
    };
    const { id, createdAt } = await repo.insertInquiry(tx, values);
    await recordAudit(tx, {
      actorId: null,
      action: 'inquiry.submitted',
      entity: 'inquiry',
      entityId: id,
      regionCode: target.regionCode,
      after: { ...values, status: 'new' },
    });
    await notifyOfficers(tx, region.path, {
      id,
      title: { zh: `新的投资意向 ${reference}`, en: `New investor inquiry ${reference}` },
      body: {
        zh: `${input.company}（${input.contactName}）通过投资者门户提交了投资意向，意向地区：${region.name}。请在“投资意向”中受理，或说明不予受理的理由。`,
        en: `${input.company} (${input.contactName}) stated an investment intent on the investor portal for ${region.nameEn}. Accept it as a project under Inquiries, or decline it with a reason.`,
      },
    });
    return { reference, receivedAt: createdAt.toISOString() };
  });
}

// ---------------------------------------------------------------- signed in

/** Officers, leaders and admins decide on inquiries; every signed-in role reads those in scope. */
function requireDecider(auth: AuthContext): void {
  if (can(auth.user.role, 'inquiry.decide')) return;
  throw new AppError('FORBIDDEN', {
    detail: {
      zh: '只有招商人员、领导和管理员可以受理或拒绝投资意向',
      en: 'Only officers, leaders and admins accept or decline inquiries',
    },
  });
}

function staleVersion(current: number): AppError {
  return new AppError('VERSION_CONFLICT', {
    detail: {
      zh: `投资意向已被他人处理（当前版本 ${current}），请刷新后重试`,
      en: `Someone else changed this inquiry (now version ${current}); reload and retry`,
    },
    fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
  });
}

function alreadyDecided(status: string): AppError {
  const msg =
    status === 'accepted'
      ? { zh: '该投资意向已受理为项目', en: 'The inquiry has already been accepted as a project' }
      : { zh: '该投资意向已不予受理', en: 'The inquiry has already been declined' };
  return new AppError('CONFLICT', { detail: msg, fields: [{ field: 'body.status', ...msg }] });
}

function auditView(i: TInquiry) {
  return {
    status: i.status,
    decidedAt: i.decidedAt,
    decidedById: i.decidedBy?.id ?? null,
    declineReason: i.declineReason,
    projectId: i.project?.id ?? null,
    version: i.version,
  };
}

export async function listInquiries(db: Db, auth: AuthContext, query: TInquiryQuery): Promise<TInquiryList> {
  const { rows, total } = await repo.listInquiries(db, auth.scope, query);
  return { items: rows.map(presentInquiry), total, page: query.page, pageSize: query.pageSize };
}

export async function getInquiry(db: Db, auth: AuthContext, id: string): Promise<TInquiry> {
  const row = await repo.findInquiry(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentInquiry(row);
}

/** Loads an inquiry still to be decided, locked, with the caller's version. */
async function openInquiry(tx: Db, auth: AuthContext, id: string, version: number) {
  const row = await repo.findInquiry(tx, auth.scope, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'new') throw alreadyDecided(row.status);
  if (row.version !== version) throw staleVersion(row.version);
  return presentInquiry(row);
}

/** Records an accept or decline on an open inquiry, audited; answers the inquiry as it now stands. */
async function decide(
  tx: Db,
  auth: AuthContext,
  before: TInquiry,
  version: number,
  decision: Parameters<typeof repo.decideInquiry>[3],
): Promise<TInquiry> {
  if (!(await repo.decideInquiry(tx, before.id, version, decision))) throw staleVersion(version);
  const after = await getInquiry(tx, auth, before.id);
  await recordAudit(tx, {
    actorId: auth.user.id,
    action: `inquiry.${decision.status}`,
    entity: 'inquiry',
    entityId: before.id,
    regionCode: before.region.code,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/**
 * Takes an inquiry up as a project in 洽谈 through the projects module's own create, in the same
 * transaction: if the project is refused, the inquiry stays new.
 */
export async function acceptInquiry(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TAcceptInquiryRequest,
): Promise<TAcceptInquiryResult> {
  requireDecider(auth);
  return db.transaction(async (tx) => {
    const before = await openInquiry(tx, auth, id, input.version);
    const project = await createProject(tx, auth, {
      name: input.name,
      enterpriseIds: [],
      industryDivision: input.industryDivision ?? null,
      totalInvestmentWan: input.totalInvestmentWan,
      landDemandMu: before.landMu,
      sourceChannel: input.sourceChannel,
      hostRegionCode: input.hostRegionCode ?? before.region.code,
      confidentiality: 'normal',
      stage: 'negotiating',
    });
    const after = await decide(tx, auth, before, input.version, {
      status: 'accepted',
      decidedBy: auth.user.id,
      projectId: project.id,
    });
    return {
      inquiry: after,
      project: { id: project.id, code: project.code, name: project.name, stage: project.stage },
    };
  });
}

export async function declineInquiry(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TDeclineInquiryRequest,
): Promise<TInquiry> {
  requireDecider(auth);
  return db.transaction(async (tx) => {
    const before = await openInquiry(tx, auth, id, input.version);
    return decide(tx, auth, before, input.version, {
      status: 'declined',
      decidedBy: auth.user.id,
      declineReason: input.reason,
    });
  });
}
