import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
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

/** The largest active projects hosted in a subtree that the caller may see (walks the total-investment index). */
export async function majorProjects(db: Db, scope: Scope, rootPath: string, limit: number): Promise<ProjectBrief[]> {
  return rows<ProjectBrief>(
    db,
    sql`select ${BRIEF} from projects join regions r on r.code = projects.host_region_code
        where r.path like ${rootPath + '%'} and projects.stage not in ('terminated', 'achieved')
          and ${projectVisible(scope)}
        order by projects.total_investment_wan desc, projects.id limit ${limit}`,
  );
}

/** Escalated projects (提级) of a subtree, newest first. */
export async function escalatedProjects(
  db: Db,
  scope: Scope,
  rootPath: string,
  limit: number,
): Promise<(ProjectBrief & { escalated_on: string; three_ones_complete: boolean })[]> {
  return rows(
    db,
    sql`select ${BRIEF}, e.escalated_on::text as escalated_on, (e.completed_at is not null) as three_ones_complete
        from escalations e join projects on projects.id = e.project_id join regions r on r.code = projects.host_region_code
        where r.path like ${rootPath + '%'} and ${projectVisible(scope)}
        order by e.escalated_on desc, projects.id limit ${limit}`,
  );
}

/** Stalled projects of a subtree, longest stalled first. */
export async function stalledProjects(db: Db, scope: Scope, rootPath: string, limit: number): Promise<ProjectBrief[]> {
  return rows<ProjectBrief>(
    db,
    sql`select ${BRIEF} from projects join regions r on r.code = projects.host_region_code
        where projects.stalled_since is not null and r.path like ${rootPath + '%'} and ${projectVisible(scope)}
        order by projects.stalled_since, projects.id limit ${limit}`,
  );
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
    limit: number;
    offset: number;
  },
): Promise<{ items: (ProjectBrief & { amount: string; month: string })[]; total: number }> {
  const where = sql`f.metric = ${options.metric} and f.month >= ${options.from} and f.month <= ${options.to}
    and f.basis in (${sql.join(
      options.basis.map((b) => sql`${b}`),
      sql`, `,
    )})
    and f.region_code in (select code from regions where path like ${options.rootPath + '%'})
    and ${projectVisible(scope)}`;
  const items = await rows<ProjectBrief & { amount: string; month: string }>(
    db,
    sql`select ${BRIEF}, f.amount::text as amount, f.month
        from summary_facts f join projects on projects.id = f.project_id join regions r on r.code = projects.host_region_code
        where ${where}
        order by f.amount desc, projects.id limit ${options.limit} offset ${options.offset}`,
  );
  const [count] = await rows<{ total: string | number }>(
    db,
    sql`select count(*) as total from summary_facts f join projects on projects.id = f.project_id where ${where}`,
  );
  return { items, total: Number(count?.total ?? 0) };
}
