// Shapes of the factors API (src/server/modules/factors/schema.ts).

export const LAND_USES = ['industrial', 'logistics', 'commercial', 'rd', 'mixed'] as const;
export type LandUse = (typeof LAND_USES)[number];
export const SUPPLY_MODES = ['transfer', 'long_lease', 'lease_then_transfer', 'flexible_term'] as const;
export type SupplyMode = (typeof SUPPLY_MODES)[number];
export const FACTOR_STATUSES = ['available', 'reserved', 'used'] as const;
export type FactorStatus = (typeof FACTOR_STATUSES)[number];
export const BUILDING_KINDS = ['standard_factory', 'factory', 'office', 'warehouse'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];
export const FUND_STAGES = ['seed', 'early', 'growth', 'mature'] as const;
export type FundStage = (typeof FUND_STAGES)[number];
export const QUOTA_KINDS = ['land', 'energy', 'emission', 'power'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];
export type ZoneLevel = 'national' | 'provincial' | 'other' | null;

export interface RegionRef {
  code: string;
  name: string;
  zoneLevel: ZoneLevel;
}

export interface Parcel {
  id: string;
  code: string;
  name: string;
  region: RegionRef;
  unit: { id: string; name: string };
  areaMu: string;
  use: LandUse;
  zoning: string | null;
  address: string | null;
  lng: string | null;
  lat: string | null;
  priceWanPerMu: string | null;
  priceKind: 'listed' | 'reference';
  supplyModes: SupplyMode[];
  plotRatioMin: string | null;
  plotRatioMax: string | null;
  readyToBuild: boolean;
  availableOn: string | null;
  status: FactorStatus;
  published: boolean;
  note: string | null;
  version: number;
}

export interface Building {
  id: string;
  code: string;
  name: string;
  kind: BuildingKind;
  region: RegionRef;
  unit: { id: string; name: string };
  floorAreaM2: number;
  floors: number;
  floorHeightM: string | null;
  loadKnM2: string | null;
  craneTons: number | null;
  rentYuanM2Month: string | null;
  address: string | null;
  availableOn: string | null;
  status: FactorStatus;
  published: boolean;
  version: number;
}

export interface Fund {
  id: string;
  name: string;
  region: RegionRef;
  unit: { id: string; name: string };
  sizeWan: string;
  focusIndustries: string[];
  stages: FundStage[];
  manager: string | null;
  published: boolean;
  version: number;
}

export interface Quota {
  id: string;
  region: RegionRef;
  unit: { id: string; name: string };
  year: number;
  kind: QuotaKind;
  total: string;
  allocated: string;
  remaining: string;
  version: number;
}

export interface Demand {
  projectId: string;
  landMu: string | null;
  buildingM2: number | null;
  use: LandUse | null;
  powerKva: string | null;
  energyTce: string | null;
  emissionsT: string | null;
  preferredRegions: { code: string; name: string }[];
  readyToBuild: boolean;
  neededBy: string | null;
  note: string | null;
  version: number;
}

export interface DemandResponse {
  project: { id: string; code: string; name: string; landDemandMu: string | null };
  demand: Demand | null;
}

export type Fit = 'fit' | 'partial' | 'misfit' | 'neutral';

export interface MatchItem {
  rank: number;
  kind: 'parcel' | 'building';
  id: string;
  code: string;
  name: string;
  region: RegionRef;
  size: string;
  use: LandUse;
  status: FactorStatus;
  score: number;
  misfits: number;
  parts: { part: string; points: number; max: number; fit: Fit; text: string }[];
}

export interface MatchResult {
  project: { id: string; code: string; name: string };
  kind: 'parcel' | 'building';
  considered: number;
  items: MatchItem[];
}

export interface Reservation {
  id: string;
  item: { kind: 'parcel' | 'building'; id: string; code: string; name: string };
  project: { id: string; code: string; name: string };
  region: { code: string; name: string };
  holder: { id: string; displayName: string };
  holderUnit: { id: string; name: string };
  reservedOn: string;
  expiresOn: string;
  status: 'active' | 'released' | 'used';
  releaseCause: 'expiry' | 'stalled' | 'terminated' | null;
  releaseDueOn: string | null;
  endedOn: string | null;
  endedReason: string | null;
  version: number;
}

export interface MapPoint {
  kind: 'parcel' | 'building';
  id: string;
  code: string;
  name: string;
  lng: string;
  lat: string;
  size: string;
  status: FactorStatus;
  regionCode: string;
  regionName: string;
}

export interface ShareRow {
  total: string;
  inPriorityZones: string;
  share: string | null;
  meets: boolean | null;
}

export interface PriorityShare {
  region: { code: string; name: string };
  year: number;
  target: { value: number; source: string } | null;
  quotas: (ShareRow & { kind: 'land' | 'energy' | 'emission' })[];
  majorProjects: ShareRow & { thresholdWan: string | null; thresholdUsdWan: string | null };
}

export interface LandLists {
  region: { code: string; name: string };
  date: string;
  contiguousMu: { value: number; source: string } | null;
  reserveMu: { value: number; source: string } | null;
  contiguous: Parcel[];
  reserve: Parcel[];
}

export interface ByLevel {
  region: { code: string; name: string };
  rows: {
    level: 'province' | 'city' | 'county' | 'zone';
    zoneLevel: ZoneLevel;
    parcels: number;
    parcelAreaMu: string;
    buildings: number;
    buildingAreaM2: string;
    funds: number;
  }[];
}
