import { formatWan } from '../../../domain/money';
import {
  EXEMPTION_CAUSES,
  OBLIGATION_KINDS,
  OBLIGATION_STATUS_LABELS,
  type ExemptionCause,
  type ObligationKind,
} from '../../../domain/obligations';
import { averageScore, perMuWan, type RiskKey, type RiskResult } from '../../../domain/review';
import { isTicketOverdue } from '../../../domain/tickets';
import { VISIT_OCCASIONS, type VisitOccasion } from '../../../domain/visits';
import type { AgreementRow, LetterRow, NoticeRow, ObligationRow, ReviewRow, TicketRow, VisitRow } from './repository';
import type { ReminderLetterContent } from './letters';
import type {
  TAgreement,
  TObligation,
  TReminderLetter,
  TReview,
  TSupervisionNotice,
  TTicketListItem,
  TVisit,
} from './schema';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
const person = (p: { id: string | null; displayName: string | null } | null) =>
  p?.id ? { id: p.id, displayName: p.displayName ?? '' } : null;
/** numeric(…, 4) comes back as "30.0000": shown without trailing zeros. */
const decimal = (v: string | null) => (v === null ? null : formatWan(v));

export function presentReview(row: ReviewRow): TReview {
  const r = row.review;
  const scores = r.scores as { criterion: string; score: number; max: number }[];
  const mu = row.landDemandMu;
  return {
    id: r.id,
    project: row.project,
    meetingDate: r.meetingDate,
    level: r.level,
    members: r.members,
    scores,
    averageScore: averageScore(scores),
    risks: (r.risks as { key: RiskKey; result: RiskResult; note?: string | null }[]).map((x) => ({
      key: x.key,
      result: x.result,
      note: x.note ?? null,
    })),
    decision: r.decision,
    minutes: r.minutes,
    investmentPerMuWan: mu ? perMuWan(row.totalInvestmentWan, mu) : null,
    taxPerMuWan: mu && row.expectedTaxWan ? perMuWan(row.expectedTaxWan, mu) : null,
    createdBy: person(row.createdBy),
    createdAt: iso(r.createdAt),
  };
}

export function presentLetter(row: LetterRow): TReminderLetter {
  const content = row.letter.content as ReminderLetterContent;
  return {
    id: row.letter.id,
    obligationId: row.letter.obligationId,
    docNo: row.letter.docNo,
    sentOn: row.letter.sentOn,
    replyBy: content.replyBy,
    addressee: content.addressee,
    sentBy: person(row.sentBy),
  };
}

export function presentObligation(o: ObligationRow, letters: LetterRow[]): TObligation {
  const kind = o.kind as ObligationKind;
  return {
    id: o.id,
    agreementId: o.agreementId,
    party: o.party,
    kind,
    kindLabel: { zh: OBLIGATION_KINDS[kind].zh, en: OBLIGATION_KINDS[kind].en },
    clause: o.clause,
    description: o.description,
    dueDate: o.dueDate,
    measureYear: o.measureYear,
    targetValue: decimal(o.targetValue),
    actualValue: decimal(o.actualValue),
    metOn: o.metOn,
    delayCause: o.delayCause,
    status: o.status,
    statusLabel: OBLIGATION_STATUS_LABELS[o.status],
    statusOn: o.statusOn,
    governmentFlagged: o.governmentFlagged,
    letters: letters.filter((l) => l.letter.obligationId === o.id).map(presentLetter),
    version: o.version,
  };
}

interface StoredExemption {
  cause: ExemptionCause;
  steps: Record<string, { date: string; note: string }>;
  source: string;
  recordedOn: string;
}

export function presentAgreement(row: AgreementRow, obligations: ObligationRow[], letters: LetterRow[]): TAgreement {
  const a = row.agreement;
  const exemption = a.exemption as StoredExemption | null;
  return {
    id: a.id,
    project: { id: row.project.id, code: row.project.code, name: row.project.name },
    title: a.title,
    agreementNo: a.agreementNo,
    signedOn: a.signedOn,
    enterpriseName: a.enterpriseName,
    governmentParty: a.governmentParty,
    supportEndsOn: a.supportEndsOn,
    supportShortenedDays: a.supportShortenedDays,
    status: a.status,
    exemption: exemption ? { ...exemption, causeLabel: EXEMPTION_CAUSES[exemption.cause] } : null,
    obligations: obligations.filter((o) => o.agreementId === a.id).map((o) => presentObligation(o, letters)),
    version: a.version,
    createdAt: iso(a.createdAt),
  };
}

export function presentTicket(row: TicketRow, today: string): TTicketListItem {
  const t = row.ticket;
  return {
    id: t.id,
    project: row.project,
    title: t.title,
    department: row.department,
    openedOn: t.openedOn,
    dueDate: t.dueDate,
    status: t.status,
    overdue: isTicketOverdue({ ...t, departmentId: t.departmentId }, today),
    closedOn: t.closedOn,
    escalatedOn: t.escalatedOn,
    version: t.version,
  };
}

export function presentNotice(row: NoticeRow): TSupervisionNotice {
  const n = row.notice;
  return {
    id: n.id,
    project: row.project,
    ticketId: n.ticketId,
    leadUnit: row.leadUnit,
    text: n.text,
    issuedOn: n.issuedOn,
    replyBy: n.replyBy,
    issuedBy: person(row.issuedBy),
  };
}

export function presentVisit(row: VisitRow): TVisit {
  const v = row.visit;
  const occasion = v.occasion as VisitOccasion;
  return {
    id: v.id,
    enterprise: row.enterprise,
    occasion,
    occasionLabel: VISIT_OCCASIONS[occasion],
    visitedOn: v.visitedOn,
    visitors: v.visitors,
    unit: row.unit,
    notes: v.notes,
  };
}
