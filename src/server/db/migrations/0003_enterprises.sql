CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_core" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"credit_code" text,
	"registered_capital_wan" numeric(18, 2),
	"hq_country" text DEFAULT 'CN' NOT NULL,
	"hq_region_code" text,
	"industry_section" text,
	"industry_division" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_hq_region_code_regions_code_fk" FOREIGN KEY ("hq_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm_idx" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_name_core_trgm_idx" ON "enterprises" USING gin ("name_core" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_name_pinyin_trgm_idx" ON "enterprises" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_tags_idx" ON "enterprises" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("region_code","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_section","industry_division");