import type { InquiryRow, SupplyRow } from './repository';
import type { TInquiry, TSupplyItem } from './schema';

export function presentSupplyItem(row: SupplyRow): TSupplyItem {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    region: { code: row.regionCode, name: row.regionName, nameEn: row.regionNameEn },
    size: row.size,
    use: row.use as TSupplyItem['use'],
    buildingKind: row.buildingKind as TSupplyItem['buildingKind'],
    address: row.address,
    // The driver hands `numeric` back as a string; the portal's map wants numbers.
    lng: row.lng === null ? null : Number(row.lng),
    lat: row.lat === null ? null : Number(row.lat),
    price: row.price,
    readyToBuild: row.readyToBuild,
    availableOn: row.availableOn,
    status: row.status,
  };
}

function presentItem(row: InquiryRow): TInquiry['item'] {
  if (row.parcelId) return { kind: 'parcel', id: row.parcelId, code: row.parcelCode ?? '', name: row.parcelName ?? '' };
  if (row.buildingId) {
    return { kind: 'building', id: row.buildingId, code: row.buildingCode ?? '', name: row.buildingName ?? '' };
  }
  return null;
}

export function presentInquiry(row: InquiryRow): TInquiry {
  return {
    id: row.id,
    reference: row.reference,
    company: row.company,
    contactName: row.contactName,
    phone: row.phone,
    email: row.email,
    region: { code: row.regionCode, name: row.regionName, nameEn: row.regionNameEn },
    industry: row.industry,
    investmentWan: row.investmentWan,
    landMu: row.landMu,
    message: row.message,
    item: presentItem(row),
    status: row.status,
    receivedAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedById ? { id: row.decidedById, name: row.decidedByName ?? '' } : null,
    declineReason: row.declineReason,
    project: row.projectId ? { id: row.projectId, code: row.projectCode ?? '', name: row.projectName ?? '' } : null,
    version: row.version,
  };
}
