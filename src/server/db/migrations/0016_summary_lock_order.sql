-- Concurrent writes on PostgreSQL deadlocked in the summaries: each refresh took away a project's
-- old facts (an UPDATE) and added its new ones (an upsert), each locking region_month_summary rows
-- in whatever order its plan produced, so two transactions moving projects of one region could
-- each hold a row the other needed (40P01, answered as a 500). Now a refresh applies its net change
-- in one upsert, sorted by the summary key: every writer locks those rows in the same order and
-- waits its turn; and rows whose net change is nil are not touched (a report moves no stage count).
CREATE OR REPLACE FUNCTION zs_summary_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_facts summary_facts[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  SELECT coalesce(array_agg(sf), '{}') INTO old_facts FROM summary_facts sf WHERE sf.project_id = ANY (ids);
  DELETE FROM summary_facts WHERE project_id = ANY (ids);
  INSERT INTO summary_facts (project_id, region_code, basis, month, metric, count, amount)
    SELECT f.project_id, f.region_code, f.basis, f.month, f.metric, f.count, f.amount FROM zs_summary_facts_for(ids) f;
  INSERT INTO region_month_summary AS s (region_code, basis, month, metric, count, amount)
    SELECT d.region_code, d.basis, d.month, d.metric, sum(d.count), sum(d.amount)
      FROM (SELECT o.region_code, o.basis, o.month, o.metric, -o.count AS count, -o.amount AS amount
              FROM unnest(old_facts) o
            UNION ALL
            SELECT sf.region_code, sf.basis, sf.month, sf.metric, sf.count, sf.amount
              FROM summary_facts sf WHERE sf.project_id = ANY (ids)) d
     GROUP BY 1, 2, 3, 4
    HAVING sum(d.count) <> 0 OR sum(d.amount) <> 0
     ORDER BY 1, 2, 3, 4
  ON CONFLICT (region_code, basis, month, metric)
    DO UPDATE SET count = s.count + excluded.count, amount = s.amount + excluded.amount;
END
$$;
