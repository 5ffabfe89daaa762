import { z } from 'zod';
import { ZDate } from '../../lib/input';
import {
  SEGMENT_NEEDS,
  SEGMENT_POSITIONS,
  SEGMENT_PRIORITIES,
  SEGMENT_STRENGTHS,
  TARGET_STATUSES,
} from '../../../domain/chain-targets';
import { ENTERPRISE_TAGS } from '../../../domain/enterprise-tags';
import { STAGES } from '../../../domain/lifecycle';
import { SOURCE_CHANNELS } from '../../../domain/project-fields';
import { WAN_AMOUNT } from '../../../domain/money';

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
const ZRegionRef = z.object({ code: z.string(), name: z.string() });
const ZUnitRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZWan = z.string().describe('万元, decimal string with two decimals');

// ---------------------------------------------------------------- catalogs

export const ZCatalogEntry = z.object({
  code: z.string(),
  name: ZBilingual,
  source: z.string().describe('The clause, e.g. "jilin §二(一)"'),
  divisions: z.array(z.string()).describe('GB/T 4754 divisions mapped to the entry by the platform'),
});

export const ZCatalog = z.object({
  id: z.string(),
  name: ZBilingual,
  system: z.string(),
  document: z.string(),
  region: ZRegionRef,
  source: z.string(),
  notes: z.array(ZBilingual.extend({ source: z.string() })),
  groups: z.array(
    z.object({
      key: z.string(),
      name: ZBilingual,
      source: z.string(),
      quote: z.string(),
      entries: z.array(ZCatalogEntry),
    }),
  ),
});
export const ZCatalogList = z.object({ items: z.array(ZCatalog) });

export const ZClassificationQuery = z.object({
  entityType: z.enum(['project', 'enterprise']),
  entityId: z.string().uuid(),
});

const ZClassifiedEntry = ZCatalogEntry.extend({ catalogId: z.string(), groupName: ZBilingual });
export const ZClassification = z.object({
  entityType: z.enum(['project', 'enterprise']),
  entityId: z.string().uuid(),
  industryDivision: z.string().nullable(),
  applicableCatalogs: z.array(z.string()).describe('Catalogs of the entity region and its ancestors'),
  suggested: z.array(ZClassifiedEntry).describe('Entries whose divisions include the entity division'),
  assigned: z.array(ZClassifiedEntry).describe('Entries an officer confirmed'),
});

export const ZSetClassificationRequest = ZClassificationQuery.extend({
  entryCodes: z.array(z.string().min(3).max(100)).max(20),
});

// ---------------------------------------------------------------- chains

export const ZSegmentProjectStage = z.object({
  stage: z.enum(STAGES),
  count: z.number().int(),
  totalInvestmentWan: ZWan,
});

export const ZSegment = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  position: z.enum(SEGMENT_POSITIONS),
  name: z.string(),
  strength: z.enum(SEGMENT_STRENGTHS),
  need: z.enum(SEGMENT_NEEDS).nullable().describe('strengthen 强链 / fill 补链 / extend 延链'),
  priority: z.enum(SEGMENT_PRIORITIES).describe('must 必须招 / may 可以招'),
  industryDivisions: z.array(z.string()),
  keywords: z.array(z.string()),
  note: z.string().nullable(),
  source: z.string().nullable(),
  sort: z.number().int(),
  version: z.number().int(),
  enterprises: z.array(
    z.object({
      id: z.string().uuid(),
      enterpriseId: z.string().uuid().nullable(),
      name: z.string(),
      role: z.enum(['owner', 'local']),
    }),
  ),
  targets: z.record(z.enum(TARGET_STATUSES), z.number().int()).describe('Target enterprises by status'),
  projectsByStage: z.array(ZSegmentProjectStage),
  projectCount: z.number().int(),
  projectInvestmentWan: ZWan,
});

export const ZChainTeam = z.object({
  leaderName: z.string().nullable().describe('链长'),
  leadUnit: ZUnitRef.nullable(),
  leadUnitNames: z.array(z.string()).describe('Responsible units as the policy names them'),
  secretaryName: z.string().nullable().describe('服务秘书'),
  members: z.array(z.string()).describe('Working group (工作专班)'),
});

export const ZChainProject = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  stage: z.enum(STAGES),
  totalInvestmentWan: ZWan,
  segmentId: z.string().uuid(),
});

const chainCore = {
  id: z.string().uuid(),
  name: z.string(),
  nameEn: z.string(),
  region: ZRegionRef,
  catalogEntry: z.object({ code: z.string(), name: ZBilingual, source: z.string() }).nullable(),
  isKey: z.boolean(),
  source: z.string().nullable(),
  version: z.number().int(),
};

export const ZChainSummary = z.object({
  ...chainCore,
  leaderName: z.string().nullable(),
  leadUnit: ZUnitRef.nullable(),
  segments: z.number().int(),
  gaps: z.number().int().describe('Weak or missing segments'),
  uncoveredGaps: z.number().int().describe('Gaps nobody works on: no contacted target, no live project'),
  targets: z.number().int(),
  projects: z.number().int(),
  projectInvestmentWan: ZWan,
});
export const ZChainList = z.object({ items: z.array(ZChainSummary) });

export const ZChain = z.object({
  ...chainCore,
  description: z.string().nullable(),
  team: ZChainTeam,
  segments: z.array(ZSegment).describe('Flat, in map order; nest them by parentId'),
  projects: z.array(ZChainProject),
});

export const ZChainListQuery = z.object({
  regionCode: z.string().trim().min(6).max(12).optional().describe('Only chains of this region and below'),
});
export const ZIdParams = z.object({ id: z.string().uuid() });
export const ZLinkParams = z.object({ id: z.string().uuid(), linkId: z.string().uuid() });

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable();
const ZDivisions = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{2}$/, '应为两位行业大类代码|A two-digit division code'),
  )
  .max(20);

export const ZCreateChainRequest = z.object({
  regionCode: z.string().trim().min(6).max(12),
  name: ZText(100),
  nameEn: z.string().trim().max(200).default(''),
  catalogEntryCode: z.string().trim().max(100).nullable().default(null),
  isKey: z.boolean().default(true),
  description: ZOptionalText(2000).default(null),
});

export const ZTeamInput = z.object({
  leaderName: ZOptionalText(100),
  leadUnitId: z.string().uuid().nullable(),
  leadUnitNames: z.array(ZText(100)).max(30),
  secretaryName: ZOptionalText(100),
  members: z.array(ZText(200)).max(100),
});

export const ZUpdateChainRequest = z.object({
  version: z.number().int().min(1).describe('The version you read; a stale one is a 409'),
  name: ZText(100).optional(),
  nameEn: z.string().trim().max(200).optional(),
  catalogEntryCode: z.string().trim().max(100).nullable().optional(),
  isKey: z.boolean().optional(),
  description: ZOptionalText(2000).optional(),
  team: ZTeamInput.partial().optional(),
});

const segmentFields = {
  position: z.enum(SEGMENT_POSITIONS),
  name: ZText(100),
  strength: z.enum(SEGMENT_STRENGTHS),
  need: z.enum(SEGMENT_NEEDS).nullable(),
  priority: z.enum(SEGMENT_PRIORITIES),
  industryDivisions: ZDivisions,
  keywords: z.array(ZText(20)).max(20),
  note: ZOptionalText(2000),
};

export const ZCreateSegmentRequest = z.object({
  ...segmentFields,
  parentId: z.string().uuid().nullable().default(null),
  need: segmentFields.need.default(null),
  priority: segmentFields.priority.default('may'),
  industryDivisions: ZDivisions.default([]),
  keywords: segmentFields.keywords.default([]),
  note: segmentFields.note.default(null),
});

export const ZUpdateSegmentRequest = z
  .object({ version: z.number().int().min(1).describe('The version you read; a stale one is a 409') })
  .extend(z.object(segmentFields).partial().shape);

export const ZAddSegmentEnterpriseRequest = z.object({
  enterpriseId: z.string().uuid().nullable().default(null).describe('An enterprise of the library, when it is there'),
  name: ZText(200).optional().describe('Required without enterpriseId'),
  role: z.enum(['owner', 'local']).default('local'),
});

// ---------------------------------------------------------------- targets

export const ZTargetContact = z.object({
  id: z.string().uuid(),
  contactedOn: z.string(),
  channel: z.string().nullable(),
  summary: z.string(),
  by: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  at: z.string().datetime(),
});

export const ZTarget = z.object({
  id: z.string().uuid(),
  segmentId: z.string().uuid(),
  chainId: z.string().uuid(),
  enterprise: z.object({
    id: z.string().uuid(),
    name: z.string(),
    creditCode: z.string().nullable(),
    tags: z.array(z.enum(ENTERPRISE_TAGS)),
    industryDivision: z.string().nullable(),
  }),
  status: z.enum(TARGET_STATUSES),
  statusLabel: ZBilingual,
  nextStatuses: z.array(z.enum(TARGET_STATUSES)).describe('Statuses an officer may set by hand'),
  canConvert: z.boolean(),
  ownerUnit: ZUnitRef,
  lastContactOn: z.string().nullable(),
  note: z.string().nullable(),
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), stage: z.enum(STAGES) }).nullable(),
  contacts: z.array(ZTargetContact),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export const ZTargetList = z.object({ items: z.array(ZTarget) });

export const ZCreateTargetRequest = z.object({
  enterpriseId: z.string().uuid(),
  ownerUnitId: z.string().uuid().optional().describe("Default: the caller's unit"),
  note: ZOptionalText(2000).default(null),
});

export const ZUpdateTargetRequest = z.object({
  version: z.number().int().min(1).describe('The version you read; a stale one is a 409'),
  status: z.enum(TARGET_STATUSES).optional(),
  ownerUnitId: z.string().uuid().optional(),
  note: ZOptionalText(2000).optional(),
});

export const ZAddContactRequest = z.object({
  contactedOn: ZDate,
  channel: ZOptionalText(50).default(null),
  summary: ZText(2000),
});

export const ZConvertTargetRequest = z.object({
  version: z.number().int().min(1).optional().describe('When given, a stale version is a 409'),
  name: ZText(200).describe('Project name'),
  totalInvestmentWan: z
    .string()
    .trim()
    .regex(WAN_AMOUNT, '应为最多两位小数的金额（万元）|An amount in 万元 with at most two decimals'),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  hostRegionCode: z.string().trim().min(6).max(12).optional().describe("Default: the chain's region"),
  industryDivision: z.string().trim().length(2).nullable().optional().describe("Default: the enterprise's division"),
});

export const ZConvertResult = z.object({
  target: ZTarget,
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), stage: z.enum(STAGES) }),
});

// ---------------------------------------------------------------- recommendations, gaps, indicators

export const ZRecommendationQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const ZRecommendationList = z.object({
  segment: z.object({ id: z.string().uuid(), name: z.string(), strength: z.enum(SEGMENT_STRENGTHS) }),
  items: z.array(
    z.object({
      enterprise: z.object({
        id: z.string().uuid(),
        name: z.string(),
        industryDivision: z.string().nullable(),
        tags: z.array(z.enum(ENTERPRISE_TAGS)),
        registeredCapitalWan: z.string().nullable(),
      }),
      score: z.number().int(),
      parts: z.array(
        z.object({
          key: z.enum(['industry', 'top500', 'listed', 'specialized', 'size', 'province', 'contact']),
          points: z.number().int(),
          reason: ZBilingual,
        }),
      ),
    }),
  ),
});

export const ZGapRow = z.object({
  segment: z.object({
    id: z.string().uuid(),
    name: z.string(),
    path: z.array(z.string()).describe('Names from the top segment down'),
    position: z.enum(SEGMENT_POSITIONS),
    strength: z.enum(SEGMENT_STRENGTHS),
    need: z.enum(SEGMENT_NEEDS).nullable(),
    priority: z.enum(SEGMENT_PRIORITIES),
  }),
  targets: z.number().int(),
  workedTargets: z.number().int().describe('Contacted or negotiating'),
  convertedTargets: z.number().int(),
  liveProjects: z.number().int().describe('Projects not achieved or terminated'),
  liveInvestmentWan: ZWan,
  ownerUnits: z.array(z.string()),
  covered: z.boolean().describe('Someone works on it: a worked target or a live project'),
});
export const ZGapCoverage = z.object({
  chain: z.object({ id: z.string().uuid(), name: z.string() }),
  rows: z.array(ZGapRow),
  uncovered: z.number().int(),
});

export const ZIndicatorQuery = z.object({
  regionCode: z.string().trim().min(6).max(12).optional().describe("Default: the caller's region"),
  period: z.enum(['year', 'quarter', 'month']).default('year'),
});
export const ZIndicators = z.object({
  region: ZRegionRef,
  period: z.enum(['year', 'quarter', 'month']),
  target: z
    .object({ percent: z.string(), source: z.string() })
    .nullable()
    .describe('keyChainShareTarget from the policy pack in force'),
  rows: z.array(
    z.object({
      period: z.string(),
      projects: z.number().int(),
      keyChainProjects: z.number().int(),
      totalWan: ZWan,
      keyChainWan: ZWan,
      sharePercent: z.string().nullable(),
      meetsTarget: z.boolean().nullable(),
    }),
  ),
});

export type TCatalog = z.infer<typeof ZCatalog>;
export type TClassification = z.infer<typeof ZClassification>;
export type TClassificationQuery = z.infer<typeof ZClassificationQuery>;
export type TSetClassificationRequest = z.infer<typeof ZSetClassificationRequest>;
export type TSegment = z.infer<typeof ZSegment>;
export type TChain = z.infer<typeof ZChain>;
export type TChainSummary = z.infer<typeof ZChainSummary>;
export type TChainListQuery = z.infer<typeof ZChainListQuery>;
export type TCreateChainRequest = z.infer<typeof ZCreateChainRequest>;
export type TUpdateChainRequest = z.infer<typeof ZUpdateChainRequest>;
export type TCreateSegmentRequest = z.infer<typeof ZCreateSegmentRequest>;
export type TUpdateSegmentRequest = z.infer<typeof ZUpdateSegmentRequest>;
export type TAddSegmentEnterpriseRequest = z.infer<typeof ZAddSegmentEnterpriseRequest>;
export type TTarget = z.infer<typeof ZTarget>;
export type TCreateTargetRequest = z.infer<typeof ZCreateTargetRequest>;
export type TUpdateTargetRequest = z.infer<typeof ZUpdateTargetRequest>;
export type TAddContactRequest = z.infer<typeof ZAddContactRequest>;
export type TConvertTargetRequest = z.infer<typeof ZConvertTargetRequest>;
export type TConvertResult = z.infer<typeof ZConvertResult>;
export type TRecommendationList = z.infer<typeof ZRecommendationList>;
export type TGapCoverage = z.infer<typeof ZGapCoverage>;
export type TIndicators = z.infer<typeof ZIndicators>;
export type TIndicatorQuery = z.infer<typeof ZIndicatorQuery>;
