/** Shapes of /api/coordination/* responses (see src/server/modules/coordination/schema.ts). */

interface Ref {
  code: string;
  name: string;
}
interface UnitRef {
  id: string;
  name: string;
}
interface ProjectRef {
  id: string;
  code: string;
  name: string;
}

export interface Conflict {
  id: string;
  level: 'conflict' | 'warning';
  status: 'open' | 'upheld' | 'released' | 'noted';
  basis: 'credit_code' | 'name_core';
  detectedOn: string;
  arbiterRegion: Ref;
  registration: ProjectRef & { unit: UnitRef; region: Ref };
  firstReported: ProjectRef & { unit: UnitRef; region: Ref; exclusivityEndsOn: string | null };
  decisionReason: string | null;
  decidedAt: string | null;
}

export interface Transfer {
  id: string;
  kind: 'transfer' | 'redirect';
  status: 'offered' | 'accepted' | 'declined' | 'withdrawn';
  project: ProjectRef & { stage: string; totalInvestmentWan: string; industryDivision: string | null };
  fromRegion: Ref;
  toRegion: Ref;
  offeredBy: { unit: UnitRef; displayName: string | null };
  reason: string;
  answeredBy: { unit: UnitRef; displayName: string | null } | null;
  answerReason: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface Escalation {
  id: string;
  project: ProjectRef & { stage: string; hostRegion: Ref; responsibleUnit: UnitRef };
  toRegion: Ref;
  amountWan: string;
  thresholdWan: string;
  source: string;
  escalatedOn: string;
  threeOnes: { responsibleLeader: string | null; serviceTeam: string | null; actionPlan: string | null };
  missing: ('responsibleLeader' | 'serviceTeam' | 'actionPlan')[];
  flagged: boolean;
  version: number;
}

export interface SignedReport {
  month: string;
  items: (ProjectRef & {
    stage: string;
    signingDate: string;
    amountWan: string;
    thresholdWan: string;
    source: string;
    hostRegion: Ref;
    firstUnitName: string;
  })[];
  totalAmountWan: string;
}

export interface DuplicateContact {
  level: 'conflict' | 'warning';
  status: 'open' | 'upheld' | 'released' | 'noted';
  basis: 'credit_code' | 'name_core';
  unit: UnitRef;
  region: Ref;
  arbiterRegion: Ref;
}

export interface Credit {
  id: string;
  project: ProjectRef;
  region: Ref;
  role: 'first' | 'host';
  share: string;
  rule: 'equal' | 'host_only' | 'first_only';
  source: string;
  landedOn: string;
}

/** GET /api/coordination/projects/:id */
export interface ProjectCoordination {
  firstReport: {
    unit: UnitRef;
    region: Ref;
    reportedAt: string;
    subject: boolean;
    exclusivityEndsOn: string | null;
    source: string | null;
  } | null;
  duplicates: DuplicateContact[];
  held: boolean;
  transfers: Transfer[];
  escalation: Escalation | null;
  filings: { id: string; filedOn: string; plannedSigningDate: string; note: string | null; unitName: string }[];
  filingExceptions: { id: string; reason: string; decidedBy: string; createdAt: string }[];
  redirectConsents: { id: string; unitName: string; givenBy: string; note: string | null; createdAt: string }[];
  credits: Credit[];
}
