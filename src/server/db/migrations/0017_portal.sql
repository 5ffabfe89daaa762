CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"region_code" text NOT NULL,
	"industry" text,
	"investment_wan" numeric(18, 2),
	"land_mu" numeric(14, 2),
	"message" text NOT NULL,
	"parcel_id" uuid,
	"building_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decline_reason" text,
	"project_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_status_ck" CHECK ("inquiries"."status" in ('new', 'accepted', 'declined')),
	CONSTRAINT "inquiries_one_item_ck" CHECK (num_nonnulls("inquiries"."parcel_id", "inquiries"."building_id") <= 1),
	CONSTRAINT "inquiries_decision_ck" CHECK (("inquiries"."status" = 'new') = ("inquiries"."decided_at" is null and "inquiries"."decided_by" is null)
        and ("inquiries"."status" = 'declined') = ("inquiries"."decline_reason" is not null)
        and ("inquiries"."status" = 'accepted') = ("inquiries"."project_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "inquiry_day_counters" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_reference_uq" ON "inquiries" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "inquiries_region_status_created_idx" ON "inquiries" USING btree ("region_code","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "inquiries_project_idx" ON "inquiries" USING btree ("project_id");