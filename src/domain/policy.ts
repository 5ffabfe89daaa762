import { z } from 'zod';

/**
 * Policy packs: the rules that differ between jurisdictions, as data. Each parameter carries the
 * clause it comes from. A region's effective policy is its own pack over its ancestors', judged by
 * the pack in force on the date of the event.
 */

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZWan = z.string().regex(/^\d+(\.\d{1,4})?$/, 'decimal string in 万元');
const ZSource = z.string().min(3).describe('the clause, e.g. "jiaxing §二(一)3"');

function param<T extends z.ZodTypeAny>(value: T) {
  return z.object({ value, source: ZSource }).strict();
}

export const ZPolicyParams = z
  .object({
    /** Day of the month by which the monthly progress report is due. */
    reportDueDay: param(z.number().int().min(1).max(31)),
    /** Months in 洽谈 without substantive progress after which a project is stalled. */
    stalledMonths: param(z.number().int().min(1).max(36)),
    /** A stalled negotiation may be redirected, with the first region's consent, to a region of the same industry. */
    stalledRedirect: param(z.boolean()),
    /** 首报首谈: thresholds that make a project subject to first report, and its exclusive window. */
    firstReport: param(
      z.object({
        totalInvestmentWan: ZWan,
        foreignInvestmentUsdWan: ZWan,
        exclusivityMonths: z.number().int().min(0).max(24),
      }),
    ),
    /** How a transferred project that lands is credited to the first-negotiation and host regions. */
    transferCredit: param(z.enum(['equal', 'host_only', 'first_only'])),
    /** Major signings must be filed this many days before signing. */
    preSigningFiling: param(z.object({ days: z.number().int().min(1).max(60), thresholdWan: ZWan })),
    /** Signed contracts at or above this amount are escalated to the higher level. */
    escalationThresholdWan: param(ZWan),
    /** Signed projects at or above this amount go into the monthly report to the provincial project centre. */
    provincialSignedReportThresholdWan: param(ZWan),
    /** Monthly coordination of major projects (>1亿美元 and ≥50亿元). */
    majorProjectThreshold: param(z.object({ foreignInvestmentUsdWan: ZWan, totalInvestmentWan: ZWan })),
    /** Targets are dispatched at this multiple of the required growth (Gansu: +20% against +15%). */
    targetGrowth: param(z.object({ required: z.number().min(0).max(5), dispatched: z.number().min(0).max(5) })),
    /** Below this completion of the annual target a region cannot be rated excellent. */
    excellentMinCompletion: param(z.number().min(0).max(1)),
    /** Required share of key-chain projects in investment. */
    keyChainShareTarget: param(z.number().min(0).max(1)),
    /** Share of land/energy/emission quotas and major projects for provincial-level-or-above zones. */
    priorityZoneShare: param(z.number().min(0).max(1)),
    /** Land lists: contiguous parcels and reserve parcels, in 亩. */
    landLists: param(z.object({ contiguousMu: z.number().positive(), reserveMu: z.number().positive() })),
    /** Enterprise-caused delay shortens the policy support period. */
    delayShortensSupport: param(z.boolean()),
    /** Signings at or over this amount need an approving collective review (评审会) first. */
    reviewRequiredThresholdWan: param(ZWan),
    /** Termination for objective causes can be exempted (容错免责). */
    toleranceExemption: param(z.boolean()),
    /** Yearly quotas of each county/zone head: trips led, industrial projects signed at or over a size, projects landed. */
    leaderQuotas: param(
      z.object({
        tripsPerYear: z.number().int().min(0).max(100),
        signedProjects: z.number().int().min(0).max(100),
        signedMinWan: ZWan,
        landedProjects: z.number().int().min(0).max(100),
        /** GB/T 4754 sections that count as industrial (工业: B mining, C manufacturing, D utilities). */
        industrialSections: z.array(z.string().length(1)).min(1),
      }),
    ),
    /** People each locality sends out each year to stationed attraction in the named cities. */
    outboundStaffing: param(
      z.object({ peoplePerYear: z.number().int().min(1).max(10000), cities: z.array(z.string().min(1)).min(1) }),
    ),
    /** Stationed teams (驻点招商) that must be out at any time. */
    stationedTeamsMin: param(z.number().int().min(1).max(1000)),
    /** Expos (展会) must carry attraction targets (招商任务). */
    expoTargetsRequired: param(z.boolean()),
    /** A first-negotiation unit whose project over this size lands gets budget priority and more office funds next year. */
    firstUnitLandingReward: param(
      z.object({ overWan: ZWan, officeFundsIncrease: z.number().min(0).max(5), budgetPriority: z.boolean() }),
    ),
    /** Partners (chambers, intermediaries, people) whose referred project at or over this size lands are rewarded. */
    referralReward: param(z.object({ minWan: ZWan, standard: z.enum(['market_top', 'local_rules']) })),
  })
  .partial()
  .strict();

export type PolicyParams = z.infer<typeof ZPolicyParams>;
export type ParamKey = keyof PolicyParams;
export type ParamValue<K extends ParamKey> = NonNullable<PolicyParams[K]>['value'];

export const ZPolicyPack = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    document: z.string().min(1).describe('the issuing document, e.g. 吉政发〔2025〕7号'),
    regionCode: z.string().min(2),
    validFrom: ZDate,
    validTo: ZDate.nullable(),
    params: ZPolicyParams,
  })
  .strict()
  .refine((p) => p.validTo === null || p.validTo >= p.validFrom, {
    message: 'validTo must not be before validFrom',
    path: ['validTo'],
  });

export type PolicyPack = z.infer<typeof ZPolicyPack>;

/** Values that apply where no pack in force says otherwise. */
export const PLATFORM_DEFAULTS: { [K in ParamKey]?: ParamValue<K> } = {
  reportDueDay: 25,
  stalledMonths: 6,
  transferCredit: 'equal',
};

export interface ResolvedParam<K extends ParamKey> {
  value: ParamValue<K>;
  source: string;
  /** The pack that set it, or null for a platform default. */
  packId: string | null;
  regionCode: string | null;
}

export type EffectivePolicy = { [K in ParamKey]?: ResolvedParam<K> };

/** A pack is in force on `date` (YYYY-MM-DD) when date is within [validFrom, validTo]. */
export function inForce(pack: PolicyPack, date: string): boolean {
  return pack.validFrom <= date && (pack.validTo === null || date <= pack.validTo);
}

/**
 * Resolves the policy for a region on a date.
 * @param lineage region codes from the root down to the region itself
 * Deeper packs override shallower ones parameter by parameter; packs not in force are ignored.
 * When two packs of one region are in force, the one that started later wins.
 */
export function resolvePolicy(packs: readonly PolicyPack[], lineage: readonly string[], date: string): EffectivePolicy {
  const out: EffectivePolicy = {};
  const set = out as Record<string, ResolvedParam<ParamKey>>;
  for (const [key, value] of Object.entries(PLATFORM_DEFAULTS)) {
    set[key] = { value: value as never, source: 'platform default / 平台默认值', packId: null, regionCode: null };
  }
  for (const code of lineage) {
    const own = packs
      .filter((p) => p.regionCode === code && inForce(p, date))
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.id < b.id ? -1 : 1));
    for (const pack of own) {
      for (const [key, p] of Object.entries(pack.params)) {
        if (!p) continue;
        set[key] = { value: p.value as never, source: p.source, packId: pack.id, regionCode: code };
      }
    }
  }
  return out;
}

/** Parses and validates a pack, throwing an error that names the pack and each bad path. */
export function parsePolicyPack(raw: unknown, name: string): PolicyPack {
  const r = ZPolicyPack.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Policy pack ${name} is invalid / 政策包无效:\n  ${lines.join('\n  ')}`);
  }
  return r.data;
}
