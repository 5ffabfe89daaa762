import {
  canConvert,
  isGap,
  nextTargetStatuses,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  type TargetStatus,
} from '../../../domain/chain-targets';
import type { EnterpriseTag } from '../../../domain/enterprise-tags';
import type { Stage } from '../../../domain/lifecycle';
import { addWan, formatWan } from '../../../domain/money';
import type { ChainRow, SegmentEnterpriseRow, SegmentRow, TargetRow } from './repository';
import type { TChain, TChainSummary, TSegment, TTarget } from './schema';

export function presentWan(value: string): string {
  return formatWan(value, { decimals: 2 });
}

export interface SegmentFigures {
  targets: Map<string, Partial<Record<TargetStatus, number>>>;
  projects: Map<string, { stage: string; n: number; total: string }[]>;
}

function emptyTargetCounts(): Record<TargetStatus, number> {
  return Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
}

export function presentSegment(
  row: SegmentRow,
  enterprises: SegmentEnterpriseRow[],
  figures: SegmentFigures,
): TSegment {
  const stats = figures.projects.get(row.id) ?? [];
  return {
    id: row.id,
    parentId: row.parentId,
    position: row.position,
    name: row.name,
    strength: row.strength,
    need: row.need,
    priority: row.priority,
    industryDivisions: row.industryDivisions,
    keywords: row.keywords,
    note: row.note,
    source: row.source,
    sort: row.sort,
    version: row.version,
    enterprises: enterprises
      .filter((e) => e.segmentId === row.id)
      .map((e) => ({ id: e.id, enterpriseId: e.enterpriseId, name: e.name, role: e.role })),
    targets: { ...emptyTargetCounts(), ...figures.targets.get(row.id) },
    projectsByStage: stats.map((s) => ({
      stage: s.stage as Stage,
      count: s.n,
      totalInvestmentWan: presentWan(s.total),
    })),
    projectCount: stats.reduce((sum, s) => sum + s.n, 0),
    projectInvestmentWan: presentWan(addWan(...stats.map((s) => s.total))),
  };
}

function chainCore(row: ChainRow) {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    region: { code: row.regionCode, name: row.regionName },
    catalogEntry:
      row.catalogEntryCode && row.catalogEntryName
        ? { code: row.catalogEntryCode, name: row.catalogEntryName, source: row.catalogEntrySource ?? '' }
        : null,
    isKey: row.isKey,
    source: row.source,
    version: row.version,
  };
}

function leadUnit(row: ChainRow) {
  return row.leadUnitId && row.leadUnitName ? { id: row.leadUnitId, name: row.leadUnitName } : null;
}

export function presentChain(
  row: ChainRow,
  segments: TSegment[],
  projects: { id: string; code: string; name: string; stage: string; total: string; segmentId: string }[],
): TChain {
  return {
    ...chainCore(row),
    description: row.description,
    team: {
      leaderName: row.leaderName,
      leadUnit: leadUnit(row),
      leadUnitNames: row.leadUnitNames,
      secretaryName: row.secretaryName,
      members: row.members,
    },
    segments,
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      stage: p.stage as Stage,
      totalInvestmentWan: presentWan(p.total),
      segmentId: p.segmentId,
    })),
  };
}

/** A gap is covered when someone works on it: a contacted or negotiating target, or a live project. */
export function gapCovered(segment: TSegment, liveProjects: number): boolean {
  return segment.targets.contacted + segment.targets.negotiating > 0 || liveProjects > 0;
}

export function presentChainSummary(row: ChainRow, segments: TSegment[]): TChainSummary {
  const gaps = segments.filter((s) => isGap(s.strength));
  const live = (s: TSegment) =>
    s.projectsByStage
      .filter((p) => p.stage !== 'achieved' && p.stage !== 'terminated')
      .reduce((n, p) => n + p.count, 0);
  return {
    ...chainCore(row),
    leaderName: row.leaderName,
    leadUnit: leadUnit(row),
    segments: segments.length,
    gaps: gaps.length,
    uncoveredGaps: gaps.filter((s) => !gapCovered(s, live(s))).length,
    targets: segments.reduce((n, s) => n + Object.values(s.targets).reduce((a, b) => a + b, 0), 0),
    projects: segments.reduce((n, s) => n + s.projectCount, 0),
    projectInvestmentWan: presentWan(addWan(...segments.map((s) => s.projectInvestmentWan))),
  };
}

export function presentTarget(
  row: TargetRow,
  contacts: {
    id: string;
    targetId: string;
    contactedOn: string;
    channel: string | null;
    summary: string;
    byId: string | null;
    byName: string | null;
    at: Date;
  }[],
): TTarget {
  return {
    id: row.id,
    segmentId: row.segmentId,
    chainId: row.chainId,
    enterprise: {
      id: row.enterpriseId,
      name: row.enterpriseName,
      creditCode: row.enterpriseCreditCode,
      tags: row.enterpriseTags as EnterpriseTag[],
      industryDivision: row.enterpriseDivision,
    },
    status: row.status,
    statusLabel: TARGET_STATUS_LABELS[row.status],
    nextStatuses: [...nextTargetStatuses(row.status)],
    canConvert: canConvert(row.status),
    ownerUnit: { id: row.ownerUnitId, name: row.ownerUnitName },
    lastContactOn: row.lastContactOn,
    note: row.note,
    project:
      row.projectId && row.projectCode && row.projectName && row.projectStage
        ? { id: row.projectId, code: row.projectCode, name: row.projectName, stage: row.projectStage as Stage }
        : null,
    contacts: contacts
      .filter((c) => c.targetId === row.id)
      .map((c) => ({
        id: c.id,
        contactedOn: c.contactedOn,
        channel: c.channel,
        summary: c.summary,
        by: c.byId && c.byName ? { id: c.byId, displayName: c.byName } : null,
        at: c.at.toISOString(),
      })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
