import { z } from 'zod';
import { ZDate } from '../../lib/input';
import { EXEMPTION_CAUSES, OBLIGATION_KIND_KEYS, OBLIGATION_STATUSES } from '../../../domain/obligations';
import { REVIEW_DECISIONS, RISK_KEYS, RISK_RESULTS } from '../../../domain/review';
import { TICKET_STATUSES } from '../../../domain/tickets';
import { VISIT_OCCASION_KEYS } from '../../../domain/visits';

const ZDateIn = ZDate;
const ZDateOut = z.string().describe('YYYY-MM-DD');
const ZText = (max: number) => z.string().trim().min(1, '不能为空|Required').max(max);
const ZDecimalIn = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, '应为最多四位小数的数值|A number with at most four decimals');
const ZUnitRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZPersonRef = z.object({ id: z.string().uuid(), displayName: z.string() }).nullable();
const ZProjectRef = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });
const ZBilingual = z.object({ zh: z.string(), en: z.string() });

export const ZIdParams = z.object({ id: z.string().uuid() });
export type TIdParams = z.infer<typeof ZIdParams>;

// ------------------------------------------------------------------ catalog

export const ZServicesCatalog = z.object({
  riskItems: z.array(z.object({ key: z.enum(RISK_KEYS), label: ZBilingual, source: z.string() })),
  riskResults: z.array(z.object({ key: z.enum(RISK_RESULTS), label: ZBilingual })),
  decisions: z.array(z.object({ key: z.enum(REVIEW_DECISIONS), label: ZBilingual })),
  obligationKinds: z.array(
    z.object({
      key: z.enum(OBLIGATION_KIND_KEYS),
      label: ZBilingual,
      party: z.enum(['enterprise', 'government']),
      measured: z.boolean(),
    }),
  ),
  obligationStatuses: z.array(z.object({ key: z.enum(OBLIGATION_STATUSES), label: ZBilingual })),
  exemptionCauses: z.array(z.object({ key: z.string(), label: ZBilingual })),
  exemptionSteps: z.array(z.object({ key: z.string(), label: ZBilingual })),
  visitOccasions: z.array(z.object({ key: z.enum(VISIT_OCCASION_KEYS), label: ZBilingual })),
  visitSource: z.string(),
});
export type TServicesCatalog = z.infer<typeof ZServicesCatalog>;

// ------------------------------------------------------------------ reviews

export const ZCreateReviewRequest = z.object({
  meetingDate: ZDateIn,
  level: z.enum(['city', 'county']).default('city'),
  members: z.array(z.string().trim().max(100)).max(50),
  scores: z
    .array(z.object({ criterion: z.string().max(100), score: z.number().min(0), max: z.number().positive() }))
    .max(30)
    .default([]),
  risks: z
    .array(z.object({ key: z.enum(RISK_KEYS), result: z.enum(RISK_RESULTS), note: z.string().max(1000).nullish() }))
    .max(20),
  decision: z.enum(REVIEW_DECISIONS),
  minutes: z.string().max(20000),
});
export type TCreateReviewRequest = z.infer<typeof ZCreateReviewRequest>;

export const ZReview = z.object({
  id: z.string().uuid(),
  project: ZProjectRef,
  meetingDate: ZDateOut,
  level: z.enum(['city', 'county']),
  members: z.array(z.string()),
  scores: z.array(z.object({ criterion: z.string(), score: z.number(), max: z.number() })),
  averageScore: z.string().nullable().describe('Percentage of the maxima, 2 decimals'),
  risks: z.array(z.object({ key: z.enum(RISK_KEYS), result: z.enum(RISK_RESULTS), note: z.string().nullable() })),
  decision: z.enum(REVIEW_DECISIONS),
  minutes: z.string(),
  investmentPerMuWan: z.string().nullable().describe('Total investment ÷ land demand, 万元/亩'),
  taxPerMuWan: z.string().nullable().describe('Expected tax ÷ land demand, 万元/亩'),
  createdBy: ZPersonRef,
  createdAt: z.string(),
});
export type TReview = z.infer<typeof ZReview>;
export const ZReviewList = z.object({ items: z.array(ZReview) });
export type TReviewList = z.infer<typeof ZReviewList>;

export const ZReviewListQuery = z.object({ projectId: z.string().uuid().optional() });

// ------------------------------------------------------------------ agreements and obligations

export const ZCreateObligationRequest = z.object({
  kind: z.enum(OBLIGATION_KIND_KEYS),
  clause: ZText(100).describe('e.g. 第五条第二款'),
  description: ZText(1000),
  dueDate: ZDateIn,
  measureYear: z.number().int().min(2000).max(2100).nullish(),
  targetValue: ZDecimalIn.nullish(),
});
export type TCreateObligationRequest = z.infer<typeof ZCreateObligationRequest>;

export const ZCreateAgreementRequest = z.object({
  title: ZText(200),
  agreementNo: ZText(100),
  signedOn: ZDateIn,
  enterpriseName: ZText(200),
  governmentParty: ZText(200),
  supportEndsOn: ZDateIn.nullish(),
  obligations: z.array(ZCreateObligationRequest).max(50).default([]),
});
export type TCreateAgreementRequest = z.infer<typeof ZCreateAgreementRequest>;

export const ZRecordPerformanceRequest = z.object({
  version: z.number().int(),
  metOn: ZDateIn.nullish(),
  actualValue: ZDecimalIn.nullish(),
  delayCause: z.enum(['enterprise', 'objective']).nullish(),
});
export type TRecordPerformanceRequest = z.infer<typeof ZRecordPerformanceRequest>;

export const ZReminderLetter = z.object({
  id: z.string().uuid(),
  obligationId: z.string().uuid(),
  docNo: z.string(),
  sentOn: ZDateOut,
  replyBy: ZDateOut,
  addressee: z.string(),
  sentBy: ZPersonRef,
});
export type TReminderLetter = z.infer<typeof ZReminderLetter>;

export const ZSendLetterRequest = z.object({
  requestedAction: z.string().trim().max(1000).optional(),
  replyDays: z.number().int().min(1).max(90).default(15),
});
export type TSendLetterRequest = z.infer<typeof ZSendLetterRequest>;

export const ZObligation = z.object({
  id: z.string().uuid(),
  agreementId: z.string().uuid(),
  party: z.enum(['enterprise', 'government']),
  kind: z.enum(OBLIGATION_KIND_KEYS),
  kindLabel: ZBilingual,
  clause: z.string(),
  description: z.string(),
  dueDate: ZDateOut,
  measureYear: z.number().int().nullable(),
  targetValue: z.string().nullable(),
  actualValue: z.string().nullable(),
  metOn: ZDateOut.nullable(),
  delayCause: z.enum(['enterprise', 'objective']).nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  statusLabel: ZBilingual,
  statusOn: ZDateOut.nullable(),
  governmentFlagged: ZDateOut.nullable().describe('When a late government commitment was flagged'),
  letters: z.array(ZReminderLetter),
  version: z.number().int(),
});
export type TObligation = z.infer<typeof ZObligation>;

export const ZAgreement = z.object({
  id: z.string().uuid(),
  project: ZProjectRef,
  title: z.string(),
  agreementNo: z.string(),
  signedOn: ZDateOut,
  enterpriseName: z.string(),
  governmentParty: z.string(),
  supportEndsOn: ZDateOut.nullable().describe('After any shortening for enterprise-caused delay'),
  supportShortenedDays: z.number().int(),
  status: z.enum(['active', 'terminated', 'exempted']),
  exemption: z
    .object({
      cause: z.string(),
      causeLabel: ZBilingual,
      steps: z.record(z.string(), z.object({ date: z.string(), note: z.string() })),
      source: z.string(),
      recordedOn: z.string(),
    })
    .nullable(),
  obligations: z.array(ZObligation),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TAgreement = z.infer<typeof ZAgreement>;
export const ZAgreementList = z.object({ items: z.array(ZAgreement) });
export type TAgreementList = z.infer<typeof ZAgreementList>;
export const ZAgreementListQuery = z.object({
  projectId: z.string().uuid().optional(),
  status: z.enum(OBLIGATION_STATUSES).optional().describe('Only agreements with an obligation in this status'),
});

const ZStep = z.object({ date: ZDateIn, note: z.string().trim().max(200) });
export const ZExemptionRequest = z.object({
  version: z.number().int(),
  cause: z.string().describe(`One of ${Object.keys(EXEMPTION_CAUSES).join(', ')}`),
  steps: z.object({ application: ZStep.nullish(), verification: ZStep.nullish(), decision: ZStep.nullish() }),
});
export type TExemptionRequest = z.infer<typeof ZExemptionRequest>;

// ------------------------------------------------------------------ tickets

export const ZCreateTicketRequest = z.object({
  projectId: z.string().uuid(),
  title: ZText(200),
  description: z.string().max(5000).default(''),
  departmentId: z
    .string()
    .uuid()
    .describe(
      '承办部门: an active unit in your data scope or of a region above the project’s host region within its province; else (or unknown) 400 naming the field',
    ),
  dueDate: ZDateIn,
});
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

export const ZTicketNoteRequest = z.object({ text: ZText(5000) });
export const ZCloseTicketRequest = z.object({ version: z.number().int(), resolution: ZText(5000) });
export type TCloseTicketRequest = z.infer<typeof ZCloseTicketRequest>;

export const ZTicketListItem = z.object({
  id: z.string().uuid(),
  project: ZProjectRef,
  title: z.string(),
  department: ZUnitRef,
  openedOn: ZDateOut,
  dueDate: ZDateOut,
  status: z.enum(TICKET_STATUSES),
  overdue: z.boolean(),
  closedOn: ZDateOut.nullable(),
  escalatedOn: ZDateOut.nullable().describe('Put on the coordination meeting list'),
  version: z.number().int(),
});
export type TTicketListItem = z.infer<typeof ZTicketListItem>;

export const ZSupervisionNotice = z.object({
  id: z.string().uuid(),
  project: ZProjectRef,
  ticketId: z.string().uuid().nullable(),
  leadUnit: ZUnitRef,
  text: z.string(),
  issuedOn: ZDateOut,
  replyBy: ZDateOut,
  issuedBy: ZPersonRef,
});
export type TSupervisionNotice = z.infer<typeof ZSupervisionNotice>;
export const ZTicket = ZTicketListItem.extend({
  description: z.string(),
  resolution: z.string().nullable(),
  createdBy: ZPersonRef,
  notes: z.array(z.object({ id: z.string().uuid(), text: z.string(), author: ZPersonRef, at: z.string() })),
  notices: z.array(ZSupervisionNotice),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketListQuery = z.object({
  projectId: z.string().uuid().optional(),
  departmentId: z.string().uuid().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  escalated: z.enum(['true', 'false']).optional().describe('Only tickets on the coordination meeting list'),
  hostRegion: z.string().min(2).max(12).optional().describe('Only projects hosted in this region or below it'),
});
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;
export const ZTicketList = z.object({ items: z.array(ZTicketListItem) });
export type TTicketList = z.infer<typeof ZTicketList>;

export const ZDepartmentFigures = z.object({
  today: ZDateOut,
  items: z.array(
    z.object({
      department: ZUnitRef,
      opened: z.number().int(),
      closed: z.number().int(),
      overdue: z.number().int(),
      closedLate: z.number().int(),
      medianDaysToClose: z.number().nullable(),
    }),
  ),
});
export type TDepartmentFigures = z.infer<typeof ZDepartmentFigures>;

export const ZSupervisionNoticeRequest = z.object({
  projectId: z.string().uuid(),
  ticketId: z.string().uuid().nullish(),
  leadUnitId: z
    .string()
    .uuid()
    .describe(
      '牵头单位: an active unit in your data scope or of a region above the project’s host region within its province; else (or unknown) 400 naming the field',
    ),
  text: ZText(5000),
  replyBy: ZDateIn,
});
export type TSupervisionNoticeRequest = z.infer<typeof ZSupervisionNoticeRequest>;

export const ZSupervisionNoticeList = z.object({ items: z.array(ZSupervisionNotice) });

export const ZCommissionerRequest = z.object({
  name: ZText(100),
  unitId: z.string().uuid(),
  phone: z.string().trim().max(40).nullish(),
});
export type TCommissionerRequest = z.infer<typeof ZCommissionerRequest>;

export const ZProjectLedger = z.object({
  project: ZProjectRef,
  commissioner: z
    .object({ name: z.string(), unit: ZUnitRef, phone: z.string().nullable(), assignedAt: z.string() })
    .nullable(),
  taskForces: z.array(
    z.object({
      id: z.string().uuid(),
      leaderName: z.string(),
      leadUnit: ZUnitRef,
      members: z.array(z.string()),
      active: z.boolean(),
    }),
  ),
  tickets: z.array(ZTicketListItem),
  notices: z.array(ZSupervisionNotice),
});
export type TProjectLedger = z.infer<typeof ZProjectLedger>;

// ------------------------------------------------------------------ visits

export const ZOccasionRequest = z.object({
  enterpriseId: z.string().uuid(),
  occasion: z.enum(VISIT_OCCASION_KEYS),
  occurredOn: ZDateIn,
  note: z.string().max(1000).nullish(),
});
export type TOccasionRequest = z.infer<typeof ZOccasionRequest>;

export const ZVisitRequest = z.object({
  enterpriseId: z.string().uuid(),
  occasion: z.enum(VISIT_OCCASION_KEYS),
  visitedOn: ZDateIn,
  visitors: z.array(z.string().trim().min(1).max(100)).min(1, '请填写走访人员|Name the visitors').max(20),
  notes: z.string().max(5000).default(''),
});
export type TVisitRequest = z.infer<typeof ZVisitRequest>;

const ZEnterpriseRef = z.object({ id: z.string().uuid(), name: z.string() });

export const ZVisit = z.object({
  id: z.string().uuid(),
  enterprise: ZEnterpriseRef,
  occasion: z.enum(VISIT_OCCASION_KEYS),
  occasionLabel: ZBilingual,
  visitedOn: ZDateOut,
  visitors: z.array(z.string()),
  unit: ZUnitRef,
  notes: z.string(),
});
export type TVisit = z.infer<typeof ZVisit>;
export const ZVisitList = z.object({ items: z.array(ZVisit) });

export const ZOccasion = z.object({
  id: z.string().uuid(),
  enterprise: ZEnterpriseRef,
  occasion: z.enum(VISIT_OCCASION_KEYS),
  occasionLabel: ZBilingual,
  occurredOn: ZDateOut,
  note: z.string().nullable(),
});
export type TOccasion = z.infer<typeof ZOccasion>;
export const ZDueVisits = z.object({ source: z.string(), items: z.array(ZOccasion) });
export type TDueVisits = z.infer<typeof ZDueVisits>;
