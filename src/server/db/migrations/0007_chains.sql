CREATE TABLE "catalog_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"entry_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_entries" (
	"code" text PRIMARY KEY NOT NULL,
	"catalog_id" text NOT NULL,
	"region_code" text NOT NULL,
	"group_key" text NOT NULL,
	"group_name" jsonb NOT NULL,
	"name" jsonb NOT NULL,
	"source" text NOT NULL,
	"divisions" text[] NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" text NOT NULL,
	"name" text NOT NULL,
	"strength" text NOT NULL,
	"need" text,
	"priority" text DEFAULT 'may' NOT NULL,
	"industry_divisions" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_teams" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"leader_name" text,
	"lead_unit_id" uuid,
	"lead_unit_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"secretary_name" text,
	"members" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"catalog_entry_code" text,
	"is_key" boolean DEFAULT true NOT NULL,
	"description" text,
	"source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"segment_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"name" text NOT NULL,
	"role" text DEFAULT 'local' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"channel" text,
	"summary" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"segment_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"status" text DEFAULT 'not_contacted' NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"last_contact_on" date,
	"note" text,
	"project_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_classifications" ADD CONSTRAINT "catalog_classifications_entry_code_catalog_entries_code_fk" FOREIGN KEY ("entry_code") REFERENCES "public"."catalog_entries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_classifications" ADD CONSTRAINT "catalog_classifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_segments" ADD CONSTRAINT "chain_segments_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_segments" ADD CONSTRAINT "chain_segments_parent_id_chain_segments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."chain_segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_teams" ADD CONSTRAINT "chain_teams_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_teams" ADD CONSTRAINT "chain_teams_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_catalog_entry_code_catalog_entries_code_fk" FOREIGN KEY ("catalog_entry_code") REFERENCES "public"."catalog_entries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_enterprises" ADD CONSTRAINT "segment_enterprises_segment_id_chain_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."chain_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_enterprises" ADD CONSTRAINT "segment_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_contacts" ADD CONSTRAINT "target_contacts_target_id_target_enterprises_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."target_enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_contacts" ADD CONSTRAINT "target_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_enterprises" ADD CONSTRAINT "target_enterprises_segment_id_chain_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."chain_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_enterprises" ADD CONSTRAINT "target_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_enterprises" ADD CONSTRAINT "target_enterprises_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_enterprises" ADD CONSTRAINT "target_enterprises_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_enterprises" ADD CONSTRAINT "target_enterprises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_classifications_uq" ON "catalog_classifications" USING btree ("entity_type","entity_id","entry_code");--> statement-breakpoint
CREATE INDEX "catalog_classifications_entry_idx" ON "catalog_classifications" USING btree ("entry_code");--> statement-breakpoint
CREATE INDEX "catalog_entries_catalog_idx" ON "catalog_entries" USING btree ("catalog_id","sort");--> statement-breakpoint
CREATE INDEX "chain_segments_chain_idx" ON "chain_segments" USING btree ("chain_id","sort");--> statement-breakpoint
CREATE INDEX "chain_segments_parent_idx" ON "chain_segments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chains_region_name_uq" ON "chains" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "chains_region_idx" ON "chains" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "segment_enterprises_uq" ON "segment_enterprises" USING btree ("segment_id","name");--> statement-breakpoint
CREATE INDEX "segment_enterprises_ent_idx" ON "segment_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "target_contacts_target_idx" ON "target_contacts" USING btree ("target_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "target_enterprises_uq" ON "target_enterprises" USING btree ("segment_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "target_enterprises_ent_idx" ON "target_enterprises" USING btree ("enterprise_id");