import { z } from 'zod';
import { ENTERPRISE_TAGS } from '../../../domain/enterprise-tags';
import { WAN_AMOUNT } from '../../../domain/money';
import { ZPageQuery } from '../../lib/listing';

const ZBilingualName = z.object({ zh: z.string(), en: z.string() });
const ZCoded = ZBilingualName.extend({ code: z.string() });

export const ZEnterprise = z.object({
  id: z.string().uuid(),
  name: z.string().describe('Folded on input: Simplified Chinese, half-width ASCII'),
  nameCore: z.string().describe('Name without region prefix and legal form, for duplicate checks'),
  creditCode: z.string().nullable().describe('统一社会信用代码 (GB 32100-2015); null for foreign enterprises'),
  registeredCapitalWan: z.string().nullable().describe('Registered capital in 万元, decimal string such as "1234.50"'),
  hqCountry: ZCoded.describe('ISO 3166-1 alpha-2 country of the headquarters'),
  hqRegion: z.object({ code: z.string(), name: z.string() }).nullable(),
  industrySection: ZCoded.nullable().describe('GB/T 4754-2017 section (门类)'),
  industryDivision: ZCoded.nullable().describe('GB/T 4754-2017 division (大类)'),
  tags: z.array(z.enum(ENTERPRISE_TAGS)),
  tagLabels: z.array(ZBilingualName),
  topThree500: z.boolean().describe('On one of the three Top-500 lists (三个500强)'),
  region: z.object({ code: z.string(), name: z.string() }).describe('The region whose officers maintain the record'),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});

const ZName = z.string().trim().min(1).max(200);
const ZCreditCodeInput = z.string().max(40).nullable().describe('Lower case and spaces are accepted');
const ZCapital = z
  .string()
  .trim()
  .regex(WAN_AMOUNT, '应为最多两位小数的金额（万元）|A 万元 amount with at most two decimals')
  .nullable();
const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, '应为两位国家代码（ISO 3166），如 CN、DE|A two-letter ISO 3166 code such as CN or DE');
const ZRegionCode = z.string().trim().min(6).max(12).nullable();
const ZSectionCode = z.string().trim().toUpperCase().length(1).nullable();
const ZDivisionCode = z.string().trim().length(2).nullable();
const ZTags = z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length);

export const ZCreateEnterpriseRequest = z.object({
  name: ZName,
  creditCode: ZCreditCodeInput.optional(),
  registeredCapitalWan: ZCapital.optional(),
  hqCountry: ZCountry.default('CN'),
  hqRegionCode: ZRegionCode.optional(),
  industrySection: ZSectionCode.optional(),
  industryDivision: ZDivisionCode.optional(),
  tags: ZTags.default([]),
});

export const ZUpdateEnterpriseRequest = z.object({
  version: z.number().int().min(1).describe('The version you read; a stale one is a 409'),
  name: ZName.optional(),
  creditCode: ZCreditCodeInput.optional(),
  registeredCapitalWan: ZCapital.optional(),
  hqCountry: ZCountry.optional(),
  hqRegionCode: ZRegionCode.optional(),
  industrySection: ZSectionCode.optional(),
  industryDivision: ZDivisionCode.optional(),
  tags: ZTags.optional(),
});

export const ENTERPRISE_SORTS = [
  '-updatedAt',
  'updatedAt',
  '-createdAt',
  'createdAt',
  'name',
  '-name',
  '-registeredCapital',
  'registeredCapital',
  'relevance',
] as const;

export const ZEnterpriseListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Chinese substring of the name (Traditional is folded), or pinyin initials / full pinyin prefix'),
  tag: z.enum(ENTERPRISE_TAGS).optional(),
  industrySection: z.string().trim().toUpperCase().length(1).optional(),
  industryDivision: z.string().trim().length(2).optional(),
  ...ZPageQuery,
  sort: z
    .enum(ENTERPRISE_SORTS)
    .default('-updatedAt')
    .describe('A leading minus sorts descending; relevance ranks by similarity to q'),
});

export const ZEnterpriseList = z.object({
  items: z.array(ZEnterprise),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZEnterpriseParams = z.object({ id: z.string().uuid() });

const ZIndustryDivisionNode = ZCoded;
export const ZIndustryTree = z.object({
  standard: z.string(),
  sections: z.array(ZCoded.extend({ divisions: z.array(ZIndustryDivisionNode) })),
});

export type TEnterprise = z.infer<typeof ZEnterprise>;
export type TCreateEnterpriseRequest = z.infer<typeof ZCreateEnterpriseRequest>;
export type TUpdateEnterpriseRequest = z.infer<typeof ZUpdateEnterpriseRequest>;
export type TEnterpriseListQuery = z.infer<typeof ZEnterpriseListQuery>;
export type TEnterpriseList = z.infer<typeof ZEnterpriseList>;
export type TIndustryTree = z.infer<typeof ZIndustryTree>;
