/**
 * The benchmark registry: one entry per endpoint, each with the HTTP request and the SQL the
 * repository runs for it, written out, so `npm run bench` can set the API against the bare
 * database. A later feature (duplicate check, matching, dashboard, ranking) adds one entry.
 *
 * `i` numbers the requests of a run; an entry with `cycle: 2` is run in pairs (request 2k and
 * 2k+1 go, in order, over one connection), which is how a transition goes forward and back again.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../src/domain/canonical-json';
import { factorMatchPlan } from '../src/server/modules/factors/bench-plan';
import type { BenchContext } from './lib/context';
import type { SqlPlan, SqlStatement } from './lib/sql';
import { VISIBLE } from './lib/visible';

export interface BenchEndpoint {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path(ctx: BenchContext, i: number): string;
  body?(ctx: BenchContext, i: number): unknown;
  sql(ctx: BenchContext, i: number): SqlPlan;
  /** Requests that belong together, sent in order over one connection (default 1). */
  cycle?: number;
  /** Counted in the API overhead goal (reads); writes are reported without a goal. */
  read?: boolean;
  /**
   * Undoes what the runs wrote since `since` (rows the bench user added), so repeated runs read
   * the same data instead of ever longer timelines and report histories.
   */
  cleanup?(ctx: BenchContext, since: Date): SqlPlan;
}

const pick = <T>(list: readonly T[], i: number): T => {
  if (list.length === 0) throw new Error('the bench context has an empty pool; is the data generated?');
  return list[i % list.length]!;
};

const q = (text: string, ...params: unknown[]): SqlStatement => ({ text, params });
/** A statement the app runs prepared (`preparedStatement`): the bench runs it prepared too, under its own name. */
const named = (name: string, text: string, ...params: unknown[]): SqlStatement => ({
  name: `bench_${name}`,
  text,
  params,
});

// ------------------------------------------------------------------ SQL shared by the entries
// These mirror src/server/modules/projects/repository.ts and enterprises/repository.ts.

/** `selectProjects(db)`: the project row with its unit and region names and its enterprises. */
const PROJECT_SELECT = `select p.*, first_units.name as first_unit_name, responsible_units.name as responsible_unit_name,
    first_regions.name as first_region_name, host_regions.name as host_region_name,
    coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name, 'creditCode', e.credit_code, 'role', pe.role)
        order by pe.role, e.name)
      from project_enterprises pe join enterprises e on e.id = pe.enterprise_id
      where pe.project_id = p.id), '[]'::json) as enterprises
  from projects p
  join units first_units on first_units.id = p.first_unit_id
  join units responsible_units on responsible_units.id = p.responsible_unit_id
  join regions first_regions on first_regions.code = p.first_region_code
  join regions host_regions on host_regions.code = p.host_region_code`;

const PROJECT_IN_SCOPE = `${PROJECT_SELECT} where p.id = $1 and ${VISIBLE('$2', '$3')} limit 1`;

const TRANSITIONS = `select t.id, t.from_stage, t.to_stage, t.direction, t.reason, t.gate, t.actor_id,
    actors.display_name, t.at
  from project_transitions t left join users actors on actors.id = t.actor_id
  where t.project_id = $1 order by t.at asc, t.id asc`;

const REPORTS = `select r.id, r.month, r.version, r.is_current, r.text, r.substantive_progress, r.funds_in_place_wan,
    r.problems, r.unit_id, units.name, r.submitted_by, actors.display_name, r.submitted_at, r.late, r.correction_reason
  from progress_reports r join units on units.id = r.unit_id left join users actors on actors.id = r.submitted_by
  where r.project_id = $1 order by r.month desc, r.version desc`;

const TASK_FORCES = `select tf.id, tf.leader_name, tf.lead_unit_id, units.name, tf.members, tf.note, tf.assigned_at, tf.active
  from task_forces tf join units on units.id = tf.lead_unit_id
  where tf.project_id = $1 order by tf.assigned_at desc`;

/** `loadProject`: the row, then its timeline, reports and task forces. */
function loadProject(ctx: BenchContext, id: string): SqlPlan['steps'] {
  return [
    named('project_by_id', PROJECT_IN_SCOPE, id, ctx.user.pathPattern, ctx.user.id),
    [
      named('project_transitions', TRANSITIONS, id),
      named('project_reports', REPORTS, id),
      named('project_task_forces', TASK_FORCES, id),
    ],
  ];
}

/** `recordAudit`: the advisory lock, the last hash, the new row chained to it (hashed as the app does). */
function audit(ctx: BenchContext, action: string, entityId: string, regionCode: string, after: unknown) {
  return [
    q(`select pg_advisory_xact_lock(7220400)`),
    q(`select hash from audit_log order by seq desc limit 1`),
    (prev: { rows: Array<Record<string, unknown>> }[]) => {
      const prevHash = String(prev[prev.length - 1]?.rows[0]?.hash ?? '0'.repeat(64));
      const fields = {
        at: new Date().toISOString(),
        actorId: ctx.user.id,
        action,
        entity: 'project',
        entityId,
        regionCode,
        before: null,
        after: JSON.parse(JSON.stringify(after)) as unknown,
      };
      const hash = createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
      return q(
        `insert into audit_log (at, actor_id, action, entity, entity_id, region_code, before, after, prev_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        fields.at,
        fields.actorId,
        action,
        'project',
        entityId,
        regionCode,
        null,
        JSON.stringify(fields.after),
        prevHash,
        hash,
      );
    },
  ];
}

/** Mirrors coordination/repository.ts `findDuplicateCandidates`: the same enterprise's similar projects, any region. */
const DUPLICATES = `with own as (
    select id, credit_code, name_core from enterprises where id = any($2::uuid[])
  ), matched as (
    select id, case when credit_code is not null then 'credit_code' else 'name_core' end as basis from own
    union
    select e.id, 'name_core' from enterprises e
    where e.name_core in (select name_core from own where name_core <> '') and e.id not in (select id from own)
  )
  select p.id, p.first_region_code, r.name, r.path, p.first_unit_id, u.name, fr.exclusivity_ends_on::text, min(m.basis)
  from matched m
  join project_enterprises pe on pe.enterprise_id = m.id
  join projects p on p.id = pe.project_id
  join regions r on r.code = p.first_region_code
  join units u on u.id = p.first_unit_id
  left join first_reports fr on fr.project_id = p.id
  where p.id <> $1 and p.stage not in ('terminated', 'achieved')
    and (similarity(p.name_core, $3) >= 0.3 or ($4::text is not null and p.industry_division = $4))
  group by p.id, r.name, r.path, u.name, fr.exclusivity_ends_on
  order by min(m.basis), p.id limit 20`;

// ------------------------------------------------------------------ the registry

/** The portal supply bench's three visitors, in turn: a whole province, the bench city's parcels, one land use. */
function portalSupplyQuery(
  ctx: BenchContext,
  i: number,
): { query: string; region: string; kind?: 'parcel'; use?: 'industrial' } {
  const province = `${ctx.user.regionCode.slice(0, 2)}0000`;
  switch (i % 3) {
    case 0:
      return { query: `region=${province}`, region: province };
    case 1:
      return { query: `region=${ctx.user.regionCode}&kind=parcel`, region: ctx.user.regionCode, kind: 'parcel' };
    default:
      return { query: `region=${province}&use=industrial`, region: province, use: 'industrial' };
  }
}

export const ENDPOINTS: BenchEndpoint[] = [
  {
    name: 'project list (filters + search)',
    method: 'GET',
    read: true,
    path: (ctx, i) =>
      `/api/projects?database=negotiating&q=${encodeURIComponent(pick(ctx.projectTerms, i))}` +
      `&hostRegion=${pick(ctx.hostRegions, i)}`,
    sql: (ctx, i) => {
      const term = `%${pick(ctx.projectTerms, i)}%`;
      const where = `${VISIBLE('$1', '$2')}
        and p.stage in ('negotiating')
        and (p.name ilike $3 or exists (select 1 from project_enterprises pe
          join enterprises e on e.id = pe.enterprise_id where pe.project_id = p.id and e.name ilike $3))
        and p.host_region_code in (select code from regions where path like
          (select path from regions where code = $4) || '%')`;
      const params = [ctx.user.pathPattern, ctx.user.id, term, pick(ctx.hostRegions, i)];
      // The page and its total in one statement, as `listProjects` does (a window count).
      return {
        steps: [
          // Prepared with its page as parameters, as the app prepares the list per shape.
          named(
            'project_list',
            `${PROJECT_SELECT.replace('select p.*,', 'select p.*, (count(*) over ())::int as total,')} where ${where}
             order by p.updated_at desc, p.id asc limit $5 offset $6`,
            ...params,
            20,
            0,
          ),
        ],
      };
    },
  },
  {
    name: 'project page',
    method: 'GET',
    read: true,
    path: (ctx, i) => `/api/projects/${pick(ctx.readIds, i)}`,
    sql: (ctx, i) => ({ steps: loadProject(ctx, pick(ctx.readIds, i)) }),
  },
  {
    name: 'transition (forward, back)',
    method: 'POST',
    cycle: 2,
    cleanup: (ctx, since) => ({
      steps: [
        q(
          `delete from project_transitions where project_id = any($1::uuid[]) and actor_id = $2 and at >= $3`,
          ctx.transitionIds,
          ctx.user.id,
          since,
        ),
      ],
    }),
    path: (ctx, i) => `/api/projects/${pick(ctx.transitionIds, Math.floor(i / 2))}/transitions`,
    body: (_ctx, i) =>
      i % 2 === 0 ? { to: 'intent' } : { to: 'negotiating', reason: '基准测试：退回洽谈 / bench: back to negotiating' },
    sql: (ctx, i) => {
      const id = pick(ctx.transitionIds, Math.floor(i / 2));
      const forward = i % 2 === 0;
      const [from, to] = forward ? ['negotiating', 'intent'] : ['intent', 'negotiating'];
      return {
        transaction: true,
        steps: [
          q(`${PROJECT_IN_SCOPE} for update of p`, id, ctx.user.pathPattern, ctx.user.id),
          q(
            `update projects set stage = $2, stage_entered_on = $3, version = version + 1, updated_at = now()
             where id = $1 returning id`,
            id,
            to,
            ctx.today,
          ),
          q(
            `insert into project_transitions (project_id, from_stage, to_stage, direction, reason, gate, actor_id)
             values ($1, $2, $3, $4, $5, '{}'::jsonb, $6)`,
            id,
            from,
            to,
            forward ? 'forward' : 'backward',
            forward ? null : 'bench: back to negotiating',
            ctx.user.id,
          ),
          ...loadProject(ctx, id),
          ...audit(ctx, forward ? 'project.forward' : 'project.backward', id, ctx.regionOf.get(id) ?? '', {
            id,
            transition: { from, to },
          }),
        ],
      };
    },
  },
  {
    name: 'monthly report submit',
    method: 'POST',
    cleanup: (ctx, since) => ({
      transaction: true,
      steps: [
        q(
          `delete from progress_reports where project_id = any($1::uuid[]) and submitted_by = $2 and submitted_at >= $3`,
          ctx.reportIds,
          ctx.user.id,
          since,
        ),
        q(
          `update progress_reports set is_current = true where id in (
             select distinct on (project_id, month) id from progress_reports
             where project_id = any($1::uuid[]) and month = $2 order by project_id, month, version desc)`,
          ctx.reportIds,
          ctx.month,
        ),
      ],
    }),
    path: (ctx, i) => `/api/projects/${pick(ctx.reportIds, i)}/reports`,
    body: (ctx, i) => ({
      month: ctx.month,
      text: `本月完成项目前期手续办理，推进设备采购（基准测试 ${i}）`,
      substantiveProgress: true,
      fundsInPlaceWan: '120.00',
      problems: null,
      correctionReason: '基准测试更正 / bench correction',
    }),
    sql: (ctx, i) => {
      const id = pick(ctx.reportIds, i);
      return {
        transaction: true,
        steps: [
          q(
            `select p.id, p.code, p.name, p.stage, p.first_unit_id, p.first_region_code, p.host_region_code,
               p.responsible_unit_id, responsible_units.region_code, p.last_substantive_progress_on, p.stalled_since
             from projects p join units responsible_units on responsible_units.id = p.responsible_unit_id
             where p.id = $1 and ${VISIBLE('$2', '$3')} limit 1 for update of p`,
            id,
            ctx.user.pathPattern,
            ctx.user.id,
          ),
          // effectivePolicy: the lineage of the responsible unit's region (the packs are files).
          q(`select path from regions where code = $1`, ctx.user.regionCode),
          q(`select * from progress_reports where project_id = $1 and month = $2 order by version desc`, id, ctx.month),
          // the report as it was, for the audit row
          q(REPORTS, id),
          q(`update progress_reports set is_current = false where project_id = $1 and month = $2`, id, ctx.month),
          q(
            `insert into progress_reports (project_id, month, version, is_current, text, substantive_progress,
               funds_in_place_wan, problems, unit_id, submitted_by, submitted_at, late, correction_reason)
             select $1, $2, coalesce(max(r.version), 0) + 1, true, $3, true, '120.00', null, p.responsible_unit_id,
               $4, now(), true, 'bench correction'
             from projects p left join progress_reports r on r.project_id = p.id and r.month = $2
             where p.id = $1 group by p.responsible_unit_id returning id`,
            id,
            ctx.month,
            `本月完成项目前期手续办理，推进设备采购（基准测试 ${i}）`,
            ctx.user.id,
          ),
          q(
            `update projects set last_substantive_progress_on = greatest(coalesce(last_substantive_progress_on, $2::date), $2::date),
               stalled_since = null, updated_at = now() where id = $1`,
            id,
            ctx.today,
          ),
          q(REPORTS, id),
          ...audit(ctx, 'project.report_corrected', id, ctx.regionOf.get(id) ?? '', { id, month: ctx.month }),
        ],
      };
    },
  },
  {
    // Goal: p50 ≤ 20 ms over 200k projects (coordination issue, point 3).
    name: 'duplicate check (all regions)',
    method: 'GET',
    read: true,
    path: (ctx, i) => `/api/coordination/projects/${pick(ctx.readIds, i)}/duplicates`,
    sql: (ctx, i) => {
      const id = pick(ctx.readIds, i);
      return {
        steps: [
          q(
            `select p.* from projects p where p.id = $1 and ${VISIBLE('$2', '$3')} limit 1`,
            id,
            ctx.user.pathPattern,
            ctx.user.id,
          ),
          q(`select enterprise_id from project_enterprises where project_id = $1`, id),
          (prev) => {
            const project = prev[0]?.rows[0] ?? {};
            const enterpriseIds = (prev[1]?.rows ?? []).map((r) => String(r.enterprise_id));
            return q(DUPLICATES, id, enterpriseIds, project.name_core ?? '', project.industry_division ?? null);
          },
          q(`select code, name, path, level from regions where code = $1`, ctx.user.regionCode),
        ],
      };
    },
  },
  {
    // Mirrors src/server/modules/dashboard (reads region_month_summary kept by triggers, plus three short lists).
    name: 'dashboard',
    method: 'GET',
    read: true,
    path: () => '/api/dashboard',
    sql: (ctx) => {
      const path = ctx.user.pathPattern;
      const year = ctx.today.slice(0, 4);
      const childLength = path.length - 1 + 7;
      return {
        steps: [
          [
            q(
              `select substring(r.path, 1, $1) as child_path, s.metric, sum(s.count), sum(s.amount)::text
               from region_month_summary s join regions r on r.code = s.region_code
               where r.path like $2 and s.month >= $3 and s.month <= $4 and s.basis in ('host') group by 1, 2`,
              childLength,
              path,
              `${year}-01`,
              `${year}-12`,
            ),
            q(
              `select s.metric, sum(s.count), sum(s.amount)::text from region_month_summary s
               where s.region_code in (select code from regions where path like $1) and s.basis = 'host'
                 and s.month = 'current' group by 1`,
              path,
            ),
            q(
              `select s.month, s.metric, sum(s.count), sum(s.amount)::text from region_month_summary s
               where s.region_code in (select code from regions where path like $1) and s.basis = 'host'
                 and s.month >= $2 and s.month <= $3 and s.metric in ('signed', 'funds') group by 1, 2`,
              path,
              `${year}-01`,
              `${year}-12`,
            ),
            q(
              `select p.id, p.code, p.name from projects p join regions r on r.code = p.host_region_code
               where r.path like $1 and p.stage not in ('terminated', 'achieved') and ${VISIBLE('$1', '$2')}
               order by p.total_investment_wan desc, p.id limit 10`,
              path,
              ctx.user.id,
            ),
            q(
              `select p.id, p.code, p.name from projects p join regions r on r.code = p.host_region_code
               where p.stalled_since is not null and r.path like $1 and ${VISIBLE('$1', '$2')}
               order by p.stalled_since, p.id limit 10`,
              path,
              ctx.user.id,
            ),
          ],
        ],
      };
    },
  },
  {
    // Mirrors src/server/modules/assessment computeRanking: the quarter to date, host and credited regions.
    name: 'ranking (quarter)',
    method: 'GET',
    read: true,
    path: (ctx) =>
      `/api/assessment/rankings?region=${ctx.user.regionCode}&period=${ctx.today.slice(0, 4)}-Q${Math.ceil(Number(ctx.today.slice(5, 7)) / 3)}`,
    sql: (ctx) => {
      const path = ctx.user.pathPattern;
      const year = ctx.today.slice(0, 4);
      const to = `${year}-${String(Math.ceil(Number(ctx.today.slice(5, 7)) / 3) * 3).padStart(2, '0')}`;
      return {
        steps: [
          [
            q(`select * from regions where parent_code = $1 order by sort, code`, ctx.user.regionCode),
            q(
              `select substring(r.path, 1, $1) as child_path, s.metric, sum(s.count), sum(s.amount)::text
               from region_month_summary s join regions r on r.code = s.region_code
               where r.path like $2 and s.month >= $3 and s.month <= $4 and s.basis in ('host', 'credit') group by 1, 2`,
              path.length - 1 + 7,
              path,
              `${year}-01`,
              to,
            ),
            q(`select region_code, indicator, value::text from targets where year = $1`, Number(year)),
          ],
        ],
      };
    },
  },
  {
    name: 'enterprise search',
    method: 'GET',
    read: true,
    path: (ctx, i) => `/api/enterprises?q=${encodeURIComponent(pick(ctx.enterpriseTerms, i))}`,
    sql: (ctx, i) => {
      const term = `%${pick(ctx.enterpriseTerms, i)}%`;
      const where = `e.region_code in (select code from regions where path like $1)
        and (e.name ilike $2 or e.name_core ilike $2)`;
      // The page and its total in one statement, as `listEnterprises` does (a window count).
      return {
        steps: [
          q(
            `select e.id, e.name, e.name_core, e.name_pinyin, e.credit_code, e.registered_capital_wan, e.hq_country,
               e.hq_region_code, e.industry_section, e.industry_division, e.tags, e.region_code, e.unit_id,
               e.created_by, e.version, e.created_at, e.updated_at, regions.name, units.name, hq_regions.name,
               (count(*) over ())::int as total
             from enterprises e join regions on regions.code = e.region_code join units on units.id = e.unit_id
             left join regions hq_regions on hq_regions.code = e.hq_region_code
             where ${where} order by e.updated_at desc, e.id asc limit 20 offset 0`,
            ctx.user.pathPattern,
            term,
          ),
        ],
      };
    },
  },
  {
    // The investor portal's supply list (jilin §四(一)): public, what a visitor browsing a province,
    // a city's parcels or one land use sees first. Mirrors portal/repository.ts listPublishedSupply.
    name: 'portal supply (public)',
    method: 'GET',
    read: true,
    path: (ctx, i) => `/api/public/supply?${portalSupplyQuery(ctx, i).query}`,
    sql: (ctx, i) => {
      const { region, kind, use } = portalSupplyQuery(ctx, i);
      const subtree = (alias: string) =>
        `${alias}.published and ${alias}.status in ('available', 'reserved')
         and ${alias}.region_code in (select code from regions where path like (select path from regions where code = $1) || '%')`;
      const parts = [
        `select p.id, 'parcel' as kind, p.code, p.name, p.region_code, p.area_mu::text as size,
            p.use, null::text as building_kind, p.address, p.lng::text as lng, p.lat::text as lat,
            case when p.price_kind = 'listed' then p.price_wan_per_mu::text end as price,
            p.ready_to_build, p.available_on::text as available_on, p.status
          from parcels p where ${subtree('p')}${use ? ` and p.use = $2` : ''}`,
      ];
      // A kind or a land use leaves the buildings out, as the repository does.
      if (!kind && !use) {
        parts.push(`select b.id, 'building' as kind, b.code, b.name, b.region_code, b.floor_area_m2::text as size,
            null::text as use, b.kind as building_kind, b.address, b.lng::text as lng, b.lat::text as lat,
            b.rent_yuan_m2_month::text as price, null::boolean as ready_to_build,
            b.available_on::text as available_on, b.status
          from buildings b where ${subtree('b')}`);
      }
      return {
        steps: [
          q(
            `select s.*, r.name, r.name_en, (count(*) over ())::int as total
             from (${parts.join(' union all ')}) s join regions r on r.code = s.region_code
             order by s.region_code, s.code, s.kind limit 20 offset 0`,
            region,
            ...(use ? [use] : []),
          ),
        ],
      };
    },
  },
  {
    // Factor matching (liaoyuan §三.五): ranked parcels for a project; goal < 50 ms.
    name: 'factor matching',
    method: 'GET',
    read: true,
    path: (ctx, i) => `/api/factors/match?projectId=${pick(ctx.readIds, i)}`,
    sql: (ctx, i) => factorMatchPlan(ctx, pick(ctx.readIds, i)),
  },
];
