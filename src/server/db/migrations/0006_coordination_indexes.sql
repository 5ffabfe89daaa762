-- Duplicate detection across regions looks enterprises up by exact name core (the trigram index
-- answers ILIKE; equality is cheaper on a btree) and finds stalled-redirect candidates by industry.
CREATE INDEX IF NOT EXISTS "enterprises_name_core_eq_idx" ON "enterprises" ("name_core");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_industry_host_idx" ON "projects" ("industry_division", "host_region_code");
