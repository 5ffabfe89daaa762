CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"floor_area_m2" integer NOT NULL,
	"floors" integer DEFAULT 1 NOT NULL,
	"floor_height_m" numeric(5, 2),
	"load_kn_m2" numeric(6, 2),
	"crane_tons" integer,
	"rent_yuan_m2_month" numeric(10, 2),
	"address" text,
	"lng" numeric(9, 6),
	"lat" numeric(9, 6),
	"available_on" date,
	"status" text DEFAULT 'available' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"size_wan" numeric(18, 2) NOT NULL,
	"focus_industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"manager" text,
	"published" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"area_mu" numeric(14, 2) NOT NULL,
	"use" text NOT NULL,
	"zoning" text,
	"address" text,
	"lng" numeric(9, 6),
	"lat" numeric(9, 6),
	"price_wan_per_mu" numeric(18, 2),
	"price_kind" text DEFAULT 'reference' NOT NULL,
	"supply_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"plot_ratio_min" numeric(5, 2),
	"plot_ratio_max" numeric(5, 2),
	"ready_to_build" boolean DEFAULT false NOT NULL,
	"available_on" date,
	"status" text DEFAULT 'available' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_demands" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"land_mu" numeric(14, 2),
	"building_m2" integer,
	"use" text,
	"power_kva" numeric(14, 2),
	"energy_tce" numeric(14, 2),
	"emissions_t" numeric(14, 2),
	"preferred_regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"ready_to_build" boolean DEFAULT false NOT NULL,
	"needed_by" date,
	"note" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_id" uuid NOT NULL,
	"project_id" uuid,
	"amount" numeric(14, 2) NOT NULL,
	"allocated_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parcel_id" uuid,
	"building_id" uuid,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"holder_user_id" uuid NOT NULL,
	"holder_unit_id" uuid NOT NULL,
	"reserved_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"release_cause" text,
	"release_due_on" date,
	"notice_on" date,
	"ended_on" date,
	"ended_reason" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_one_item_ck" CHECK (num_nonnulls("reservations"."parcel_id", "reservations"."building_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "zone_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_demands" ADD CONSTRAINT "project_demands_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_demands" ADD CONSTRAINT "project_demands_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_allocations" ADD CONSTRAINT "quota_allocations_quota_id_zone_quotas_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."zone_quotas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_allocations" ADD CONSTRAINT "quota_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_allocations" ADD CONSTRAINT "quota_allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_holder_unit_id_units_id_fk" FOREIGN KEY ("holder_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_quotas" ADD CONSTRAINT "zone_quotas_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_quotas" ADD CONSTRAINT "zone_quotas_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_region_code_uq" ON "buildings" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "buildings_status_area_idx" ON "buildings" USING btree ("status","floor_area_m2");--> statement-breakpoint
CREATE INDEX "buildings_region_status_idx" ON "buildings" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "buildings_name_trgm_idx" ON "buildings" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "funds_region_idx" ON "funds" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_region_name_uq" ON "funds" USING btree ("region_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "parcels_region_code_uq" ON "parcels" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "parcels_status_area_idx" ON "parcels" USING btree ("status","area_mu");--> statement-breakpoint
CREATE INDEX "parcels_region_status_idx" ON "parcels" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "parcels_name_trgm_idx" ON "parcels" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "quota_allocations_quota_idx" ON "quota_allocations" USING btree ("quota_id");--> statement-breakpoint
CREATE INDEX "quota_allocations_project_idx" ON "quota_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_active_parcel_uq" ON "reservations" USING btree ("parcel_id") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_active_building_uq" ON "reservations" USING btree ("building_id") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "reservations_status_expires_idx" ON "reservations" USING btree ("status","expires_on");--> statement-breakpoint
CREATE INDEX "reservations_project_idx" ON "reservations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_quotas_region_year_kind_uq" ON "zone_quotas" USING btree ("region_code","year","kind");