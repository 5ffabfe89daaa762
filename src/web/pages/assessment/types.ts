/** Shapes of /api/assessment/* (see src/server/modules/assessment/schema.ts). */
export interface Bilingual {
  zh: string;
  en: string;
}
export interface RegionRef {
  code: string;
  name: string;
}
export interface Indicator {
  key: string;
  version: number;
  name: Bilingual;
  unit: 'wan' | 'usdWan' | 'count' | 'percent';
  definition: Bilingual;
}
export interface Target {
  id: string;
  year: number;
  region: RegionRef;
  indicator: string;
  value: string;
  origin: 'entered' | 'decomposed' | 'seed';
  source: string | null;
  note: string | null;
  version: number;
}
export interface SchemeRules {
  indicators: { key: string; weight: number }[];
  mainIndicator: string;
  completionCapPercent: string;
  ratingBands: { excellent: number; good: number; pass: number };
  excellentMinCompletion: number | null;
  reminderAfterYears: number | null;
  source: string;
}
export interface Scheme {
  id: string;
  region: RegionRef;
  name: Bilingual;
  packId: string | null;
  rules: SchemeRules;
  validFrom: number;
  validTo: number | null;
}
export type Rating = 'excellent' | 'good' | 'pass' | 'fail';
export interface RankingRow {
  region: RegionRef;
  values: Record<string, string | null>;
  targets: Record<string, string | null>;
  completion: Record<string, string | null>;
  score: string | null;
  rank: number | null;
  rating: Rating | null;
  capped: Bilingual | null;
  falseData: boolean;
  reminder: Bilingual | null;
}
export interface Correction {
  id: string;
  regionCode: string;
  indicator: string;
  previousValue: string | null;
  correctedValue: string;
  reason: string;
  correctedAt: string;
}
export interface Ranking {
  region: RegionRef;
  period: string;
  kind: 'month' | 'quarter' | 'half' | 'year';
  from: string;
  to: string;
  scheme: { name: Bilingual; rules: SchemeRules };
  indicators: Indicator[];
  rows: RankingRow[];
  status: 'open' | 'closed';
  snapshotId: string | null;
  closedAt: string | null;
  corrections: Correction[];
}
export interface CheckItem {
  id: string;
  project: { id: string; code: string; name: string };
  unit: { id: string; name: string };
  result: 'confirmed' | 'corrected' | 'false' | null;
  note: string | null;
}
export interface Check {
  id: string;
  region: RegionRef;
  year: number;
  perUnit: number;
  seed: string;
  items: CheckItem[];
}
export interface CheckSummary {
  id: string;
  region: RegionRef;
  year: number;
  perUnit: number;
  items: number;
  verified: number;
  createdAt: string;
}
export interface Quality {
  units: {
    unit: { id: string; name: string };
    regionCode: string;
    projects: number;
    reports: number;
    sampled: number;
    completenessPercent: string | null;
    timelinessPercent: string | null;
    verifiedPercent: string | null;
    falseCount: number;
    flagged: boolean;
  }[];
}
