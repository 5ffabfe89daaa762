import { missingThreeOnes } from '../../../domain/escalation';
import type { ConflictRow, EscalationRow, FirstReportRow, TransferRow } from './repository';
import type { TConflict, TEscalation, TFirstReport, TTransfer } from './schema';

/** Timestamps come back as Date (query builder) or text (raw SQL) depending on the path. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

/** numeric(18,2) text without trailing zeros ("50000.00" → "50000"), as the rest of the API writes money. */
export function wan(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function presentFirstReport(row: FirstReportRow): TFirstReport {
  return {
    unit: { id: row.unitId, name: row.unitName },
    region: { code: row.regionCode, name: row.regionName },
    reportedAt: iso(row.reportedAt),
    subject: row.subject,
    exclusivityEndsOn: row.exclusivityEndsOn,
    source: row.source,
  };
}

/** The arbiter's view: both sides in full (the higher-level centre sees both regions). */
export function presentConflict(row: ConflictRow): TConflict {
  return {
    id: row.id,
    level: row.level,
    status: row.status,
    basis: row.basis,
    detectedOn: row.detectedOn,
    arbiterRegion: { code: row.arbiterRegionCode, name: row.arbiterRegionName },
    registration: {
      id: row.projectId,
      code: row.projectCode,
      name: row.projectName,
      unit: { id: row.projectUnitId, name: row.projectUnitName },
      region: { code: row.projectRegionCode, name: row.projectRegionName },
    },
    firstReported: {
      id: row.otherProjectId,
      code: row.otherProjectCode,
      name: row.otherProjectName,
      unit: { id: row.otherUnitId, name: row.otherUnitName },
      region: { code: row.otherRegionCode, name: row.otherRegionName },
      exclusivityEndsOn: row.otherExclusivityEndsOn,
    },
    decisionReason: row.decisionReason,
    decidedAt: isoOrNull(row.decidedAt),
  };
}

/**
 * One side's view of a conflict about its own project: the level and whom to contact (the other
 * side's unit and region), never the other project's name, code or figures.
 */
export function presentContact(row: ConflictRow, ownProjectId: string) {
  const mine = row.projectId === ownProjectId;
  return {
    level: row.level,
    status: row.status,
    basis: row.basis,
    unit: mine
      ? { id: row.otherUnitId, name: row.otherUnitName }
      : { id: row.projectUnitId, name: row.projectUnitName },
    region: mine
      ? { code: row.otherRegionCode, name: row.otherRegionName }
      : { code: row.projectRegionCode, name: row.projectRegionName },
    arbiterRegion: { code: row.arbiterRegionCode, name: row.arbiterRegionName },
  };
}

export function presentTransfer(row: TransferRow): TTransfer {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    project: {
      id: row.projectId,
      code: row.projectCode,
      name: row.projectName,
      stage: row.projectStage,
      totalInvestmentWan: wan(row.totalInvestmentWan),
      industryDivision: row.industryDivision,
    },
    fromRegion: { code: row.fromRegionCode, name: row.fromRegionName },
    toRegion: { code: row.toRegionCode, name: row.toRegionName },
    offeredBy: { unit: { id: row.offeredByUnitId, name: row.offeredByUnitName }, displayName: row.offeredByName },
    reason: row.reason,
    answeredBy: row.answeredByUnitId
      ? { unit: { id: row.answeredByUnitId, name: row.answeredByUnitName ?? '' }, displayName: row.answeredByName }
      : null,
    answerReason: row.answerReason,
    createdAt: iso(row.createdAt),
    answeredAt: isoOrNull(row.answeredAt),
  };
}

export function presentEscalation(row: EscalationRow): TEscalation {
  const threeOnes = {
    responsibleLeader: row.responsibleLeader,
    serviceTeam: row.serviceTeam,
    actionPlan: row.actionPlan,
  };
  const missing = missingThreeOnes(threeOnes);
  return {
    id: row.id,
    project: {
      id: row.projectId,
      code: row.projectCode,
      name: row.projectName,
      stage: row.projectStage,
      hostRegion: { code: row.hostRegionCode, name: row.hostRegionName },
      responsibleUnit: { id: row.responsibleUnitId, name: row.responsibleUnitName },
    },
    toRegion: { code: row.toRegionCode, name: row.toRegionName },
    amountWan: wan(row.amountWan),
    thresholdWan: wan(row.thresholdWan),
    source: row.source,
    escalatedOn: row.escalatedOn,
    threeOnes,
    missing,
    flagged: missing.length > 0,
    version: row.version,
  };
}
