-- Summaries kept current by the writes (DESIGN: dashboards read summaries, not raw scans).
-- summary_facts holds what each project contributes; region_month_summary holds their sums.
-- Statement-level triggers with transition tables refresh each touched project once per
-- statement, so batch inserts stay set-based. The rule mirrors projectFacts() in
-- src/domain/indicators.ts; the summary test proves both agree.
CREATE OR REPLACE FUNCTION zs_summary_facts_for(ids uuid[])
RETURNS TABLE (project_id uuid, region_code text, basis text, month text, metric text, count integer, amount numeric)
LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT pr.id, pr.host_region_code, pr.stage, pr.signing_date, pr.registered_date, pr.start_date,
           pr.production_date, pr.total_investment_wan AS total, pr.contract_amount_wan, pr.foreign_investment_usd_wan AS fdi,
           pr.industry_section, pr.stalled_since, c.id AS chain_id, coalesce(c.is_key, false) AS key_chain,
           pr.stage <> 'terminated' AS live,
           EXISTS (SELECT 1 FROM project_enterprises pe JOIN enterprises e ON e.id = pe.enterprise_id
                    WHERE pe.project_id = pr.id
                      AND e.tags && ARRAY['fortune_global_500', 'china_top_500', 'private_top_500']::text[]) AS top500,
           EXISTS (SELECT 1 FROM project_enterprises pe JOIN enterprises e ON e.id = pe.enterprise_id
                    WHERE pe.project_id = pr.id AND 'fortune_global_500' = ANY (e.tags)) AS fortune500
      FROM projects pr
      LEFT JOIN chain_segments s ON s.id = pr.chain_node_id
      LEFT JOIN chains c ON c.id = s.chain_id
     WHERE pr.id = ANY (ids)
  ),
  signed AS (
    SELECT p.*, to_char(p.signing_date, 'YYYY-MM') AS m FROM p WHERE p.signing_date IS NOT NULL AND p.live
  ),
  dated (id, m, metric, amount) AS (
              SELECT id, m, 'signed', coalesce(contract_amount_wan, total) FROM signed
    UNION ALL SELECT id, m, 'signed_investment', total FROM signed
    UNION ALL SELECT id, m, 'band_ge_5000', total FROM signed WHERE total >= 5000
    UNION ALL SELECT id, m, 'band_ge_1yi', total FROM signed WHERE total >= 10000
    UNION ALL SELECT id, m, 'band_ge_10yi', total FROM signed WHERE total >= 100000
    UNION ALL SELECT id, m, 'band_ge_50yi', total FROM signed WHERE total >= 500000
    UNION ALL SELECT id, m, 'band_ge_100yi', total FROM signed WHERE total >= 1000000
    UNION ALL SELECT id, m, 'band_gt_1yi_usd', fdi FROM signed WHERE fdi > 10000
    UNION ALL SELECT id, m, 'top500', total FROM signed WHERE top500
    UNION ALL SELECT id, m, 'fortune500', total FROM signed WHERE fortune500
    UNION ALL SELECT id, m, 'manufacturing', total FROM signed WHERE industry_section = 'C'
    UNION ALL SELECT id, m, 'key_chain', total FROM signed WHERE key_chain
    UNION ALL SELECT id, to_char(registered_date, 'YYYY-MM'), 'fdi', fdi FROM p
               WHERE live AND registered_date IS NOT NULL AND fdi > 0
    UNION ALL SELECT id, to_char(start_date, 'YYYY-MM'), 'started', total FROM p WHERE live AND start_date IS NOT NULL
    UNION ALL SELECT id, to_char(production_date, 'YYYY-MM'), 'producing', total FROM p
               WHERE live AND production_date IS NOT NULL
    UNION ALL SELECT r.project_id, r.month, 'funds', r.funds_in_place_wan
                FROM progress_reports r JOIN p ON p.id = r.project_id WHERE r.is_current
  ),
  own (id, m, metric, amount) AS (
              SELECT id, m, metric, amount FROM dated
    UNION ALL SELECT r.project_id, r.month, 'reports', 0 FROM progress_reports r JOIN p ON p.id = r.project_id
               WHERE r.version = 1
    UNION ALL SELECT r.project_id, r.month, 'reports_on_time', 0 FROM progress_reports r JOIN p ON p.id = r.project_id
               WHERE r.version = 1 AND NOT r.late
    UNION ALL SELECT id, 'current', 'stage:' || stage, total FROM p
    UNION ALL SELECT id, 'current', 'chain:' || chain_id::text, total FROM p WHERE live AND chain_id IS NOT NULL
    UNION ALL SELECT id, 'current', 'stalled', total FROM p WHERE stalled_since IS NOT NULL
  )
  SELECT o.id, p.host_region_code, 'host', o.m, o.metric, 1, coalesce(o.amount, 0)::numeric
    FROM own o JOIN p ON p.id = o.id
  UNION ALL
  SELECT d.id, cr.region_code, 'credit', d.m, d.metric, 1, coalesce(d.amount, 0)::numeric
    FROM dated d JOIN p ON p.id = d.id
    JOIN (SELECT DISTINCT cc.project_id, cc.region_code FROM coordination_credits cc) cr
      ON cr.project_id = d.id AND cr.region_code <> p.host_region_code
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_summary_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE region_month_summary s
     SET count = s.count - f.n, amount = s.amount - f.a
    FROM (SELECT sf.region_code, sf.basis, sf.month, sf.metric, sum(sf.count) AS n, sum(sf.amount) AS a
            FROM summary_facts sf WHERE sf.project_id = ANY (ids) GROUP BY 1, 2, 3, 4) f
   WHERE s.region_code = f.region_code AND s.basis = f.basis AND s.month = f.month AND s.metric = f.metric;
  DELETE FROM summary_facts WHERE project_id = ANY (ids);
  INSERT INTO summary_facts (project_id, region_code, basis, month, metric, count, amount)
    SELECT f.project_id, f.region_code, f.basis, f.month, f.metric, f.count, f.amount FROM zs_summary_facts_for(ids) f;
  INSERT INTO region_month_summary AS s (region_code, basis, month, metric, count, amount)
    SELECT sf.region_code, sf.basis, sf.month, sf.metric, sum(sf.count), sum(sf.amount)
      FROM summary_facts sf WHERE sf.project_id = ANY (ids) GROUP BY 1, 2, 3, 4
  ON CONFLICT (region_code, basis, month, metric)
    DO UPDATE SET count = s.count + excluded.count, amount = s.amount + excluded.amount;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM summary_facts;
  DELETE FROM region_month_summary;
  INSERT INTO summary_facts (project_id, region_code, basis, month, metric, count, amount)
    SELECT f.project_id, f.region_code, f.basis, f.month, f.metric, f.count, f.amount
      FROM zs_summary_facts_for(ARRAY(SELECT id FROM projects)) f;
  INSERT INTO region_month_summary (region_code, basis, month, metric, count, amount)
    SELECT region_code, basis, month, metric, sum(count), sum(amount) FROM summary_facts GROUP BY 1, 2, 3, 4;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_projects_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(SELECT id FROM zs_new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_projects_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(SELECT id FROM zs_old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_ref_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(SELECT DISTINCT project_id FROM zs_new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_ref_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(SELECT DISTINCT project_id FROM zs_old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_enterprise_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(
    SELECT DISTINCT pe.project_id FROM zs_new_rows n JOIN zs_old_rows o ON o.id = n.id
      JOIN project_enterprises pe ON pe.enterprise_id = n.id
     WHERE n.tags IS DISTINCT FROM o.tags));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION zs_trg_summary_chain_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zs_summary_refresh(ARRAY(
    SELECT p.id FROM zs_new_rows n JOIN zs_old_rows o ON o.id = n.id
      JOIN chain_segments s ON s.chain_id = n.id JOIN projects p ON p.chain_node_id = s.id
     WHERE n.is_key IS DISTINCT FROM o.is_key));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER zs_summary_projects_ins AFTER INSERT ON projects REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_projects_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_projects_upd AFTER UPDATE ON projects REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_projects_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_projects_del AFTER DELETE ON projects REFERENCING OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_projects_old();
--> statement-breakpoint
CREATE TRIGGER zs_summary_reports_ins AFTER INSERT ON progress_reports REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_reports_upd AFTER UPDATE ON progress_reports REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_reports_del AFTER DELETE ON progress_reports REFERENCING OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_old();
--> statement-breakpoint
CREATE TRIGGER zs_summary_pe_ins AFTER INSERT ON project_enterprises REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_pe_del AFTER DELETE ON project_enterprises REFERENCING OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_old();
--> statement-breakpoint
CREATE TRIGGER zs_summary_credits_ins AFTER INSERT ON coordination_credits REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_credits_upd AFTER UPDATE ON coordination_credits REFERENCING NEW TABLE AS zs_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_new();
--> statement-breakpoint
CREATE TRIGGER zs_summary_credits_del AFTER DELETE ON coordination_credits REFERENCING OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_ref_old();
--> statement-breakpoint
CREATE TRIGGER zs_summary_enterprise_tags AFTER UPDATE ON enterprises
  REFERENCING NEW TABLE AS zs_new_rows OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_enterprise_tags();
--> statement-breakpoint
CREATE TRIGGER zs_summary_chain_key AFTER UPDATE ON chains
  REFERENCING NEW TABLE AS zs_new_rows OLD TABLE AS zs_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION zs_trg_summary_chain_key();
--> statement-breakpoint
-- The dashboard's major-project list walks this index in scope (ORDER BY total DESC LIMIT n).
CREATE INDEX IF NOT EXISTS projects_total_investment_idx ON projects (total_investment_wan DESC NULLS FIRST);
--> statement-breakpoint
SELECT zs_summary_rebuild();
