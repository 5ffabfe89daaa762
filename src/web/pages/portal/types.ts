// Shapes of the public portal API (/api/public/*, see the portal module's schema.ts).
import type { BuildingKind, LandUse } from '../factors/types';

export type SupplyKind = 'parcel' | 'building';

export interface PublicRegionRef {
  code: string;
  name: string;
  nameEn: string;
}

/** A published parcel or building, as an investor may see it: nothing internal. */
export interface PublicSupplyItem {
  id: string;
  kind: SupplyKind;
  code: string;
  name: string;
  region: PublicRegionRef;
  /** 亩 for a parcel (decimal string), m² for a building. */
  size: string;
  use: LandUse | null;
  buildingKind: BuildingKind | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  /** Parcel: listed 万元/亩; building: rent 元/m²·月. */
  price: string | null;
  readyToBuild: boolean | null;
  availableOn: string | null;
  status: 'available' | 'reserved';
}

export interface PublicSupplyPage {
  items: PublicSupplyItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The item an inquiry is about, as the portal shows it read-only on the form. */
export interface ChosenItem {
  kind: SupplyKind;
  id: string;
  code: string;
  name: string;
  region: PublicRegionRef;
}

/** Body of POST /api/public/inquiries. */
export interface InquiryRequest {
  company: string;
  contactName: string;
  phone: string;
  email?: string | null;
  regionCode?: string | null;
  industry?: string | null;
  investmentWan?: string | null;
  landMu?: string | null;
  message: string;
  item?: { kind: SupplyKind; id: string } | null;
}

export interface InquiryReceipt {
  reference: string;
  receivedAt: string;
}

interface Bilingual {
  zh: string;
  en: string;
}

/** GET /api/public/rankings: a closed period's ranking, without targets or internal remarks. */
export interface PublicRanking {
  region: { code: string; name: string };
  period: string;
  closedAt: string;
  indicators: { key: string; name: Bilingual; unit: 'wan' | 'usdWan' | 'count' | 'percent' }[];
  rows: {
    region: { code: string; name: string };
    values: Record<string, string | null>;
    completion: Record<string, string | null>;
    score: string | null;
    rank: number | null;
  }[];
  corrections: { id: string; regionCode: string; indicator: string; correctedValue: string; reason: string }[];
}
