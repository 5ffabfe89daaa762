CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"region_code" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"month" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"text" text NOT NULL,
	"substantive_progress" boolean NOT NULL,
	"funds_in_place_wan" numeric(18, 2) DEFAULT '0' NOT NULL,
	"problems" text,
	"unit_id" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"correction_reason" text
);
--> statement-breakpoint
CREATE TABLE "project_code_counters" (
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "project_code_counters_year_region_code_pk" PRIMARY KEY("year","region_code")
);
--> statement-breakpoint
CREATE TABLE "project_enterprises" (
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"role" text DEFAULT 'investor' NOT NULL,
	CONSTRAINT "project_enterprises_project_id_enterprise_id_pk" PRIMARY KEY("project_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "project_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"direction" text NOT NULL,
	"reason" text,
	"gate" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_core" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"industry_section" text,
	"industry_division" text,
	"chain_node_id" uuid,
	"total_investment_wan" numeric(18, 2) NOT NULL,
	"foreign_investment_usd_wan" numeric(18, 2),
	"fixed_asset_investment_wan" numeric(18, 2),
	"land_demand_mu" numeric(12, 2),
	"jobs" integer,
	"expected_tax_wan" numeric(18, 2),
	"source_channel" text NOT NULL,
	"first_unit_id" uuid NOT NULL,
	"first_region_code" text NOT NULL,
	"host_region_code" text NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"responsible_leader" text,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"stage" text NOT NULL,
	"stage_entered_on" date NOT NULL,
	"signing_date" date,
	"contract_amount_wan" numeric(18, 2),
	"parties" text[],
	"agreement_file_id" uuid,
	"registered_date" date,
	"start_date" date,
	"production_date" date,
	"achieved_date" date,
	"termination_reason" text,
	"termination_text" text,
	"terminated_from" text,
	"last_substantive_progress_on" date,
	"stalled_since" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_forces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"leader_name" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"members" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_enterprises" ADD CONSTRAINT "project_enterprises_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_enterprises" ADD CONSTRAINT "project_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transitions" ADD CONSTRAINT "project_transitions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transitions" ADD CONSTRAINT "project_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_first_unit_id_units_id_fk" FOREIGN KEY ("first_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_first_region_code_regions_code_fk" FOREIGN KEY ("first_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_host_region_code_regions_code_fk" FOREIGN KEY ("host_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agreement_file_id_files_id_fk" FOREIGN KEY ("agreement_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_forces" ADD CONSTRAINT "task_forces_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_forces" ADD CONSTRAINT "task_forces_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_forces" ADD CONSTRAINT "task_forces_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_version_uq" ON "progress_reports" USING btree ("project_id","month","version");--> statement-breakpoint
CREATE INDEX "progress_reports_current_idx" ON "progress_reports" USING btree ("project_id","month") WHERE "progress_reports"."is_current";--> statement-breakpoint
CREATE INDEX "progress_reports_month_idx" ON "progress_reports" USING btree ("month","unit_id");--> statement-breakpoint
CREATE INDEX "project_enterprises_ent_idx" ON "project_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "project_transitions_project_idx" ON "project_transitions" USING btree ("project_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "projects_host_region_idx" ON "projects" USING btree ("host_region_code","stage");--> statement-breakpoint
CREATE INDEX "projects_first_region_idx" ON "projects" USING btree ("first_region_code","stage");--> statement-breakpoint
CREATE INDEX "projects_first_unit_idx" ON "projects" USING btree ("first_unit_id");--> statement-breakpoint
CREATE INDEX "projects_name_trgm_idx" ON "projects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_name_core_trgm_idx" ON "projects" USING gin ("name_core" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_pinyin_trgm_idx" ON "projects" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "task_forces_project_idx" ON "task_forces" USING btree ("project_id");