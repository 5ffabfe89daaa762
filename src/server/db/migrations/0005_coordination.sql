CREATE TABLE "coordination_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"other_project_id" uuid NOT NULL,
	"level" text NOT NULL,
	"status" text NOT NULL,
	"basis" text NOT NULL,
	"arbiter_region_code" text NOT NULL,
	"detected_on" date NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"role" text NOT NULL,
	"share" numeric(5, 4) NOT NULL,
	"rule" text NOT NULL,
	"source" text NOT NULL,
	"landed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"to_region_code" text NOT NULL,
	"amount_wan" numeric(18, 2) NOT NULL,
	"threshold_wan" numeric(18, 2) NOT NULL,
	"source" text NOT NULL,
	"escalated_on" date NOT NULL,
	"responsible_leader" text,
	"service_team" text,
	"action_plan" text,
	"completed_at" timestamp with time zone,
	"last_reminded_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "first_reports" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_on" date NOT NULL,
	"subject" boolean DEFAULT false NOT NULL,
	"exclusivity_ends_on" date,
	"source" text,
	"pack_id" text,
	"reminded_on" date
);
--> statement-breakpoint
CREATE TABLE "project_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_region_code" text NOT NULL,
	"to_region_code" text NOT NULL,
	"offered_by" uuid,
	"offered_by_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"answered_by" uuid,
	"answered_by_unit_id" uuid,
	"answer_reason" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redirect_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"given_by" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"planned_signing_date" date NOT NULL,
	"note" text,
	"filed_by" uuid,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_conflicts" ADD CONSTRAINT "coordination_conflicts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_conflicts" ADD CONSTRAINT "coordination_conflicts_other_project_id_projects_id_fk" FOREIGN KEY ("other_project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_conflicts" ADD CONSTRAINT "coordination_conflicts_arbiter_region_code_regions_code_fk" FOREIGN KEY ("arbiter_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_conflicts" ADD CONSTRAINT "coordination_conflicts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_credits" ADD CONSTRAINT "coordination_credits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_credits" ADD CONSTRAINT "coordination_credits_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_to_region_code_regions_code_fk" FOREIGN KEY ("to_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_exceptions" ADD CONSTRAINT "filing_exceptions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_exceptions" ADD CONSTRAINT "filing_exceptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_reports" ADD CONSTRAINT "first_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_reports" ADD CONSTRAINT "first_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_reports" ADD CONSTRAINT "first_reports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_reports" ADD CONSTRAINT "first_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_from_region_code_regions_code_fk" FOREIGN KEY ("from_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_to_region_code_regions_code_fk" FOREIGN KEY ("to_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_offered_by_unit_id_units_id_fk" FOREIGN KEY ("offered_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transfers" ADD CONSTRAINT "project_transfers_answered_by_unit_id_units_id_fk" FOREIGN KEY ("answered_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redirect_consents" ADD CONSTRAINT "redirect_consents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redirect_consents" ADD CONSTRAINT "redirect_consents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redirect_consents" ADD CONSTRAINT "redirect_consents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redirect_consents" ADD CONSTRAINT "redirect_consents_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_filings" ADD CONSTRAINT "signing_filings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_filings" ADD CONSTRAINT "signing_filings_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_filings" ADD CONSTRAINT "signing_filings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_conflicts_pair_uq" ON "coordination_conflicts" USING btree ("project_id","other_project_id");--> statement-breakpoint
CREATE INDEX "coordination_conflicts_arbiter_idx" ON "coordination_conflicts" USING btree ("arbiter_region_code","status");--> statement-breakpoint
CREATE INDEX "coordination_conflicts_other_idx" ON "coordination_conflicts" USING btree ("other_project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_credits_uq" ON "coordination_credits" USING btree ("project_id","role");--> statement-breakpoint
CREATE INDEX "coordination_credits_region_idx" ON "coordination_credits" USING btree ("region_code","landed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_project_uq" ON "escalations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "escalations_region_idx" ON "escalations" USING btree ("to_region_code","escalated_on");--> statement-breakpoint
CREATE INDEX "filing_exceptions_project_idx" ON "filing_exceptions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "first_reports_ends_idx" ON "first_reports" USING btree ("exclusivity_ends_on");--> statement-breakpoint
CREATE INDEX "project_transfers_project_idx" ON "project_transfers" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_transfers_to_idx" ON "project_transfers" USING btree ("to_region_code","status");--> statement-breakpoint
CREATE INDEX "project_transfers_from_idx" ON "project_transfers" USING btree ("from_region_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "project_transfers_open_uq" ON "project_transfers" USING btree ("project_id") WHERE "project_transfers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "redirect_consents_project_idx" ON "redirect_consents" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "signing_filings_project_idx" ON "signing_filings" USING btree ("project_id");