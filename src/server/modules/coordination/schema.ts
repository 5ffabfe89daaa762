import { z } from 'zod';
import { ZDate, ZMonth } from '../../lib/input';

const ZRef = z.object({ code: z.string(), name: z.string() });
const ZUnitRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZWan = z.string().describe('万元, decimal string');
const ZReason = z.string().trim().min(1).max(2000);
const ZProjectRef = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });

export const ZFirstReport = z
  .object({
    unit: ZUnitRef,
    region: ZRef,
    reportedAt: z.string().datetime(),
    subject: z.boolean().describe('At or over the first-report threshold of the pack in force'),
    exclusivityEndsOn: ZDate.nullable().describe('Last day of the exclusive first-negotiation window, inclusive'),
    source: z.string().nullable().describe('The clause, e.g. "jiaxing §二(一)3"'),
  })
  .describe('首报: who reported the project first and the exclusive window it earned');

export const ZDuplicateContact = z.object({
  level: z.enum(['conflict', 'warning']),
  basis: z.enum(['credit_code', 'name_core']).describe('Same credit code, or same name after normalisation'),
  unit: ZUnitRef.describe('The unit to contact'),
  region: ZRef,
  arbiterRegion: ZRef.describe('The higher-level centre that arbitrates a conflict'),
});

export const ZDuplicates = z
  .object({
    outcome: z.enum(['conflict', 'warning']).nullable(),
    held: z.boolean().describe('True when the registration is held for the higher-level centre to arbitrate'),
    contacts: z.array(ZDuplicateContact),
  })
  .describe('Possible duplicates in any region: only that they exist and whom to contact');

/** What registration or an edit of the name/investors returns in the `coordination` field. */
export const ZCoordinationOutcome = z.object({
  firstReport: ZFirstReport.nullable(),
  duplicates: ZDuplicates,
});

export const ZConflict = z.object({
  id: z.string().uuid(),
  level: z.enum(['conflict', 'warning']),
  status: z.enum(['open', 'upheld', 'released', 'noted']),
  basis: z.enum(['credit_code', 'name_core']),
  detectedOn: ZDate,
  arbiterRegion: ZRef,
  registration: ZProjectRef.extend({ unit: ZUnitRef, region: ZRef }).describe('The later registration, held'),
  firstReported: ZProjectRef.extend({ unit: ZUnitRef, region: ZRef, exclusivityEndsOn: ZDate.nullable() }),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().datetime().nullable(),
});
export const ZConflictList = z.object({ items: z.array(ZConflict) });
export const ZConflictQuery = z.object({ status: z.enum(['open', 'upheld', 'released']).optional() });
export const ZConflictDecision = z.object({
  decision: z.enum(['upheld', 'released']).describe('upheld: the first reporter keeps it; released: both may go on'),
  reason: ZReason,
});

export const ZTransfer = z.object({
  id: z.string().uuid(),
  kind: z.enum(['transfer', 'redirect']),
  status: z.enum(['offered', 'accepted', 'declined', 'withdrawn']),
  project: ZProjectRef.extend({ stage: z.string(), totalInvestmentWan: ZWan, industryDivision: z.string().nullable() }),
  fromRegion: ZRef,
  toRegion: ZRef,
  offeredBy: z.object({ unit: ZUnitRef, displayName: z.string().nullable() }),
  reason: z.string(),
  answeredBy: z.object({ unit: ZUnitRef, displayName: z.string().nullable() }).nullable(),
  answerReason: z.string().nullable(),
  createdAt: z.string().datetime(),
  answeredAt: z.string().datetime().nullable(),
});
export const ZTransferList = z.object({ items: z.array(ZTransfer) });
export const ZTransferQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(['offered', 'accepted', 'declined', 'withdrawn']).optional(),
});
export const ZOfferTransfer = z.object({
  toRegionCode: z
    .string()
    .min(2)
    .max(12)
    .describe('A region of your province (GET /api/regions/transfer-targets); another province: 400'),
  reason: ZReason,
});
export const ZAnswerTransfer = z
  .object({ accept: z.boolean(), reason: z.string().trim().max(2000).optional() })
  .refine((b) => b.accept || (b.reason && b.reason.length > 0), {
    message: 'A reason is required to decline / 拒绝须说明理由',
    path: ['reason'],
  });

export const ZCredit = z.object({
  id: z.string().uuid(),
  project: ZProjectRef,
  region: ZRef,
  role: z.enum(['first', 'host']).describe('first: 首谈地; host: 承接地'),
  share: z.string().describe('1 = the full credit of one landed project'),
  rule: z.string(),
  source: z.string(),
  landedOn: ZDate,
});
export const ZCreditList = z.object({ items: z.array(ZCredit) });
export const ZCreditQuery = z.object({
  projectId: z.string().uuid().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

export const ZThreeOnes = z.object({
  responsibleLeader: z.string().nullable(),
  serviceTeam: z.string().nullable(),
  actionPlan: z.string().nullable(),
});
export const ZEscalation = z.object({
  id: z.string().uuid(),
  project: ZProjectRef.extend({ stage: z.string(), hostRegion: ZRef, responsibleUnit: ZUnitRef }),
  toRegion: ZRef.describe('Whose major-project list it is on'),
  amountWan: ZWan,
  thresholdWan: ZWan,
  source: z.string(),
  escalatedOn: ZDate,
  threeOnes: ZThreeOnes,
  missing: z.array(z.enum(['responsibleLeader', 'serviceTeam', 'actionPlan'])),
  flagged: z.boolean().describe('True until all of 三个一 are filled in'),
  version: z.number().int(),
});
export const ZEscalationList = z.object({ items: z.array(ZEscalation) });
export const ZEscalationQuery = z.object({
  missing: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const ZUpdateThreeOnes = z.object({
  version: z.number().int(),
  responsibleLeader: z.string().trim().max(200).nullable(),
  serviceTeam: z.string().trim().max(2000).nullable(),
  actionPlan: z.string().trim().max(10000).nullable(),
});

export const ZFilingRequest = z.object({ plannedSigningDate: ZDate, note: z.string().trim().max(2000).optional() });
export const ZFiling = z.object({
  id: z.string().uuid(),
  filedOn: ZDate,
  plannedSigningDate: ZDate,
  note: z.string().nullable(),
  unitName: z.string(),
});
export const ZFilingException = z.object({
  id: z.string().uuid(),
  reason: z.string(),
  decidedBy: z.string(),
  createdAt: z.string().datetime(),
});
export const ZReasonRequest = z.object({ reason: ZReason });
export const ZConsentRequest = z.object({ note: z.string().trim().max(2000).optional() });
export const ZConsent = z.object({
  id: z.string().uuid(),
  unitName: z.string(),
  givenBy: z.string(),
  note: z.string().nullable(),
  createdAt: z.string().datetime(),
});

export const ZRedirectCandidates = z.object({
  stalled: z.boolean(),
  stalledMonths: z.number().int().nullable(),
  redirectAllowed: z.boolean().describe('The pack in force lets stalled negotiations be redirected'),
  source: z.string().nullable(),
  consent: z.boolean().describe('The first region has recorded its consent'),
  candidates: z.array(ZRef.extend({ projects: z.number().int() })),
});
export const ZRedirectRequest = z.object({
  toRegionCode: z
    .string()
    .min(2)
    .max(12)
    .describe('A region of your province (GET /api/regions/transfer-targets); another province: 400'),
  reason: ZReason,
});

export const ZProjectCoordination = z.object({
  firstReport: ZFirstReport.nullable(),
  duplicates: z.array(ZDuplicateContact.extend({ status: z.enum(['open', 'upheld', 'released', 'noted']) })),
  held: z.boolean(),
  transfers: z.array(ZTransfer),
  escalation: ZEscalation.nullable(),
  filings: z.array(ZFiling),
  filingExceptions: z.array(ZFilingException),
  redirectConsents: z.array(ZConsent),
  credits: z.array(ZCredit),
});

export const ZSignedReportQuery = z.object({ month: ZMonth });
export const ZSignedReport = z.object({
  month: z.string(),
  items: z.array(
    ZProjectRef.extend({
      stage: z.string(),
      signingDate: ZDate,
      amountWan: ZWan,
      thresholdWan: ZWan,
      source: z.string(),
      hostRegion: ZRef,
      firstUnitName: z.string(),
    }),
  ),
  totalAmountWan: ZWan,
});

export const ZIdParams = z.object({ id: z.string().uuid() });
export const ZCreated = z.object({ id: z.string().uuid() });

export type TCoordinationOutcome = z.infer<typeof ZCoordinationOutcome>;
export type TFirstReport = z.infer<typeof ZFirstReport>;
export type TDuplicates = z.infer<typeof ZDuplicates>;
export type TConflict = z.infer<typeof ZConflict>;
export type TTransfer = z.infer<typeof ZTransfer>;
export type TCredit = z.infer<typeof ZCredit>;
export type TEscalation = z.infer<typeof ZEscalation>;
export type TProjectCoordination = z.infer<typeof ZProjectCoordination>;
export type TSignedReport = z.infer<typeof ZSignedReport>;
export type TRedirectCandidates = z.infer<typeof ZRedirectCandidates>;
export type TOfferTransfer = z.infer<typeof ZOfferTransfer>;
export type TAnswerTransfer = z.infer<typeof ZAnswerTransfer>;
export type TUpdateThreeOnes = z.infer<typeof ZUpdateThreeOnes>;
export type TFilingRequest = z.infer<typeof ZFilingRequest>;
export type TConflictDecision = z.infer<typeof ZConflictDecision>;
export type TRedirectRequest = z.infer<typeof ZRedirectRequest>;
