// Shapes of the services API's responses (see /api/openapi.json, tag "services").

export interface Bilingual {
  zh: string;
  en: string;
}
export interface Ref {
  id: string;
  name: string;
}
export interface ProjectRef {
  id: string;
  code: string;
  name: string;
}
export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Catalog {
  riskItems: { key: string; label: Bilingual; source: string }[];
  riskResults: { key: 'pass' | 'concern' | 'fail'; label: Bilingual }[];
  decisions: { key: 'approve' | 'reject' | 'defer'; label: Bilingual }[];
  obligationKinds: { key: string; label: Bilingual; party: 'enterprise' | 'government'; measured: boolean }[];
  obligationStatuses: { key: ObligationStatus; label: Bilingual }[];
  exemptionCauses: { key: string; label: Bilingual }[];
  exemptionSteps: { key: string; label: Bilingual }[];
  visitOccasions: { key: string; label: Bilingual }[];
  visitSource: string;
}

export interface TicketListItem {
  id: string;
  project: ProjectRef;
  title: string;
  department: Ref;
  openedOn: string;
  dueDate: string;
  status: 'open' | 'closed';
  overdue: boolean;
  closedOn: string | null;
  escalatedOn: string | null;
  version: number;
}

export interface SupervisionNotice {
  id: string;
  project: ProjectRef;
  ticketId: string | null;
  leadUnit: Ref;
  text: string;
  issuedOn: string;
  replyBy: string;
  issuedBy: PersonRef | null;
}

export interface Ticket extends TicketListItem {
  description: string;
  resolution: string | null;
  createdBy: PersonRef | null;
  notes: { id: string; text: string; author: PersonRef | null; at: string }[];
  notices: SupervisionNotice[];
}

export interface DepartmentFigure {
  department: Ref;
  opened: number;
  closed: number;
  overdue: number;
  closedLate: number;
  medianDaysToClose: number | null;
}

export interface Review {
  id: string;
  project: ProjectRef;
  meetingDate: string;
  level: 'city' | 'county';
  members: string[];
  scores: { criterion: string; score: number; max: number }[];
  averageScore: string | null;
  risks: { key: string; result: 'pass' | 'concern' | 'fail'; note: string | null }[];
  decision: 'approve' | 'reject' | 'defer';
  minutes: string;
  investmentPerMuWan: string | null;
  taxPerMuWan: string | null;
}

export type ObligationStatus = 'pending' | 'due' | 'met' | 'late' | 'breached' | 'exempted';

export interface ReminderLetter {
  id: string;
  obligationId: string;
  docNo: string;
  sentOn: string;
  replyBy: string;
  addressee: string;
}

export interface Obligation {
  id: string;
  party: 'enterprise' | 'government';
  kind: string;
  kindLabel: Bilingual;
  clause: string;
  description: string;
  dueDate: string;
  targetValue: string | null;
  actualValue: string | null;
  metOn: string | null;
  status: ObligationStatus;
  statusLabel: Bilingual;
  governmentFlagged: string | null;
  letters: ReminderLetter[];
  version: number;
}

export interface Agreement {
  id: string;
  project: ProjectRef;
  title: string;
  agreementNo: string;
  signedOn: string;
  enterpriseName: string;
  governmentParty: string;
  supportEndsOn: string | null;
  supportShortenedDays: number;
  status: 'active' | 'terminated' | 'exempted';
  obligations: Obligation[];
  version: number;
}

export interface Visit {
  id: string;
  enterprise: Ref;
  occasion: string;
  occasionLabel: Bilingual;
  visitedOn: string;
  visitors: string[];
  unit: Ref;
  notes: string;
}

export interface Occasion {
  id: string;
  enterprise: Ref;
  occasion: string;
  occasionLabel: Bilingual;
  occurredOn: string;
  note: string | null;
}
