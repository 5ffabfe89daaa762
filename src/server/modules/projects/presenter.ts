import { formatWan } from '../../../domain/money';
import type { SourceChannel } from '../../../domain/project-fields';
import type { FileMeta, ProjectRow, ReportRow, TaskForceRow, TransitionRow } from './repository';
import type {
  TFile,
  TProject,
  TProjectListItem,
  TProjectReport,
  TProjectTaskForce,
  TProjectTransition,
} from './schema';

/** numeric(18,2) comes back as text ("12000.00" or "12000" depending on the driver): always two decimals. */
export function presentWan(value: string): string;
export function presentWan(value: string | null): string | null;
export function presentWan(value: string | null): string | null {
  return value === null ? null : formatWan(value, { decimals: 2 });
}

/** A project as the list shows it (and as the Excel export reads it). */
export function presentProjectListItem(row: ProjectRow): TProjectListItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    stage: row.stage,
    industrySection: row.industrySection,
    industryDivision: row.industryDivision,
    chainNodeId: row.chainNodeId,
    totalInvestmentWan: presentWan(row.totalInvestmentWan),
    foreignInvestmentUsdWan: presentWan(row.foreignInvestmentUsdWan),
    fixedAssetInvestmentWan: presentWan(row.fixedAssetInvestmentWan),
    landDemandMu: presentWan(row.landDemandMu),
    jobs: row.jobs,
    expectedTaxWan: presentWan(row.expectedTaxWan),
    sourceChannel: row.sourceChannel as SourceChannel,
    firstUnit: { id: row.firstUnitId, name: row.firstUnitName },
    firstRegion: { code: row.firstRegionCode, name: row.firstRegionName },
    hostRegion: { code: row.hostRegionCode, name: row.hostRegionName },
    responsibleUnit: { id: row.responsibleUnitId, name: row.responsibleUnitName },
    responsibleLeader: row.responsibleLeader,
    confidentiality: row.confidentiality,
    enterprises: row.enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      role: e.role,
    })),
    stageEnteredOn: row.stageEnteredOn,
    signingDate: row.signingDate,
    contractAmountWan: presentWan(row.contractAmountWan),
    parties: row.parties,
    agreementFileId: row.agreementFileId,
    registeredDate: row.registeredDate,
    startDate: row.startDate,
    productionDate: row.productionDate,
    achievedDate: row.achievedDate,
    terminationReason: row.terminationReason,
    terminationText: row.terminationText,
    terminatedFrom: row.terminatedFrom,
    lastSubstantiveProgressOn: row.lastSubstantiveProgressOn,
    stalledSince: row.stalledSince,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentTransition(row: TransitionRow): TProjectTransition {
  return {
    id: Number(row.id),
    from: row.fromStage,
    to: row.toStage,
    direction: row.direction,
    reason: row.reason,
    gate: (row.gate ?? {}) as Record<string, unknown>,
    actor: row.actorId ? { id: row.actorId, displayName: row.actorName ?? '' } : null,
    at: row.at.toISOString(),
  };
}

export function presentReport(row: ReportRow): TProjectReport {
  return {
    id: row.id,
    month: row.month,
    version: row.version,
    isCurrent: row.isCurrent,
    text: row.text,
    substantiveProgress: row.substantiveProgress,
    fundsInPlaceWan: presentWan(row.fundsInPlaceWan),
    problems: row.problems,
    unit: { id: row.unitId, name: row.unitName },
    submittedBy: row.submittedBy ? { id: row.submittedBy, displayName: row.submittedByName ?? '' } : null,
    submittedAt: row.submittedAt.toISOString(),
    late: row.late,
    correctionReason: row.correctionReason,
  };
}

export function presentTaskForce(row: TaskForceRow): TProjectTaskForce {
  return {
    id: row.id,
    leaderName: row.leaderName,
    leadUnit: { id: row.leadUnitId, name: row.leadUnitName },
    members: row.members,
    note: row.note,
    assignedAt: row.assignedAt.toISOString(),
    active: row.active,
  };
}

/** The project page: the list item plus its timeline. */
export function presentProject(
  row: ProjectRow,
  timeline: { transitions: TransitionRow[]; reports: ReportRow[]; taskForces: TaskForceRow[] },
): TProject {
  return {
    ...presentProjectListItem(row),
    transitions: timeline.transitions.map(presentTransition),
    reports: timeline.reports.map(presentReport),
    taskForces: timeline.taskForces.map(presentTaskForce),
  };
}

export function presentFile(row: FileMeta): TFile {
  return { id: row.id, name: row.name, size: row.size, mimeType: row.mimeType, sha256: row.sha256 };
}
