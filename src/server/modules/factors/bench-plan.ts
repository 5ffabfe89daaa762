/**
 * The bare SQL behind GET /api/factors/match, for the benchmark's API ÷ SQL ratio (bench/endpoints.ts
 * registers it). It mirrors matching.service.ts + repository.ts: the project row, its demand, the
 * preferred regions (the demand's, or the host region when it has recorded none), the candidates
 * near the wanted land (the demand's, or the project's land demand), their quotas.
 */
import type { BenchContext } from '../../../../bench/lib/context';
import type { SqlPlan, SqlStatement } from '../../../../bench/lib/sql';
import { VISIBLE } from '../../../../bench/lib/visible';
import { minimumCandidateSize } from '../../../domain/matching';
import { CANDIDATE_POOL } from './repository';

const q = (text: string, ...params: unknown[]): SqlStatement => ({ text, params });

const PROJECT = `select p.*, fu.name, ru.name, fr.name, hr.name,
    coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name, 'creditCode', e.credit_code, 'role', pe.role)
      order by pe.role, e.name) from project_enterprises pe join enterprises e on e.id = pe.enterprise_id
      where pe.project_id = p.id), '[]'::json) as enterprises
  from projects p join units fu on fu.id = p.first_unit_id join units ru on ru.id = p.responsible_unit_id
  join regions fr on fr.code = p.first_region_code join regions hr on hr.code = p.host_region_code
  where p.id = $1 and ${VISIBLE('$2', '$3')} limit 1`;

const COLUMNS = `t.id, t.code, t.name, t.area_mu::text as size, t.use, t.ready_to_build, t.available_on::text,
  t.status, t.region_code, r.name as region_name, r.path as region_path, r.zone_level`;
const FROM = `from parcels t join regions r on r.code = t.region_code`;

/** The statements one match request runs, in order (later ones built from the rows before them). */
export function factorMatchPlan(ctx: BenchContext, projectId: string): SqlPlan {
  let wanted: string | null = null;
  return {
    steps: [
      q(PROJECT, projectId, ctx.user.pathPattern, ctx.user.id),
      q(`select * from project_demands where project_id = $1 limit 1`, projectId),
      (previous) => {
        const project = previous[0]?.rows[0];
        const demand = previous[1]?.rows[0];
        const land = demand ? demand.land_mu : project?.land_demand_mu;
        wanted = land === null || land === undefined ? null : String(land);
        const codes = demand ? (demand.preferred_regions as string[]) : [String(project?.host_region_code ?? '')];
        // The service skips this look-up when a demand names no region; one empty query stands in for it.
        return q(`select code, name, path from regions where code = any($1::text[])`, `{${codes.join(',')}}`);
      },
      (previous) => {
        const paths = (previous[previous.length - 1]?.rows ?? []).map((r) => String(r.path));
        const params: unknown[] = [];
        const p = (value: unknown) => {
          params.push(value);
          return `$${params.length}`;
        };
        const scope = p(ctx.user.pathPattern);
        const base = `t.status = 'available' and t.region_code in (select code from regions where path like ${scope})${
          wanted ? ` and t.area_mu >= ${p(minimumCandidateSize(wanted))}::numeric` : ''
        }`;
        const size = wanted ? p(wanted) : '';
        const parts: string[] = [];
        if (paths.length) {
          const preferred = paths.map((path) => `path like ${p(`${path}%`)}`).join(' or ');
          parts.push(`(select ${COLUMNS} ${FROM} where ${base}
            and t.region_code in (select code from regions where ${preferred})
            order by ${wanted ? `abs(t.area_mu - ${size}::numeric)` : 't.area_mu'}, t.code limit ${CANDIDATE_POOL})`);
        }
        if (wanted) {
          parts.push(`(select ${COLUMNS} ${FROM} where ${base} and t.area_mu >= ${size}::numeric
            order by t.area_mu, t.code limit ${CANDIDATE_POOL})`);
          parts.push(`(select ${COLUMNS} ${FROM} where ${base} and t.area_mu < ${size}::numeric
            order by t.area_mu desc, t.code limit ${CANDIDATE_POOL})`);
        } else {
          parts.push(
            `(select ${COLUMNS} ${FROM} where ${base} order by t.area_mu desc, t.code limit ${CANDIDATE_POOL})`,
          );
        }
        return { text: parts.join(' union all '), params };
      },
      (previous) => {
        const codes = new Set<string>();
        for (const row of previous[previous.length - 1]?.rows ?? []) {
          for (const code of String(row.region_path).split('/').filter(Boolean)) codes.add(code);
        }
        return q(
          `select q.region_code, q.kind, (q.total - coalesce(sum(a.amount), 0))::text as remaining
           from zone_quotas q left join quota_allocations a on a.quota_id = q.id
           where q.year = $1 and q.region_code = any($2::text[]) group by q.id`,
          Number(ctx.today.slice(0, 4)),
          `{${[...codes].join(',')}}`,
        );
      },
    ],
  };
}
