import { canonicalDecimal } from '../../../domain/matching';
import type { AllocationRow, BuildingRow, DemandRow, FundRow, ParcelRow, QuotaRow, ReservationRow } from './repository';
import type { TAllocation, TBuilding, TDemand, TFund, TParcel, TQuota, TReservation } from './schema';

/** numeric comes back as text ("120.00"); the API shows the shortest exact form ("120"). */
export function dec(value: string): string;
export function dec(value: string | null): string | null;
export function dec(value: string | null): string | null {
  if (value === null) return null;
  const negative = value.trim().startsWith('-');
  const body = canonicalDecimal(negative ? value.trim().slice(1) : value);
  return negative && body !== '0' ? `-${body}` : body;
}

/** Coordinates keep their six decimals' worth, without trailing zeros. */
function coord(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

function region(row: { regionCode: string; regionName: string; zoneLevel: TParcel['region']['zoneLevel'] }) {
  return { code: row.regionCode, name: row.regionName, zoneLevel: row.zoneLevel };
}

export function presentParcel(row: ParcelRow): TParcel {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: region(row),
    unit: { id: row.unitId, name: row.unitName },
    areaMu: dec(row.areaMu),
    use: row.use,
    zoning: row.zoning,
    address: row.address,
    lng: coord(row.lng),
    lat: coord(row.lat),
    priceWanPerMu: dec(row.priceWanPerMu),
    priceKind: row.priceKind,
    supplyModes: row.supplyModes as TParcel['supplyModes'],
    plotRatioMin: dec(row.plotRatioMin),
    plotRatioMax: dec(row.plotRatioMax),
    readyToBuild: row.readyToBuild,
    availableOn: row.availableOn,
    status: row.status,
    published: row.published,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentBuilding(row: BuildingRow): TBuilding {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    region: region(row),
    unit: { id: row.unitId, name: row.unitName },
    floorAreaM2: row.floorAreaM2,
    floors: row.floors,
    floorHeightM: dec(row.floorHeightM),
    loadKnM2: dec(row.loadKnM2),
    craneTons: row.craneTons,
    rentYuanM2Month: dec(row.rentYuanM2Month),
    address: row.address,
    lng: coord(row.lng),
    lat: coord(row.lat),
    availableOn: row.availableOn,
    status: row.status,
    published: row.published,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFund(row: FundRow): TFund {
  return {
    id: row.id,
    name: row.name,
    region: region(row),
    unit: { id: row.unitId, name: row.unitName },
    sizeWan: dec(row.sizeWan),
    focusIndustries: row.focusIndustries,
    stages: row.stages as TFund['stages'],
    manager: row.manager,
    published: row.published,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Subtracts exactly in hundredths: quotas carry two decimals. */
function minus(a: string, b: string): string {
  const h = (s: string) => {
    const t = s.trim();
    const neg = t.startsWith('-');
    const [i = '0', f = ''] = (neg ? t.slice(1) : t).split('.');
    const v = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
    return neg ? -v : v;
  };
  const d = h(a) - h(b);
  const abs = d < 0n ? -d : d;
  const frac = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${d < 0n ? '-' : ''}${abs / 100n}${frac ? `.${frac}` : ''}`;
}

export function presentQuota(row: QuotaRow): TQuota {
  return {
    id: row.id,
    region: { code: row.regionCode, name: row.regionName, zoneLevel: row.zoneLevel },
    unit: { id: row.unitId, name: row.unitName },
    year: row.year,
    kind: row.kind,
    total: dec(row.total),
    allocated: dec(row.allocated),
    remaining: minus(row.total, row.allocated),
    version: row.version,
  };
}

export function presentAllocation(row: AllocationRow): TAllocation {
  return {
    id: row.id,
    quotaId: row.quotaId,
    project:
      row.projectId && row.projectCode && row.projectName
        ? { id: row.projectId, code: row.projectCode, name: row.projectName }
        : null,
    amount: dec(row.amount),
    allocatedOn: row.allocatedOn,
    note: row.note,
  };
}

export function presentDemand(row: DemandRow, regionNames: Map<string, string>): TDemand {
  return {
    projectId: row.projectId,
    landMu: dec(row.landMu),
    buildingM2: row.buildingM2,
    use: row.use,
    powerKva: dec(row.powerKva),
    energyTce: dec(row.energyTce),
    emissionsT: dec(row.emissionsT),
    preferredRegions: row.preferredRegions.map((code) => ({ code, name: regionNames.get(code) ?? code })),
    readyToBuild: row.readyToBuild,
    neededBy: row.neededBy,
    note: row.note,
    version: row.version,
  };
}

export function presentReservation(row: ReservationRow): TReservation {
  const kind = row.parcelId ? 'parcel' : 'building';
  return {
    id: row.id,
    item: {
      kind,
      id: (row.parcelId ?? row.buildingId)!,
      code: (kind === 'parcel' ? row.parcelCode : row.buildingCode) ?? '',
      name: (kind === 'parcel' ? row.parcelName : row.buildingName) ?? '',
    },
    project: { id: row.projectId, code: row.projectCode, name: row.projectName },
    region: { code: row.regionCode, name: row.regionName },
    holder: { id: row.holderUserId, displayName: row.holderName },
    holderUnit: { id: row.holderUnitId, name: row.holderUnitName },
    reservedOn: row.reservedOn,
    expiresOn: row.expiresOn,
    status: row.status,
    releaseCause: row.releaseCause,
    releaseDueOn: row.releaseDueOn,
    noticeOn: row.noticeOn,
    endedOn: row.endedOn,
    endedReason: row.endedReason,
    note: row.note,
    version: row.version,
  };
}
