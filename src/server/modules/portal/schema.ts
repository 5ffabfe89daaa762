import { z } from 'zod';
import { SOURCE_CHANNELS } from '../../../domain/project-fields';
import { STAGES } from '../../../domain/lifecycle';
import { BUILDING_KINDS, INQUIRY_STATUSES, LAND_USES } from '../../db/schema';
import { ZPageQuery } from '../../lib/listing';

const ZText = (max: number) => z.string().trim().max(max);
const ZRegionRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const decimal = (digits: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,${digits}}(\\.\\d{1,2})?$`), `${zh}|${en}`);

export const SUPPLY_KINDS = ['parcel', 'building'] as const;

// ---------------------------------------------------------------- public supply

export const ZSupplyQuery = z.object({
  kind: z.enum(SUPPLY_KINDS).optional(),
  region: z.string().trim().min(2).max(12).optional().describe('A region code: the region and its subtree'),
  use: z.enum(LAND_USES).optional().describe('Land use; parcels only'),
  q: z.string().trim().max(100).optional().describe('Substring of the name, code or address'),
  ...ZPageQuery,
});

export const ZSupplyItem = z.object({
  id: z.string().uuid(),
  kind: z.enum(SUPPLY_KINDS),
  code: z.string(),
  name: z.string(),
  region: ZRegionRef,
  size: z.string().describe('Decimal string: 亩 for a parcel, m² for a building'),
  use: z.enum(LAND_USES).nullable().describe('Parcels only'),
  buildingKind: z.enum(BUILDING_KINDS).nullable().describe('Buildings only'),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  price: z
    .string()
    .nullable()
    .describe('Parcel: listed price in 万元/亩 (a reference price is not shown); building: rent in 元/m²·月'),
  readyToBuild: z.boolean().nullable().describe('拿地即开工; parcels only'),
  availableOn: z.string().nullable().describe('YYYY-MM-DD'),
  status: z.enum(['available', 'reserved']),
});

export const ZSupplyList = z.object({
  items: z.array(ZSupplyItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- submitting an inquiry

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A decimal a form may also leave empty (the empty string counts as none). */
const optionalDecimal = (digits: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(\\d{1,${digits}}(\\.\\d{1,2})?)?$`), `${zh}|${en}`)
    .nullable()
    .optional();

export const ZSubmitInquiryRequest = z.object({
  company: ZText(100).min(2, '企业名称至少 2 个字|The company name needs at least 2 characters'),
  contactName: ZText(50).min(1, '请填写联系人|The contact name is required'),
  phone: z
    .string()
    .trim()
    .regex(
      PHONE,
      '电话应为 11 位手机号或带区号的固定电话（如 0437-1234567）|A phone number: an 11-digit mobile or a landline with its area code (e.g. 0437-1234567)',
    ),
  email: ZText(200)
    .refine((v) => v === '' || EMAIL.test(v), '邮箱格式不正确|Not an email address')
    .nullable()
    .optional()
    .describe('An empty string counts as none'),
  regionCode: ZText(12).nullable().optional().describe('Where to invest (not the country); or give `item`'),
  industry: ZText(100).nullable().optional(),
  investmentWan: optionalDecimal(16, '应为最多两位小数的金额（万元）', 'An amount in 万元 with at most two decimals'),
  landMu: optionalDecimal(10, '应为最多两位小数的亩数', 'An area in 亩 with at most two decimals'),
  message: ZText(2000).min(10, '意向说明至少 10 个字|The message needs at least 10 characters'),
  item: z
    .object({ kind: z.enum(SUPPLY_KINDS), id: z.string().uuid() })
    .nullable()
    .optional()
    .describe('A published parcel or building; its region becomes the inquiry’s region'),
});

export const ZSubmitInquiryResult = z.object({
  reference: z.string().describe('YX-<YYYYMMDD>-<seq>, e.g. YX-20261125-0007'),
  receivedAt: z.string().datetime(),
});

// ---------------------------------------------------------------- inquiries (signed in)

export const ZInquiry = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  company: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  region: ZRegionRef,
  industry: z.string().nullable(),
  investmentWan: z.string().nullable().describe('万元'),
  landMu: z.string().nullable().describe('亩'),
  message: z.string(),
  item: z.object({ kind: z.enum(SUPPLY_KINDS), id: z.string().uuid(), code: z.string(), name: z.string() }).nullable(),
  status: z.enum(INQUIRY_STATUSES),
  receivedAt: z.string().datetime(),
  decidedAt: z.string().datetime().nullable(),
  decidedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  declineReason: z.string().nullable(),
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }).nullable(),
  version: z.number().int(),
});

export const ZInquiryQuery = z.object({
  status: z.enum(INQUIRY_STATUSES).optional(),
  q: z.string().trim().max(100).optional().describe('Substring of the reference, company, contact or phone'),
  ...ZPageQuery,
});

export const ZInquiryList = z.object({
  items: z.array(ZInquiry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZInquiryParams = z.object({ id: z.string().uuid() });

const ZVersion = z.number().int().min(1).describe('The version you read; a stale one is a 409');

export const ZAcceptInquiryRequest = z.object({
  version: ZVersion,
  name: ZText(200).min(1, '请填写项目名称|The project name is required'),
  totalInvestmentWan: decimal(16, '应为最多两位小数的金额（万元）', 'An amount in 万元 with at most two decimals'),
  sourceChannel: z.enum(SOURCE_CHANNELS).default('投资者门户'),
  industryDivision: z.string().trim().length(2).nullable().optional().describe('GB/T 4754-2017 division (大类)'),
  hostRegionCode: z.string().trim().min(6).max(12).optional().describe('落地地; default: the inquiry’s region'),
});

export const ZAcceptInquiryResult = z.object({
  inquiry: ZInquiry,
  project: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), stage: z.enum(STAGES) }),
});

export const ZDeclineInquiryRequest = z.object({
  version: ZVersion,
  reason: ZText(500).min(2, '请填写不予受理的理由（至少 2 个字）|Give the reason (at least 2 characters)'),
});

export type TSupplyQuery = z.infer<typeof ZSupplyQuery>;
export type TSupplyItem = z.infer<typeof ZSupplyItem>;
export type TSupplyList = z.infer<typeof ZSupplyList>;
export type TSubmitInquiryRequest = z.infer<typeof ZSubmitInquiryRequest>;
export type TSubmitInquiryResult = z.infer<typeof ZSubmitInquiryResult>;
export type TInquiry = z.infer<typeof ZInquiry>;
export type TInquiryQuery = z.infer<typeof ZInquiryQuery>;
export type TInquiryList = z.infer<typeof ZInquiryList>;
export type TAcceptInquiryRequest = z.infer<typeof ZAcceptInquiryRequest>;
export type TAcceptInquiryResult = z.infer<typeof ZAcceptInquiryResult>;
export type TDeclineInquiryRequest = z.infer<typeof ZDeclineInquiryRequest>;
