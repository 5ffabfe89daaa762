-- The facts of a batch of projects, the same rows as before, read through each project's own index
-- entries. The earlier form joined progress_reports three times and the enterprises once as whole
-- tables: for a batch of a few hundred projects (a ledger import writes 167 at a time) the planner
-- hashed all 200,000 reports three times and scanned every enterprise, 330 ms of the 380 ms an
-- insert of 500 projects took at bench scale 0.1. Each project's reports, enterprises and credits
-- are now read in a LATERAL subquery that cannot be flattened (OFFSET 0, or an aggregate), so the
-- work grows with the batch, not with the tables.
CREATE OR REPLACE FUNCTION zs_summary_facts_for(ids uuid[])
RETURNS TABLE (project_id uuid, region_code text, basis text, month text, metric text, count integer, amount numeric)
LANGUAGE sql STABLE AS $$
  WITH p AS MATERIALIZED (
    SELECT pr.id, pr.host_region_code, pr.stage, pr.signing_date, pr.registered_date, pr.start_date,
           pr.production_date, pr.total_investment_wan AS total, pr.contract_amount_wan, pr.foreign_investment_usd_wan AS fdi,
           pr.industry_section, pr.stalled_since, c.id AS chain_id, coalesce(c.is_key, false) AS key_chain,
           pr.stage <> 'terminated' AS live,
           coalesce(t.top500, false) AS top500, coalesce(t.fortune500, false) AS fortune500
      FROM projects pr
      LEFT JOIN chain_segments s ON s.id = pr.chain_node_id
      LEFT JOIN chains c ON c.id = s.chain_id
      LEFT JOIN LATERAL (
        SELECT bool_or(e.tags && ARRAY['fortune_global_500', 'china_top_500', 'private_top_500']::text[]) AS top500,
               bool_or('fortune_global_500' = ANY (e.tags)) AS fortune500
          FROM project_enterprises pe JOIN enterprises e ON e.id = pe.enterprise_id
         WHERE pe.project_id = pr.id
      ) t ON true
     WHERE pr.id = ANY (ids)
  ),
  -- The reports the facts use: the current version of each month (funds) and the first (timeliness).
  r AS MATERIALIZED (
    SELECT x.project_id, x.month, x.funds_in_place_wan, x.is_current, x.version, x.late
      FROM p CROSS JOIN LATERAL (
        SELECT rep.project_id, rep.month, rep.funds_in_place_wan, rep.is_current, rep.version, rep.late
          FROM progress_reports rep
         WHERE rep.project_id = p.id AND (rep.is_current OR rep.version = 1)
        OFFSET 0
      ) x
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
    UNION ALL SELECT r.project_id, r.month, 'funds', r.funds_in_place_wan FROM r WHERE r.is_current
  ),
  own (id, m, metric, amount) AS (
              SELECT id, m, metric, amount FROM dated
    UNION ALL SELECT r.project_id, r.month, 'reports', 0 FROM r WHERE r.version = 1
    UNION ALL SELECT r.project_id, r.month, 'reports_on_time', 0 FROM r WHERE r.version = 1 AND NOT r.late
    UNION ALL SELECT id, 'current', 'stage:' || stage, total FROM p
    UNION ALL SELECT id, 'current', 'chain:' || chain_id::text, total FROM p WHERE live AND chain_id IS NOT NULL
    UNION ALL SELECT id, 'current', 'stalled', total FROM p WHERE stalled_since IS NOT NULL
  ),
  -- The other regions a project is credited to (transfers credit both sides, jiaxing §二(一)3).
  cr AS MATERIALIZED (
    SELECT p.id, x.region_code
      FROM p CROSS JOIN LATERAL (
        SELECT DISTINCT cc.region_code FROM coordination_credits cc
         WHERE cc.project_id = p.id AND cc.region_code <> p.host_region_code
      ) x
  )
  SELECT o.id, p.host_region_code, 'host', o.m, o.metric, 1, coalesce(o.amount, 0)::numeric
    FROM own o JOIN p ON p.id = o.id
  UNION ALL
  SELECT d.id, cr.region_code, 'credit', d.m, d.metric, 1, coalesce(d.amount, 0)::numeric
    FROM dated d JOIN cr ON cr.id = d.id
$$;
