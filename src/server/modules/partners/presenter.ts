import { PARTNER_KIND_LABELS, PARTNER_STATUS_LABELS } from '../../../domain/rewards';
import type { PartnerRow, ReferralRow } from './repository';
import type { TPartner, TReferral } from './schema';

export function presentPartner(row: PartnerRow): TPartner {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PARTNER_KIND_LABELS[row.kind],
    name: row.name,
    contactPerson: row.contactPerson,
    phone: row.phone,
    email: row.email,
    country: row.country,
    location: row.location,
    focusIndustries: row.focusIndustries,
    status: row.status,
    statusLabel: PARTNER_STATUS_LABELS[row.status],
    ownerUnit: { id: row.ownerUnitId, name: row.ownerUnitName },
    region: { code: row.regionCode, name: row.regionName },
    note: row.note,
    referralCount: Number(row.referralCount),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentReferral(row: ReferralRow): TReferral {
  return {
    id: row.id,
    partner: { id: row.partnerId, name: row.partnerName },
    project: { id: row.projectId, code: row.projectCode, name: row.projectName, stage: row.projectStage },
    referredOn: row.referredOn,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
