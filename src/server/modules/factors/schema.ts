import { z } from 'zod';
import { ZDate } from '../../lib/input';
import {
  BUILDING_KINDS,
  FACTOR_STATUSES,
  FUND_STAGES,
  LAND_USES,
  QUOTA_KINDS,
  RELEASE_CAUSES,
  RESERVATION_STATUSES,
  SUPPLY_MODES,
} from '../../db/schema/factors';

// ---------------------------------------------------------------- shared pieces

const decimal = (digits: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,${digits}}(\\.\\d{1,2})?$`), `${zh}|${en}`);

export const ZMuIn = decimal(10, '应为最多两位小数的亩数', 'An area in 亩 with at most two decimals');
export const ZWanIn = decimal(16, '应为最多两位小数的金额（万元）', 'An amount in 万元 with at most two decimals');
export const ZAmountIn = decimal(12, '应为最多两位小数的数量', 'A quantity with at most two decimals');
const ZRatioIn = decimal(3, '应为最多两位小数的容积率', 'A plot ratio with at most two decimals');
const ZCoordinateIn = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d{1,6})?$/, '应为最多六位小数的经纬度|A coordinate with at most six decimals');
const ZText = (max: number) => z.string().trim().max(max);
const ZRegionCode = z.string().trim().min(2).max(12);
const ZRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZRegionRef = z.object({
  code: z.string(),
  name: z.string(),
  zoneLevel: z.enum(['national', 'provincial', 'other']).nullable(),
});
const ZDecimalOut = (what: string) => z.string().describe(`Decimal string: ${what}`);

export const ZIdParams = z.object({ id: z.string().uuid() });
export const ZProjectParams = z.object({ projectId: z.string().uuid() });

const ZPage = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};
const ZBoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---------------------------------------------------------------- parcels

export const ZParcel = z.object({
  id: z.string().uuid(),
  code: z.string().describe('地块编号, unique within its region'),
  name: z.string(),
  region: ZRegionRef,
  unit: ZRef.describe('The unit that maintains the record'),
  areaMu: ZDecimalOut('area in 亩'),
  use: z.enum(LAND_USES),
  zoning: z.string().nullable(),
  address: z.string().nullable(),
  lng: z.string().nullable(),
  lat: z.string().nullable(),
  priceWanPerMu: ZDecimalOut('万元 per 亩').nullable(),
  priceKind: z.enum(['listed', 'reference']),
  supplyModes: z.array(z.enum(SUPPLY_MODES)),
  plotRatioMin: z.string().nullable(),
  plotRatioMax: z.string().nullable(),
  readyToBuild: z.boolean().describe('拿地即开工'),
  availableOn: z.string().nullable(),
  status: z.enum(FACTOR_STATUSES),
  published: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().datetime(),
});

const parcelFields = {
  code: ZText(40).min(1),
  name: ZText(200).min(1),
  regionCode: ZRegionCode,
  unitId: z.string().uuid().optional().describe("Default: the caller's unit"),
  areaMu: ZMuIn,
  use: z.enum(LAND_USES),
  zoning: ZText(200).nullable().optional(),
  address: ZText(300).nullable().optional(),
  lng: ZCoordinateIn.nullable().optional(),
  lat: ZCoordinateIn.nullable().optional(),
  priceWanPerMu: ZWanIn.nullable().optional(),
  priceKind: z.enum(['listed', 'reference']).optional(),
  supplyModes: z.array(z.enum(SUPPLY_MODES)).max(SUPPLY_MODES.length).optional(),
  plotRatioMin: ZRatioIn.nullable().optional(),
  plotRatioMax: ZRatioIn.nullable().optional(),
  readyToBuild: z.boolean().optional(),
  availableOn: ZDate.nullable().optional(),
  published: z.boolean().optional(),
  note: ZText(2000).nullable().optional(),
};
export const ZCreateParcel = z.object(parcelFields);
export const ZUpdateParcel = z
  .object(parcelFields)
  .partial()
  .extend({
    version: z.number().int().min(1),
    status: z.enum(['available', 'used']).optional().describe('Reserved is set by reservations only'),
  });

export const ZParcelQuery = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: ZRegionCode.optional().describe('Region and its subtree'),
  use: z.enum(LAND_USES).optional(),
  status: z.enum(FACTOR_STATUSES).optional(),
  minMu: ZMuIn.optional(),
  maxMu: ZMuIn.optional(),
  readyToBuild: ZBoolQuery.optional(),
  supplyMode: z.enum(SUPPLY_MODES).optional(),
  published: ZBoolQuery.optional(),
  ...ZPage,
});
export const ZParcelList = z.object({ items: z.array(ZParcel), total: z.number().int() });

// ---------------------------------------------------------------- buildings

export const ZBuilding = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(BUILDING_KINDS),
  region: ZRegionRef,
  unit: ZRef,
  floorAreaM2: z.number().int(),
  floors: z.number().int(),
  floorHeightM: z.string().nullable(),
  loadKnM2: z.string().nullable().describe('Floor load, kN/m²'),
  craneTons: z.number().int().nullable(),
  rentYuanM2Month: z.string().nullable().describe('元 per m² per month'),
  address: z.string().nullable(),
  lng: z.string().nullable(),
  lat: z.string().nullable(),
  availableOn: z.string().nullable(),
  status: z.enum(FACTOR_STATUSES),
  published: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().datetime(),
});

const buildingFields = {
  code: ZText(40).min(1),
  name: ZText(200).min(1),
  kind: z.enum(BUILDING_KINDS),
  regionCode: ZRegionCode,
  unitId: z.string().uuid().optional(),
  floorAreaM2: z.number().int().min(1).max(10_000_000),
  floors: z.number().int().min(1).max(200).optional(),
  floorHeightM: decimal(3, '层高应为最多两位小数的米数', 'Floor height in metres, two decimals at most')
    .nullable()
    .optional(),
  loadKnM2: decimal(4, '荷载应为最多两位小数', 'Floor load with two decimals at most').nullable().optional(),
  craneTons: z.number().int().min(0).max(1000).nullable().optional(),
  rentYuanM2Month: decimal(8, '租金应为最多两位小数', 'Rent with two decimals at most').nullable().optional(),
  address: ZText(300).nullable().optional(),
  lng: ZCoordinateIn.nullable().optional(),
  lat: ZCoordinateIn.nullable().optional(),
  availableOn: ZDate.nullable().optional(),
  published: z.boolean().optional(),
  note: ZText(2000).nullable().optional(),
};
export const ZCreateBuilding = z.object(buildingFields);
export const ZUpdateBuilding = z
  .object(buildingFields)
  .partial()
  .extend({ version: z.number().int().min(1), status: z.enum(['available', 'used']).optional() });
export const ZBuildingQuery = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: ZRegionCode.optional(),
  kind: z.enum(BUILDING_KINDS).optional(),
  status: z.enum(FACTOR_STATUSES).optional(),
  minM2: z.coerce.number().int().min(0).optional(),
  maxM2: z.coerce.number().int().min(0).optional(),
  crane: ZBoolQuery.optional(),
  published: ZBoolQuery.optional(),
  ...ZPage,
});
export const ZBuildingList = z.object({ items: z.array(ZBuilding), total: z.number().int() });

// ---------------------------------------------------------------- funds

export const ZFund = z.object({
  id: z.string().uuid(),
  name: z.string(),
  region: ZRegionRef,
  unit: ZRef,
  sizeWan: ZDecimalOut('万元'),
  focusIndustries: z.array(z.string()),
  stages: z.array(z.enum(FUND_STAGES)),
  manager: z.string().nullable(),
  published: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().datetime(),
});
const fundFields = {
  name: ZText(200).min(1),
  regionCode: ZRegionCode,
  unitId: z.string().uuid().optional(),
  sizeWan: ZWanIn,
  focusIndustries: z.array(ZText(60).min(1)).max(30).optional(),
  stages: z.array(z.enum(FUND_STAGES)).max(FUND_STAGES.length).optional(),
  manager: ZText(200).nullable().optional(),
  published: z.boolean().optional(),
  note: ZText(2000).nullable().optional(),
};
export const ZCreateFund = z.object(fundFields);
export const ZUpdateFund = z
  .object(fundFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export const ZFundQuery = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: ZRegionCode.optional(),
  stage: z.enum(FUND_STAGES).optional(),
  industry: z.string().trim().max(60).optional(),
  ...ZPage,
});
export const ZFundList = z.object({ items: z.array(ZFund), total: z.number().int() });

// ---------------------------------------------------------------- quotas

export const ZQuota = z.object({
  id: z.string().uuid(),
  region: ZRegionRef,
  unit: ZRef,
  year: z.number().int(),
  kind: z.enum(QUOTA_KINDS),
  total: ZDecimalOut('亩 (land), 吨标准煤 (energy), 吨 (emission), kVA (power)'),
  allocated: ZDecimalOut('sum of allocations'),
  remaining: ZDecimalOut('total − allocated (may be negative)'),
  version: z.number().int(),
});
export const ZCreateQuota = z.object({
  regionCode: ZRegionCode,
  unitId: z.string().uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(QUOTA_KINDS),
  total: ZAmountIn,
});
export const ZUpdateQuota = z.object({ version: z.number().int().min(1), total: ZAmountIn });
export const ZQuotaQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: ZRegionCode.optional(),
  kind: z.enum(QUOTA_KINDS).optional(),
});
export const ZQuotaList = z.object({ items: z.array(ZQuota) });
export const ZAllocation = z.object({
  id: z.string().uuid(),
  quotaId: z.string().uuid(),
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }).nullable(),
  amount: z.string(),
  allocatedOn: z.string(),
  note: z.string().nullable(),
});
export const ZCreateAllocation = z.object({
  amount: ZAmountIn,
  projectId: z.string().uuid().nullable().optional(),
  allocatedOn: ZDate.optional().describe('Default: today'),
  note: ZText(500).nullable().optional(),
});
export const ZAllocationList = z.object({ items: z.array(ZAllocation) });

// ---------------------------------------------------------------- demand and matching

export const ZDemand = z.object({
  projectId: z.string().uuid(),
  landMu: z.string().nullable(),
  buildingM2: z.number().int().nullable(),
  use: z.enum(LAND_USES).nullable(),
  powerKva: z.string().nullable(),
  energyTce: z.string().nullable(),
  emissionsT: z.string().nullable(),
  preferredRegions: z.array(z.object({ code: z.string(), name: z.string() })),
  readyToBuild: z.boolean(),
  neededBy: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const ZDemandResponse = z.object({
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), landDemandMu: z.string().nullable() }),
  demand: ZDemand.nullable(),
});
export const ZPutDemand = z.object({
  version: z.number().int().min(0).describe('0 when the project has no demand yet'),
  landMu: ZMuIn.nullable().optional(),
  buildingM2: z.number().int().min(1).max(10_000_000).nullable().optional(),
  use: z.enum(LAND_USES).nullable().optional(),
  powerKva: ZAmountIn.nullable().optional(),
  energyTce: ZAmountIn.nullable().optional(),
  emissionsT: ZAmountIn.nullable().optional(),
  preferredRegions: z.array(ZRegionCode).max(20).optional(),
  readyToBuild: z.boolean().optional(),
  neededBy: ZDate.nullable().optional(),
  note: ZText(1000).nullable().optional(),
});

export const ZMatchQuery = z.object({
  projectId: z.string().uuid(),
  kind: z.enum(['parcel', 'building']).default('parcel'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const ZPart = z.object({
  part: z.enum(['size', 'use', 'location', 'zone', 'readiness', 'timing', 'quota']),
  points: z.number().int(),
  max: z.number().int(),
  fit: z.enum(['fit', 'partial', 'misfit', 'neutral']),
  zh: z.string(),
  en: z.string(),
  text: z.string().describe("In the caller's language"),
});
export const ZMatchResult = z.object({
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }),
  kind: z.enum(['parcel', 'building']),
  considered: z.number().int().describe('Candidates scored'),
  items: z.array(
    z.object({
      rank: z.number().int(),
      kind: z.enum(['parcel', 'building']),
      id: z.string().uuid(),
      code: z.string(),
      name: z.string(),
      region: ZRegionRef,
      size: z.string().describe('亩 for parcels, m² for buildings'),
      use: z.enum(LAND_USES),
      status: z.enum(FACTOR_STATUSES),
      score: z.number().int(),
      misfits: z.number().int(),
      parts: z.array(ZPart),
    }),
  ),
});

// ---------------------------------------------------------------- reservations

export const ZReservation = z.object({
  id: z.string().uuid(),
  item: z.object({
    kind: z.enum(['parcel', 'building']),
    id: z.string().uuid(),
    code: z.string(),
    name: z.string(),
  }),
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  holder: z.object({ id: z.string().uuid(), displayName: z.string() }),
  holderUnit: ZRef,
  reservedOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  releaseCause: z.enum(RELEASE_CAUSES).nullable(),
  releaseDueOn: z.string().nullable().describe('When the notified release will happen'),
  noticeOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const ZCreateReservation = z
  .object({
    projectId: z.string().uuid(),
    parcelId: z.string().uuid().optional(),
    buildingId: z.string().uuid().optional(),
    expiresOn: ZDate,
    note: ZText(500).nullable().optional(),
  })
  .refine((r) => Boolean(r.parcelId) !== Boolean(r.buildingId), {
    message: '请指定一个地块或一处楼宇厂房|Name exactly one parcel or building',
    path: ['parcelId'],
  });
export const ZReleaseReservation = z.object({ reason: ZText(300).optional() });
export const ZReservationQuery = z.object({
  status: z.enum(RESERVATION_STATUSES).optional(),
  projectId: z.string().uuid().optional(),
  ...ZPage,
});
export const ZReservationList = z.object({ items: z.array(ZReservation), total: z.number().int() });

// ---------------------------------------------------------------- lists

const ZParam = z.object({ value: z.number(), source: z.string() }).nullable();
export const ZLandListsQuery = z.object({
  regionCode: ZRegionCode.optional(),
  date: ZDate.optional().describe('The policy in force on this date decides the sizes (default: today)'),
});
export const ZLandLists = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  date: z.string(),
  contiguousMu: ZParam.describe('连片可供土地 threshold from the policy pack (jiaxing §三(二)); null when not set'),
  reserveMu: ZParam,
  contiguous: z.array(ZParcel).describe('Available parcels ≥ contiguousMu'),
  reserve: z.array(ZParcel).describe('Parcels ≥ reserveMu still held (available or reserved)'),
});
export const ZByLevel = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  rows: z.array(
    z.object({
      level: z.enum(['province', 'city', 'county', 'zone']),
      zoneLevel: z.enum(['national', 'provincial', 'other']).nullable(),
      parcels: z.number().int(),
      parcelAreaMu: z.string(),
      buildings: z.number().int(),
      buildingAreaM2: z.string(),
      funds: z.number().int(),
    }),
  ),
});
export const ZShareQuery = z.object({
  regionCode: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const ZShareRow = z.object({
  total: z.string(),
  inPriorityZones: z.string(),
  share: z.string().nullable().describe('inPriorityZones / total, 4 decimals; null when total is 0'),
  meets: z.boolean().nullable(),
});
export const ZPriorityShare = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  target: ZParam.describe('priorityZoneShare from the policy pack'),
  quotas: z.array(ZShareRow.extend({ kind: z.enum(['land', 'energy', 'emission']) })),
  majorProjects: ZShareRow.extend({
    thresholdWan: z.string().nullable(),
    thresholdUsdWan: z.string().nullable(),
  }),
});

// ---------------------------------------------------------------- map

export const ZMapQuery = z.object({
  kind: z.enum(['parcel', 'building', 'all']).default('all'),
  regionCode: ZRegionCode.optional(),
  status: z.enum(FACTOR_STATUSES).optional(),
  use: z.enum(LAND_USES).optional(),
  minMu: ZMuIn.optional(),
});
export const ZMapPoints = z.object({
  points: z.array(
    z.object({
      kind: z.enum(['parcel', 'building']),
      id: z.string().uuid(),
      code: z.string(),
      name: z.string(),
      lng: z.string(),
      lat: z.string(),
      size: z.string(),
      status: z.enum(FACTOR_STATUSES),
      regionCode: z.string(),
      regionName: z.string(),
    }),
  ),
  truncated: z.boolean(),
});

export type TParcel = z.infer<typeof ZParcel>;
export type TCreateParcel = z.infer<typeof ZCreateParcel>;
export type TUpdateParcel = z.infer<typeof ZUpdateParcel>;
export type TParcelQuery = z.infer<typeof ZParcelQuery>;
export type TBuilding = z.infer<typeof ZBuilding>;
export type TCreateBuilding = z.infer<typeof ZCreateBuilding>;
export type TUpdateBuilding = z.infer<typeof ZUpdateBuilding>;
export type TBuildingQuery = z.infer<typeof ZBuildingQuery>;
export type TFund = z.infer<typeof ZFund>;
export type TCreateFund = z.infer<typeof ZCreateFund>;
export type TUpdateFund = z.infer<typeof ZUpdateFund>;
export type TFundQuery = z.infer<typeof ZFundQuery>;
export type TQuota = z.infer<typeof ZQuota>;
export type TCreateQuota = z.infer<typeof ZCreateQuota>;
export type TQuotaQuery = z.infer<typeof ZQuotaQuery>;
export type TAllocation = z.infer<typeof ZAllocation>;
export type TCreateAllocation = z.infer<typeof ZCreateAllocation>;
export type TDemand = z.infer<typeof ZDemand>;
export type TDemandResponse = z.infer<typeof ZDemandResponse>;
export type TPutDemand = z.infer<typeof ZPutDemand>;
export type TMatchQuery = z.infer<typeof ZMatchQuery>;
export type TMatchResult = z.infer<typeof ZMatchResult>;
export type TReservation = z.infer<typeof ZReservation>;
export type TCreateReservation = z.infer<typeof ZCreateReservation>;
export type TReservationQuery = z.infer<typeof ZReservationQuery>;
export type TLandLists = z.infer<typeof ZLandLists>;
export type TByLevel = z.infer<typeof ZByLevel>;
export type TPriorityShare = z.infer<typeof ZPriorityShare>;
export type TMapQuery = z.infer<typeof ZMapQuery>;
export type TMapPoints = z.infer<typeof ZMapPoints>;
