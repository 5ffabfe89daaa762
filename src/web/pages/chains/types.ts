// Shapes of the chains API (src/server/modules/chains/schema.ts).
import type { Stage } from '../projects/types';

export const SEGMENT_POSITIONS = ['upstream', 'midstream', 'downstream', 'lateral'] as const;
export type SegmentPosition = (typeof SEGMENT_POSITIONS)[number];
export const SEGMENT_STRENGTHS = ['strong', 'weak', 'missing'] as const;
export type SegmentStrength = (typeof SEGMENT_STRENGTHS)[number];
export const SEGMENT_NEEDS = ['strengthen', 'fill', 'extend'] as const;
export type SegmentNeed = (typeof SEGMENT_NEEDS)[number];
export const SEGMENT_PRIORITIES = ['must', 'may'] as const;
export type SegmentPriority = (typeof SEGMENT_PRIORITIES)[number];
export const TARGET_STATUSES = ['not_contacted', 'contacted', 'negotiating', 'converted', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Segment colours on the map: green strong, amber weak, red missing. */
export const STRENGTH_COLORS: Record<SegmentStrength, string> = {
  strong: '#52c41a',
  weak: '#faad14',
  missing: '#f5222d',
};

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Segment {
  id: string;
  parentId: string | null;
  position: SegmentPosition;
  name: string;
  strength: SegmentStrength;
  need: SegmentNeed | null;
  priority: SegmentPriority;
  industryDivisions: string[];
  keywords: string[];
  note: string | null;
  source: string | null;
  sort: number;
  version: number;
  enterprises: { id: string; enterpriseId: string | null; name: string; role: 'owner' | 'local' }[];
  targets: Record<TargetStatus, number>;
  projectsByStage: { stage: Stage; count: number; totalInvestmentWan: string }[];
  projectCount: number;
  projectInvestmentWan: string;
}

export interface ChainTeam {
  leaderName: string | null;
  leadUnit: { id: string; name: string } | null;
  leadUnitNames: string[];
  secretaryName: string | null;
  members: string[];
}

interface ChainCore {
  id: string;
  name: string;
  nameEn: string;
  region: { code: string; name: string };
  catalogEntry: { code: string; name: Bilingual; source: string } | null;
  isKey: boolean;
  source: string | null;
  version: number;
}

export interface ChainSummary extends ChainCore {
  leaderName: string | null;
  leadUnit: { id: string; name: string } | null;
  segments: number;
  gaps: number;
  uncoveredGaps: number;
  targets: number;
  projects: number;
  projectInvestmentWan: string;
}

export interface Chain extends ChainCore {
  description: string | null;
  team: ChainTeam;
  segments: Segment[];
  projects: { id: string; code: string; name: string; stage: Stage; totalInvestmentWan: string; segmentId: string }[];
}

export interface Target {
  id: string;
  segmentId: string;
  chainId: string;
  enterprise: { id: string; name: string; creditCode: string | null; tags: string[]; industryDivision: string | null };
  status: TargetStatus;
  statusLabel: Bilingual;
  nextStatuses: TargetStatus[];
  canConvert: boolean;
  ownerUnit: { id: string; name: string };
  lastContactOn: string | null;
  note: string | null;
  project: { id: string; code: string; name: string; stage: Stage } | null;
  contacts: { id: string; contactedOn: string; channel: string | null; summary: string; at: string }[];
  version: number;
}

export interface Recommendation {
  enterprise: {
    id: string;
    name: string;
    industryDivision: string | null;
    tags: string[];
    registeredCapitalWan: string | null;
  };
  score: number;
  parts: { key: string; points: number; reason: Bilingual }[];
}

export interface GapRow {
  segment: {
    id: string;
    name: string;
    path: string[];
    position: SegmentPosition;
    strength: SegmentStrength;
    need: SegmentNeed | null;
    priority: SegmentPriority;
  };
  targets: number;
  workedTargets: number;
  convertedTargets: number;
  liveProjects: number;
  liveInvestmentWan: string;
  ownerUnits: string[];
  covered: boolean;
}

export interface Catalog {
  id: string;
  name: Bilingual;
  system: string;
  document: string;
  region: { code: string; name: string };
  source: string;
  notes: (Bilingual & { source: string })[];
  groups: {
    key: string;
    name: Bilingual;
    source: string;
    quote: string;
    entries: { code: string; name: Bilingual; source: string; divisions: string[] }[];
  }[];
}

export interface Indicators {
  region: { code: string; name: string };
  period: 'year' | 'quarter' | 'month';
  target: { percent: string; source: string } | null;
  rows: {
    period: string;
    projects: number;
    keyChainProjects: number;
    totalWan: string;
    keyChainWan: string;
    sharePercent: string | null;
    meetsTarget: boolean | null;
  }[];
}

/** Segments nested by parentId, in map order. */
export type SegmentNode = Segment & { children?: SegmentNode[] };
export function nestSegments(segments: Segment[]): SegmentNode[] {
  const byParent = new Map<string | null, Segment[]>();
  for (const s of segments) byParent.set(s.parentId, [...(byParent.get(s.parentId) ?? []), s]);
  const build = (parentId: string | null): SegmentNode[] =>
    (byParent.get(parentId) ?? []).map((s) => {
      const children = build(s.id);
      return children.length ? { ...s, children } : { ...s };
    });
  return build(null);
}
