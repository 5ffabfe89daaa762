-- TRUNCATE fires no row or DELETE triggers: keep the summaries true when the pipeline tables are
-- emptied in bulk (the benchmark loader's --reset). Emptying projects empties the summaries;
-- emptying one of the tables facts are read from rebuilds them.
CREATE OR REPLACE FUNCTION zs_trg_summary_truncate_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM summary_facts;
  DELETE FROM region_month_summary;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_truncate_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER zs_summary_projects_truncate AFTER TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_truncate_all();
--> statement-breakpoint
CREATE TRIGGER zs_summary_reports_truncate AFTER TRUNCATE ON progress_reports
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_truncate_rebuild();
--> statement-breakpoint
CREATE TRIGGER zs_summary_pe_truncate AFTER TRUNCATE ON project_enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_truncate_rebuild();
--> statement-breakpoint
CREATE TRIGGER zs_summary_credits_truncate AFTER TRUNCATE ON coordination_credits
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_truncate_rebuild();
