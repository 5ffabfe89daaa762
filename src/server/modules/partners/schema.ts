import { z } from 'zod';
import { ZDate } from '../../lib/input';
import { PARTNER_KINDS, PARTNER_STATUSES } from '../../../domain/rewards';
import { ZPageQuery } from '../../lib/listing';

const ZLabel = z.object({ zh: z.string(), en: z.string() });
const ZRef = z.object({ id: z.string().uuid(), name: z.string() });

export const ZReferral = z.object({
  id: z.string().uuid(),
  partner: ZRef,
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), stage: z.string() }),
  referredOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string().datetime(),
});

export const ZPartner = z.object({
  id: z.string().uuid(),
  kind: z.enum(PARTNER_KINDS),
  kindLabel: ZLabel,
  name: z.string(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  location: z.string().nullable(),
  focusIndustries: z.array(z.string()),
  status: z.enum(PARTNER_STATUSES),
  statusLabel: ZLabel,
  ownerUnit: ZRef,
  region: z.object({ code: z.string(), name: z.string() }),
  note: z.string().nullable(),
  referralCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});

export const ZPartnerDetail = ZPartner.extend({ referrals: z.array(ZReferral) });

const ZText = (max: number) => z.string().trim().max(max);
const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, '应为两位国家代码（ISO 3166），如 CN、DE|A two-letter ISO 3166 code such as CN or DE');

export const ZCreatePartnerRequest = z.object({
  kind: z.enum(PARTNER_KINDS),
  name: ZText(200).min(1, '名称不能为空|The name is empty'),
  contactPerson: ZText(100).nullable().optional(),
  phone: ZText(50).nullable().optional(),
  email: z.string().trim().email('邮箱格式不正确|Not an email address').max(200).nullable().optional(),
  country: ZCountry.default('CN'),
  location: ZText(200).nullable().optional(),
  focusIndustries: z.array(ZText(50).min(1)).max(20).default([]),
  status: z.enum(PARTNER_STATUSES).default('active'),
  ownerUnitId: z.string().uuid().optional().describe("Default: the caller's unit"),
  note: ZText(2000).nullable().optional(),
});

export const ZUpdatePartnerRequest = ZCreatePartnerRequest.omit({ ownerUnitId: true })
  .partial()
  .extend({
    version: z.number().int().min(1).describe('The version you read; a stale one is a 409'),
    // `.partial()` keeps defaults; an update must not reset fields it does not name.
    country: ZCountry.optional(),
    focusIndustries: z.array(ZText(50).min(1)).max(20).optional(),
    status: z.enum(PARTNER_STATUSES).optional(),
  });

export const ZPartnerListQuery = z.object({
  kind: z.enum(PARTNER_KINDS).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
  q: z.string().trim().max(100).optional().describe('Substring of the name, contact or location (Traditional folded)'),
  ...ZPageQuery,
});

export const ZPartnerList = z.object({ items: z.array(ZPartner), total: z.number().int() });
export const ZPartnerParams = z.object({ id: z.string().uuid() });
export const ZReferralParams = z.object({ id: z.string().uuid(), referralId: z.string().uuid() });

export const ZCreateReferralRequest = z.object({
  projectId: z.string().uuid(),
  referredOn: ZDate,
  note: ZText(2000).nullable().optional(),
});

export const ZRewardsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Reward year; all years when absent'),
});

export const ZEntitlement = z.object({
  reason: z.enum(['first_unit_landing', 'referral']),
  reasonLabel: ZLabel,
  beneficiary: z.object({
    kind: z.enum(['unit', 'partner']),
    id: z.string().uuid(),
    name: z.string(),
    partnerKind: z.enum(PARTNER_KINDS).nullable(),
  }),
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), totalInvestmentWan: z.string() }),
  landedOn: z.string(),
  rewardYear: z.number().int(),
  reward: ZLabel,
  source: z.string().describe('The policy clause, e.g. "liaoyuan §三.七"'),
});
export const ZRewards = z.object({ items: z.array(ZEntitlement) });

export const ZPartnerCatalog = z.object({
  kinds: z.array(z.object({ value: z.enum(PARTNER_KINDS), label: ZLabel })),
  statuses: z.array(z.object({ value: z.enum(PARTNER_STATUSES), label: ZLabel })),
});

export type TPartner = z.infer<typeof ZPartner>;
export type TPartnerDetail = z.infer<typeof ZPartnerDetail>;
export type TReferral = z.infer<typeof ZReferral>;
export type TCreatePartnerRequest = z.infer<typeof ZCreatePartnerRequest>;
export type TUpdatePartnerRequest = z.infer<typeof ZUpdatePartnerRequest>;
export type TPartnerListQuery = z.infer<typeof ZPartnerListQuery>;
export type TPartnerList = z.infer<typeof ZPartnerList>;
export type TCreateReferralRequest = z.infer<typeof ZCreateReferralRequest>;
export type TEntitlement = z.infer<typeof ZEntitlement>;
export type TRewards = z.infer<typeof ZRewards>;
export type TPartnerCatalog = z.infer<typeof ZPartnerCatalog>;
