CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" jsonb NOT NULL,
	"pack_id" text,
	"rules" jsonb NOT NULL,
	"valid_from_year" integer NOT NULL,
	"valid_to_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_definitions" (
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" jsonb NOT NULL,
	"unit" text NOT NULL,
	"definition" jsonb NOT NULL,
	"formula" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_definitions_key_version_pk" PRIMARY KEY("key","version")
);
--> statement-breakpoint
CREATE TABLE "period_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"data" jsonb NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_month_summary" (
	"region_code" text NOT NULL,
	"basis" text NOT NULL,
	"month" text NOT NULL,
	"metric" text NOT NULL,
	"count" bigint NOT NULL,
	"amount" numeric(24, 4) NOT NULL,
	CONSTRAINT "region_month_summary_region_code_basis_month_metric_pk" PRIMARY KEY("region_code","basis","month","metric")
);
--> statement-breakpoint
CREATE TABLE "sampling_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"per_unit" integer NOT NULL,
	"seed" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"result" text,
	"note" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "snapshot_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"indicator" text NOT NULL,
	"previous_value" text,
	"corrected_value" text NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_facts" (
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"basis" text NOT NULL,
	"month" text NOT NULL,
	"metric" text NOT NULL,
	"count" integer NOT NULL,
	"amount" numeric(24, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"indicator" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"origin" text NOT NULL,
	"source" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_snapshots" ADD CONSTRAINT "period_snapshots_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_snapshots" ADD CONSTRAINT "period_snapshots_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_checks" ADD CONSTRAINT "sampling_checks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_checks" ADD CONSTRAINT "sampling_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_items" ADD CONSTRAINT "sampling_items_check_id_sampling_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."sampling_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_items" ADD CONSTRAINT "sampling_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_items" ADD CONSTRAINT "sampling_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_items" ADD CONSTRAINT "sampling_items_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_corrections" ADD CONSTRAINT "snapshot_corrections_snapshot_id_period_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."period_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_corrections" ADD CONSTRAINT "snapshot_corrections_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_corrections" ADD CONSTRAINT "snapshot_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_schemes_region_idx" ON "assessment_schemes" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "period_snapshots_uq" ON "period_snapshots" USING btree ("region_code","period");--> statement-breakpoint
CREATE INDEX "region_month_summary_month_idx" ON "region_month_summary" USING btree ("month","metric");--> statement-breakpoint
CREATE INDEX "sampling_checks_region_idx" ON "sampling_checks" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_items_uq" ON "sampling_items" USING btree ("check_id","project_id");--> statement-breakpoint
CREATE INDEX "sampling_items_unit_idx" ON "sampling_items" USING btree ("unit_id","result");--> statement-breakpoint
CREATE INDEX "snapshot_corrections_snapshot_idx" ON "snapshot_corrections" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "summary_facts_project_idx" ON "summary_facts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "summary_facts_drill_idx" ON "summary_facts" USING btree ("metric","month","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_uq" ON "targets" USING btree ("year","region_code","indicator");--> statement-breakpoint
CREATE INDEX "targets_region_idx" ON "targets" USING btree ("region_code","year");