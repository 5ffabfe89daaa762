import { z } from 'zod';
import { ZDate } from '../../lib/input';
import { DATABASES, type DatabaseKey, STAGES } from '../../../domain/lifecycle';
import { CONFIDENTIALITY_LEVELS, SOURCE_CHANNELS } from '../../../domain/project-fields';
import { SAVED_VIEW_IDS } from './views';
import { WAN_AMOUNT } from '../../../domain/money';

const DATABASE_KEY_TUPLE = Object.keys(DATABASES) as [DatabaseKey, ...DatabaseKey[]];

const ZUnitRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZRegionRef = z.object({ code: z.string(), name: z.string() });
const ZPersonRef = z.object({ id: z.string().uuid(), displayName: z.string() });
const ZBilingual = z.object({ zh: z.string(), en: z.string() });
const ZDateOut = z.string().describe('YYYY-MM-DD');
const ZWanOut = z.string().describe('Decimal string in 万元, e.g. "12000.00"');

export const ZProjectEnterprise = z.object({
  id: z.string().uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  role: z.enum(['investor', 'partner']),
});

export const ZProjectListItem = z.object({
  id: z.string().uuid(),
  code: z.string().describe('ZS-<year>-<host region>-<seq>'),
  name: z.string().describe('Folded on input: Simplified Chinese, half-width ASCII'),
  stage: z.enum(STAGES),
  industrySection: z.string().nullable().describe('GB/T 4754-2017 section code (门类)'),
  industryDivision: z.string().nullable().describe('GB/T 4754-2017 division code (大类)'),
  chainNodeId: z.string().uuid().nullable(),
  totalInvestmentWan: ZWanOut,
  foreignInvestmentUsdWan: z.string().nullable().describe('万美元'),
  fixedAssetInvestmentWan: ZWanOut.nullable(),
  landDemandMu: z.string().nullable().describe('亩'),
  jobs: z.number().int().nullable(),
  expectedTaxWan: ZWanOut.nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  firstUnit: ZUnitRef.describe('首谈单位'),
  firstRegion: ZRegionRef.describe('首谈地'),
  hostRegion: ZRegionRef.describe('落地地'),
  responsibleUnit: ZUnitRef.describe('责任单位: owes the monthly report'),
  responsibleLeader: z.string().nullable(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  enterprises: z.array(ZProjectEnterprise),
  stageEnteredOn: ZDateOut,
  signingDate: ZDateOut.nullable(),
  contractAmountWan: ZWanOut.nullable(),
  parties: z.array(z.string()).nullable(),
  agreementFileId: z.string().uuid().nullable(),
  registeredDate: ZDateOut.nullable(),
  startDate: ZDateOut.nullable(),
  productionDate: ZDateOut.nullable(),
  achievedDate: ZDateOut.nullable(),
  terminationReason: z.string().nullable(),
  terminationText: z.string().nullable(),
  terminatedFrom: z.enum(STAGES).nullable().describe('the stage a terminated project left; it can be reopened there'),
  lastSubstantiveProgressOn: ZDateOut.nullable(),
  stalledSince: ZDateOut.nullable(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});

export const ZProjectTransition = z.object({
  id: z.number().int(),
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  direction: z.enum(['create', 'forward', 'backward', 'terminate', 'reopen']),
  reason: z.string().nullable(),
  gate: z.record(z.string(), z.unknown()).describe('The gate fields given with the change'),
  actor: ZPersonRef.nullable(),
  at: z.string().datetime(),
});

export const ZProjectReport = z.object({
  id: z.string().uuid(),
  month: z.string().describe('YYYY-MM'),
  version: z.number().int(),
  isCurrent: z.boolean(),
  text: z.string(),
  substantiveProgress: z.boolean(),
  fundsInPlaceWan: ZWanOut,
  problems: z.string().nullable(),
  unit: ZUnitRef,
  submittedBy: ZPersonRef.nullable(),
  submittedAt: z.string().datetime(),
  late: z.boolean(),
  correctionReason: z.string().nullable(),
});

export const ZProjectTaskForce = z.object({
  id: z.string().uuid(),
  leaderName: z.string(),
  leadUnit: ZUnitRef,
  members: z.array(z.string()),
  note: z.string().nullable(),
  assignedAt: z.string().datetime(),
  active: z.boolean(),
});

export const ZProject = ZProjectListItem.extend({
  transitions: z.array(ZProjectTransition),
  reports: z.array(ZProjectReport),
  taskForces: z.array(ZProjectTaskForce),
});

// ---------------------------------------------------------------- requests

const ZWanIn = z
  .string()
  .trim()
  .regex(WAN_AMOUNT, '应为最多两位小数的金额（万元）|An amount in 万元 with at most two decimals');
const ZMuIn = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, '应为最多两位小数的亩数|An area in 亩 with at most two decimals');
const ZName = z.string().trim().min(1).max(200);
const ZSectionCode = z.string().trim().toUpperCase().length(1).nullable();
const ZDivisionCode = z.string().trim().length(2).nullable();
const ZRegionCodeIn = z.string().trim().min(6).max(12);
const ZShortText = z.string().trim().max(100).nullable();

const editableFields = {
  name: ZName,
  enterpriseIds: z.array(z.string().uuid()).max(20),
  industrySection: ZSectionCode,
  industryDivision: ZDivisionCode,
  chainNodeId: z.string().uuid().nullable(),
  totalInvestmentWan: ZWanIn,
  foreignInvestmentUsdWan: ZWanIn.nullable(),
  fixedAssetInvestmentWan: ZWanIn.nullable(),
  landDemandMu: ZMuIn.nullable(),
  jobs: z.number().int().min(0).max(10_000_000).nullable(),
  expectedTaxWan: ZWanIn.nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  hostRegionCode: ZRegionCodeIn.describe(
    '落地地: a region in your data scope; outside it (or unknown): 400 naming the field. Moving a project to another region goes through transfer',
  ),
  responsibleUnitId: z
    .string()
    .uuid()
    .describe('责任单位: an active unit in your data scope; outside it (or unknown): 400 naming the field'),
  responsibleLeader: ZShortText,
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
};

export const ZCreateProjectRequest = z.object({
  ...editableFields,
  enterpriseIds: editableFields.enterpriseIds.default([]),
  industrySection: editableFields.industrySection.optional(),
  industryDivision: editableFields.industryDivision.optional(),
  chainNodeId: editableFields.chainNodeId.optional(),
  foreignInvestmentUsdWan: editableFields.foreignInvestmentUsdWan.optional(),
  fixedAssetInvestmentWan: editableFields.fixedAssetInvestmentWan.optional(),
  landDemandMu: editableFields.landDemandMu.optional(),
  jobs: editableFields.jobs.optional(),
  expectedTaxWan: editableFields.expectedTaxWan.optional(),
  firstUnitId: z.string().uuid().optional().describe("首谈单位; default: the caller's unit"),
  responsibleUnitId: editableFields.responsibleUnitId.optional().describe('责任单位; default: the first unit'),
  responsibleLeader: editableFields.responsibleLeader.optional(),
  confidentiality: editableFields.confidentiality.default('normal'),
  stage: z.enum(['planned', 'negotiating']).default('negotiating'),
});

export const ZUpdateProjectRequest = z
  .object({ version: z.number().int().min(1).describe('The version you read; a stale one is a 409') })
  .extend(z.object(editableFields).partial().shape);

const ZGateDate = ZDate.nullable().optional();

export const ZTransitionRequest = z.object({
  to: z.enum(STAGES),
  version: z.number().int().min(1).optional().describe('When given, a stale version is a 409'),
  reason: z.string().trim().max(2000).nullable().optional().describe('Required to move back or to reopen'),
  signingDate: ZGateDate,
  contractAmountWan: ZWanIn.nullable().optional(),
  parties: z.array(z.string().max(200)).max(50).nullable().optional(),
  agreementFileId: z.string().uuid().nullable().optional().describe('An uploaded file (POST /api/files)'),
  registeredDate: ZGateDate,
  startDate: ZGateDate,
  productionDate: ZGateDate,
  achievedDate: ZGateDate,
  terminationReason: z.string().trim().max(40).nullable().optional(),
  terminationText: z.string().trim().max(2000).nullable().optional(),
});

export const PROJECT_SORTS = [
  '-updatedAt',
  'updatedAt',
  '-totalInvestmentWan',
  'totalInvestmentWan',
  '-signingDate',
  'signingDate',
  'code',
  '-code',
  'name',
  '-name',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** Filters shared by the list, the kanban and the Excel export. */
export const ZProjectFilters = z.object({
  database: z.enum(DATABASE_KEY_TUPLE).optional().describe('谋划库 … 落地库 (landed = registered and later)'),
  stage: z.enum(STAGES).optional(),
  view: z.enum(SAVED_VIEW_IDS).optional().describe('A saved view (GET /api/projects/views)'),
  q: z.string().trim().max(100).optional().describe('Chinese substring of the project or enterprise name, or pinyin'),
  hostRegion: z.string().trim().min(6).max(12).optional().describe('Host region code; its subtree is included'),
  firstUnitId: z.string().uuid().optional(),
  sourceChannel: z.enum(SOURCE_CHANNELS).optional(),
  minInvestmentWan: ZWanIn.optional(),
  stalled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZProjectListQuery = ZProjectFilters.extend({
  sort: z.enum(PROJECT_SORTS).default('-updatedAt'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZProjectList = z.object({
  items: z.array(ZProjectListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZKanbanQuery = ZProjectFilters.omit({ stage: true, database: true });

export const ZKanban = z.object({
  columns: z.array(
    z.object({
      stage: z.enum(STAGES),
      label: ZBilingual,
      count: z.number().int(),
      totalInvestmentWan: ZWanOut,
      items: z.array(ZProjectListItem).describe('The 20 most recently updated'),
    }),
  ),
});

export const ZSavedViews = z.object({
  items: z.array(z.object({ id: z.enum(SAVED_VIEW_IDS), name: ZBilingual, description: ZBilingual })),
});

export const ZProjectParams = z.object({ id: z.string().uuid() });

export const ZFile = z.object({
  id: z.string().uuid(),
  name: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  sha256: z.string(),
});

export type TProject = z.infer<typeof ZProject>;
export type TProjectListItem = z.infer<typeof ZProjectListItem>;
export type TProjectTransition = z.infer<typeof ZProjectTransition>;
export type TProjectReport = z.infer<typeof ZProjectReport>;
export type TProjectTaskForce = z.infer<typeof ZProjectTaskForce>;
export type TCreateProjectRequest = z.infer<typeof ZCreateProjectRequest>;
export type TUpdateProjectRequest = z.infer<typeof ZUpdateProjectRequest>;
export type TTransitionRequest = z.infer<typeof ZTransitionRequest>;
export type TProjectFilters = z.infer<typeof ZProjectFilters>;
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;
export type TProjectList = z.infer<typeof ZProjectList>;
export type TKanbanQuery = z.infer<typeof ZKanbanQuery>;
export type TKanban = z.infer<typeof ZKanban>;
export type TSavedViews = z.infer<typeof ZSavedViews>;
export type TFile = z.infer<typeof ZFile>;
