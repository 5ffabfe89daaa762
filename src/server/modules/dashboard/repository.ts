import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
import { splitWindowTotal, windowTotal } from '../../lib/listing';
import type { Scope } from '../../lib/scope';
import { projectVisible } from '../projects/repository';

export interface ProjectBrief {
  id: string;
  code: string;
  name: string;
  stage: string;
  host_region_code: string;
  host_region_name: string;
  total_investment_wan: string;
  stalled_since: string | null;
}

const BRIEF = sql`projects.id, projects.code, projects.name, projects.stage, projects.host_region_code, r.name as host_region_name,
  projects.total_investment_wan::text as total_investment_wan, projects.stalled_since::text as stalled_since`;

export type EscalatedBrief = ProjectBrief & { escalated_on: string; three_ones_complete: boolean };

export interface ProjectLists {
  major: ProjectBrief[];
  escalated: EscalatedBrief[];
  stalled: ProjectBrief[];
}

/**
 * The dashboard's three short lists of a subtree, of the projects the caller may see, read in one
 * statement: the largest active projects (walking the total-investment index), escalated projects
 * (提级) newest first, and stalled projects longest stalled first; at most `limit` of each.
 */
export async function projectLists(db: Db, scope: Scope, rootPath: string, limit: number): Promise<ProjectLists> {
  const inTree = sql`r.path like ${rootPath + '%'} and ${projectVisible(scope)}`;
  const list = await rows<
    ProjectBrief & { list: keyof ProjectLists; pos: number; escalated_on: string; three_ones_complete: boolean }
  >(
    db,
    sql`(select 'major' as list, row_number() over (order by projects.total_investment_wan desc, projects.id)::int as pos,
          ${BRIEF}, null::text as escalated_on, null::boolean as three_ones_complete
        from projects join regions r on r.code = projects.host_region_code
        where projects.stage not in ('terminated', 'achieved') and ${inTree}
        order by projects.total_investment_wan desc, projects.id limit ${limit})
      union all
      (select 'escalated', row_number() over (order by e.escalated_on desc, projects.id)::int,
          ${BRIEF}, e.escalated_on::text, e.completed_at is not null
        from escalations e join projects on projects.id = e.project_id join regions r on r.code = projects.host_region_code
        where ${inTree}
        order by e.escalated_on desc, projects.id limit ${limit})
      union all
      (select 'stalled', row_number() over (order by projects.stalled_since, projects.id)::int,
          ${BRIEF}, null, null
        from projects join regions r on r.code = projects.host_region_code
        where projects.stalled_since is not null and ${inTree}
        order by projects.stalled_since, projects.id limit ${limit})`,
  );
  const of = <K extends keyof ProjectLists>(key: K) =>
    list.filter((r) => r.list === key).sort((a, b) => a.pos - b.pos) as unknown as ProjectLists[K];
  return { major: of('major'), escalated: of('escalated'), stalled: of('stalled') };
}

/** Chain names by id. */
export async function chainNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name from chains where id::text in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Map(list.map((r) => [r.id, r.name]));
}

/**
 * The projects behind one summary number: the facts of `metric` in months [from, to] for regions
 * of the subtree, that the caller may see.
 */
export async function drillProjects(
  db: Db,
  scope: Scope,
  options: {
    rootPath: string;
    metric: string;
    from: string;
    to: string;
    basis: ('host' | 'credit')[];
    page: number;
    pageSize: number;
  },
): Promise<{ items: (ProjectBrief & { amount: string; month: string })[]; total: number }> {
  const where = sql`f.metric = ${options.metric} and f.month >= ${options.from} and f.month <= ${options.to}
    and f.basis in (${sql.join(
      options.basis.map((b) => sql`${b}`),
      sql`, `,
    )})
    and f.region_code in (select code from regions where path like ${options.rootPath + '%'})
    and ${projectVisible(scope)}`;
  const paged = await rows<ProjectBrief & { amount: string; month: string; total: number }>(
    db,
    sql`select ${BRIEF}, f.amount::text as amount, f.month, ${windowTotal} as total
        from summary_facts f join projects on projects.id = f.project_id join regions r on r.code = projects.host_region_code
        where ${where}
        order by f.amount desc, projects.id
        limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`,
  );
  const { rows: items, total } = await splitWindowTotal(paged, options.page, () =>
    rows<{ total: number }>(
      db,
      sql`select count(*)::int as total from summary_facts f join projects on projects.id = f.project_id where ${where}`,
    ),
  );
  return { items, total };
}
