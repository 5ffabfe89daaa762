import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions, units, users } from './core';
import { projects } from './projects';

/**
 * Factor supply (要素): the supply library of land parcels, buildings and standard factories,
 * industrial funds and per-zone quotas (liaoyuan §三.五, jilin §四(一), jiaxing §三(二)), the
 * demand a project states, and reservations of parcels and buildings for projects.
 */

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const amount = (name: string) => numeric(name, { precision: 14, scale: 2 });
const coordinate = (name: string) => numeric(name, { precision: 9, scale: 6 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const LAND_USES = ['industrial', 'logistics', 'commercial', 'rd', 'mixed'] as const;
export const SUPPLY_MODES = ['transfer', 'long_lease', 'lease_then_transfer', 'flexible_term'] as const;
export const FACTOR_STATUSES = ['available', 'reserved', 'used'] as const;
export const BUILDING_KINDS = ['standard_factory', 'factory', 'office', 'warehouse'] as const;
export const FUND_STAGES = ['seed', 'early', 'growth', 'mature'] as const;
export const QUOTA_KINDS = ['land', 'energy', 'emission', 'power'] as const;
export const RESERVATION_STATUSES = ['active', 'released', 'used'] as const;
export const RELEASE_CAUSES = ['expiry', 'stalled', 'terminated'] as const;

/** 地块: land the responsible unit offers, with where it is, what it may be used for and how it is supplied. */
export const parcels = pgTable(
  'parcels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The unit that maintains the record (e.g. the natural resources bureau or the zone committee). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    areaMu: amount('area_mu').notNull(),
    use: text('use', { enum: LAND_USES }).notNull(),
    zoning: text('zoning'),
    address: text('address'),
    lng: coordinate('lng'),
    lat: coordinate('lat'),
    /** 万元 per 亩; `priceKind` says whether it is a listed price or a reference price. */
    priceWanPerMu: money('price_wan_per_mu'),
    priceKind: text('price_kind', { enum: ['listed', 'reference'] })
      .notNull()
      .default('reference'),
    supplyModes: text('supply_modes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    plotRatioMin: numeric('plot_ratio_min', { precision: 5, scale: 2 }),
    plotRatioMax: numeric('plot_ratio_max', { precision: 5, scale: 2 }),
    /** 拿地即开工: permits prepared so building can start on acquisition. */
    readyToBuild: boolean('ready_to_build').notNull().default(false),
    availableOn: date('available_on'),
    status: text('status', { enum: FACTOR_STATUSES }).notNull().default('available'),
    /** Published items feed the public portal. */
    published: boolean('published').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('parcels_region_code_uq').on(t.regionCode, t.code),
    // Matching reads available parcels of a size range; lists read by size.
    index('parcels_status_area_idx').on(t.status, t.areaMu),
    index('parcels_region_status_idx').on(t.regionCode, t.status),
    index('parcels_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** 楼宇/厂房: buildings and standard factories for rent or sale. */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: BUILDING_KINDS }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    floorAreaM2: integer('floor_area_m2').notNull(),
    floors: integer('floors').notNull().default(1),
    floorHeightM: numeric('floor_height_m', { precision: 5, scale: 2 }),
    /** Floor load in kN/m². */
    loadKnM2: numeric('load_kn_m2', { precision: 6, scale: 2 }),
    /** Crane capacity in tonnes; null when there is none. */
    craneTons: integer('crane_tons'),
    /** 元 per m² per month. */
    rentYuanM2Month: numeric('rent_yuan_m2_month', { precision: 10, scale: 2 }),
    address: text('address'),
    lng: coordinate('lng'),
    lat: coordinate('lat'),
    availableOn: date('available_on'),
    status: text('status', { enum: FACTOR_STATUSES }).notNull().default('available'),
    published: boolean('published').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('buildings_region_code_uq').on(t.regionCode, t.code),
    index('buildings_status_area_idx').on(t.status, t.floorAreaM2),
    index('buildings_region_status_idx').on(t.regionCode, t.status),
    index('buildings_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** 产业基金: funds that invest alongside projects. */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    sizeWan: money('size_wan').notNull(),
    /** Focus industries as GB/T 4754 section or division codes, or plain names. */
    focusIndustries: text('focus_industries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    stages: text('stages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    manager: text('manager'),
    published: boolean('published').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('funds_region_idx').on(t.regionCode), uniqueIndex('funds_region_name_uq').on(t.regionCode, t.name)],
);

/** Annual quota of a zone or region: land (亩), energy (吨标准煤), emissions (吨), power capacity (kVA). */
export const zoneQuotas = pgTable(
  'zone_quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: QUOTA_KINDS }).notNull(),
    total: amount('total').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('zone_quotas_region_year_kind_uq').on(t.regionCode, t.year, t.kind)],
);

/** A share of a quota given to a project (or to a purpose named in the note). */
export const quotaAllocations = pgTable(
  'quota_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quotaId: uuid('quota_id')
      .notNull()
      .references(() => zoneQuotas.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id),
    amount: amount('amount').notNull(),
    allocatedOn: date('allocated_on').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('quota_allocations_quota_idx').on(t.quotaId), index('quota_allocations_project_idx').on(t.projectId)],
);

/** What a project needs: land, floor space, use, power, energy, emissions, where. */
export const projectDemands = pgTable('project_demands', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  landMu: amount('land_mu'),
  buildingM2: integer('building_m2'),
  use: text('use', { enum: LAND_USES }),
  powerKva: amount('power_kva'),
  energyTce: amount('energy_tce'),
  emissionsT: amount('emissions_t'),
  preferredRegions: text('preferred_regions')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Wants 拿地即开工 land. */
  readyToBuild: boolean('ready_to_build').notNull().default(false),
  neededBy: date('needed_by'),
  note: text('note'),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A hold on one parcel or building for a project until `expiresOn`. The daily job notifies the
 * holder (`noticeOn`, `releaseCause`, `releaseDueOn`) and releases on `releaseDueOn`.
 */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parcelId: uuid('parcel_id').references(() => parcels.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The item's region: who may see the reservation. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => users.id),
    holderUnitId: uuid('holder_unit_id')
      .notNull()
      .references(() => units.id),
    reservedOn: date('reserved_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull().default('active'),
    releaseCause: text('release_cause', { enum: RELEASE_CAUSES }),
    releaseDueOn: date('release_due_on'),
    noticeOn: date('notice_on'),
    endedOn: date('ended_on'),
    endedReason: text('ended_reason'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('reservations_one_item_ck', sql`num_nonnulls(${t.parcelId}, ${t.buildingId}) = 1`),
    // One active hold per item, enforced by the database.
    uniqueIndex('reservations_active_parcel_uq')
      .on(t.parcelId)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex('reservations_active_building_uq')
      .on(t.buildingId)
      .where(sql`${t.status} = 'active'`),
    index('reservations_status_expires_idx').on(t.status, t.expiresOn),
    index('reservations_project_idx').on(t.projectId),
  ],
);
