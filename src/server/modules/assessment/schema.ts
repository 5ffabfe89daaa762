import { z } from 'zod';
import { parsePeriod } from '../../../domain/assessment';
import { findIndicator } from '../../../domain/indicators';

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
const ZRegionRef = z.object({ code: z.string(), name: z.string() });
export const ZRegionCode = z.string().min(2).max(12);
const ZDecimal = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,4})?$/, '应为非负数，最多4位小数|A non-negative number with at most 4 decimals');
const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZIndicatorKey = z.string().refine((k) => Boolean(findIndicator(k)), '未知指标|Unknown indicator');
export const ZPeriodKey = z
  .string()
  .refine(
    (p) => parsePeriod(p) !== null,
    '期间格式应为 2024-03、2024-Q1、2024-H1 或 2024|Period must be 2024-03, 2024-Q1, 2024-H1 or 2024',
  );

export const ZIndicator = z.object({
  key: z.string(),
  version: z.number().int(),
  name: ZBilingual,
  unit: z.enum(['wan', 'usdWan', 'count', 'percent']),
  definition: ZBilingual,
});
export const ZIndicatorList = z.object({ items: z.array(ZIndicator) });

// ---------------------------------------------------------------- targets

export const ZTarget = z.object({
  id: z.string().uuid(),
  year: z.number().int(),
  region: ZRegionRef,
  indicator: z.string(),
  value: z.string(),
  origin: z.enum(['entered', 'decomposed', 'seed']),
  source: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TTarget = z.infer<typeof ZTarget>;

export const ZTargetListQuery = z.object({ year: ZYear, region: ZRegionCode.optional() });
export const ZTargetList = z.object({ items: z.array(ZTarget) });

export const ZPutTargetRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  regionCode: ZRegionCode,
  indicator: ZIndicatorKey,
  value: ZDecimal,
  note: z.string().max(500).optional(),
  /** Required to change an existing target. */
  version: z.number().int().optional(),
});
export type TPutTargetRequest = z.infer<typeof ZPutTargetRequest>;

export const ZDecomposeRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  parentRegionCode: ZRegionCode,
  indicator: ZIndicatorKey,
  /** growth: each child's base × (1 + dispatched); split: the parent's target shared by bases. */
  mode: z.enum(['growth', 'split']),
  children: z
    .array(z.object({ regionCode: ZRegionCode, baseValue: ZDecimal }))
    .min(1)
    .max(200),
});
export type TDecomposeRequest = z.infer<typeof ZDecomposeRequest>;

export const ZDecomposition = z.object({
  items: z.array(ZTarget),
  growth: z.object({ required: z.number(), dispatched: z.number(), source: z.string().nullable() }),
  parentTarget: z.string().nullable(),
  parentRequired: z.string().nullable(),
  parentDispatched: z.string(),
  covers: z.boolean().nullable(),
});
export type TDecomposition = z.infer<typeof ZDecomposition>;

// ---------------------------------------------------------------- schemes

export const ZSchemeRules = z.object({
  indicators: z.array(z.object({ key: ZIndicatorKey, weight: z.number().int().min(1).max(100) })).min(1),
  mainIndicator: z.string(),
  completionCapPercent: z.string().regex(/^\d+(\.\d{1,2})?$/),
  ratingBands: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }),
  excellentMinCompletion: z.number().min(0).max(1).nullable(),
  reminderAfterYears: z.number().int().min(1).max(5).nullable(),
  source: z.string(),
});

export const ZScheme = z.object({
  id: z.string(),
  region: ZRegionRef,
  name: ZBilingual,
  packId: z.string().nullable(),
  rules: ZSchemeRules,
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  version: z.number().int(),
});
export type TScheme = z.infer<typeof ZScheme>;
export const ZSchemeList = z.object({ items: z.array(ZScheme) });
export const ZUpdateSchemeRequest = z.object({ version: z.number().int(), rules: ZSchemeRules });
export const ZIdParams = z.object({ id: z.string().uuid() });

// ---------------------------------------------------------------- rankings

export const ZRankingQuery = z.object({ region: ZRegionCode, period: ZPeriodKey });

export const ZRankingRow = z.object({
  region: ZRegionRef,
  values: z.record(z.string(), z.string().nullable()),
  targets: z.record(z.string(), z.string().nullable()),
  completion: z.record(z.string(), z.string().nullable()),
  score: z.string().nullable(),
  rank: z.number().int().nullable(),
  rating: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
  capped: ZBilingual.nullable(),
  falseData: z.boolean(),
  reminder: ZBilingual.nullable(),
});
export type TRankingRow = z.infer<typeof ZRankingRow>;

export const ZCorrection = z.object({
  id: z.string(),
  regionCode: z.string(),
  indicator: z.string(),
  previousValue: z.string().nullable(),
  correctedValue: z.string(),
  reason: z.string(),
  correctedAt: z.string(),
});
export type TCorrection = z.infer<typeof ZCorrection>;

export const ZRanking = z.object({
  region: ZRegionRef,
  period: z.string(),
  kind: z.enum(['month', 'quarter', 'half', 'year']),
  from: z.string(),
  to: z.string(),
  scheme: z.object({ name: ZBilingual, rules: ZSchemeRules, packId: z.string().nullable() }),
  indicators: z.array(ZIndicator),
  rows: z.array(ZRankingRow),
  totals: z.record(z.string(), z.string().nullable()),
  status: z.enum(['open', 'closed']),
  snapshotId: z.string().nullable(),
  closedAt: z.string().nullable(),
  computedAt: z.string(),
  corrections: z.array(ZCorrection),
});
export type TRanking = z.infer<typeof ZRanking>;

export const ZCloseRequest = z.object({ regionCode: ZRegionCode, period: ZPeriodKey });
export const ZSnapshotListQuery = z.object({ region: ZRegionCode.optional() });
export const ZSnapshotList = z.object({
  items: z.array(z.object({ id: z.string(), region: ZRegionRef, period: z.string(), closedAt: z.string() })),
});
export const ZCorrectionRequest = z.object({
  regionCode: ZRegionCode,
  indicator: ZIndicatorKey,
  correctedValue: ZDecimal,
  reason: z.string().trim().min(2).max(1000),
});
export type TCorrectionRequest = z.infer<typeof ZCorrectionRequest>;

export const ZBulletinQuery = z.object({
  region: ZRegionCode,
  period: ZPeriodKey,
  format: z.enum(['docx', 'xlsx']),
  audience: z.enum(['internal', 'public']).default('internal'),
});
export type TBulletinQuery = z.infer<typeof ZBulletinQuery>;

export const ZPublicRanking = z.object({
  region: ZRegionRef,
  period: z.string(),
  closedAt: z.string(),
  indicators: z.array(ZIndicator),
  rows: z.array(
    z.object({
      region: ZRegionRef,
      values: z.record(z.string(), z.string().nullable()),
      completion: z.record(z.string(), z.string().nullable()),
      score: z.string().nullable(),
      rank: z.number().int().nullable(),
    }),
  ),
  corrections: z.array(ZCorrection),
});
export type TPublicRanking = z.infer<typeof ZPublicRanking>;

// ---------------------------------------------------------------- sampling

export const ZCreateCheckRequest = z.object({
  regionCode: ZRegionCode,
  year: z.number().int().min(2000).max(2100),
  perUnit: z.number().int().min(1).max(50),
  seed: z.string().min(1).max(64).optional(),
  note: z.string().max(500).optional(),
});
export type TCreateCheckRequest = z.infer<typeof ZCreateCheckRequest>;

export const ZCheckItem = z.object({
  id: z.string(),
  project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  result: z.enum(['confirmed', 'corrected', 'false']).nullable(),
  note: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export const ZCheck = z.object({
  id: z.string(),
  region: ZRegionRef,
  year: z.number().int(),
  perUnit: z.number().int(),
  seed: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(ZCheckItem),
});
export type TCheck = z.infer<typeof ZCheck>;
export const ZCheckList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      region: ZRegionRef,
      year: z.number().int(),
      perUnit: z.number().int(),
      items: z.number().int(),
      verified: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});
export const ZFindingRequest = z.object({
  result: z.enum(['confirmed', 'corrected', 'false']),
  note: z.string().max(1000).optional(),
});
export const ZQualityQuery = z.object({ region: ZRegionCode, year: ZYear });
export const ZQuality = z.object({
  region: ZRegionRef,
  year: z.number().int(),
  units: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string() }),
      regionCode: z.string(),
      projects: z.number().int(),
      reports: z.number().int(),
      sampled: z.number().int(),
      completenessPercent: z.string().nullable(),
      timelinessPercent: z.string().nullable(),
      verifiedPercent: z.string().nullable(),
      falseCount: z.number().int(),
      flagged: z.boolean(),
    }),
  ),
});
export type TQuality = z.infer<typeof ZQuality>;
