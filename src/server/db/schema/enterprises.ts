import { sql } from 'drizzle-orm';
import { index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EnterpriseTag } from '../../../domain/enterprise-tags';
import { regions, units, users } from './core';

/**
 * Enterprises (企业): investors and targets. `name` is stored folded (Simplified, half-width);
 * `name_core` and `name_pinyin` are derived from it for duplicate detection and search.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Region prefix and legal form stripped (src/domain/names.ts nameCore). */
    nameCore: text('name_core').notNull(),
    /** Space-separated pinyin keys: initials and full pinyin of the core and of the name. */
    namePinyin: text('name_pinyin').notNull(),
    /** 统一社会信用代码; null for foreign enterprises. */
    creditCode: text('credit_code'),
    registeredCapitalWan: numeric('registered_capital_wan', { precision: 18, scale: 2 }),
    hqCountry: text('hq_country').notNull().default('CN'),
    hqRegionCode: text('hq_region_code').references(() => regions.code),
    industrySection: text('industry_section'),
    industryDivision: text('industry_division'),
    tags: text('tags')
      .array()
      .$type<EnterpriseTag[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The region whose officers maintain the record: the creating user's region. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('enterprises_name_core_trgm_idx').using('gin', sql`${t.nameCore} gin_trgm_ops`),
    index('enterprises_name_pinyin_trgm_idx').using('gin', sql`${t.namePinyin} gin_trgm_ops`),
    index('enterprises_tags_idx').using('gin', t.tags),
    index('enterprises_region_idx').on(t.regionCode, t.updatedAt.desc().nullsFirst()),
    index('enterprises_industry_idx').on(t.industrySection, t.industryDivision),
  ],
);
