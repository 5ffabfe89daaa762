/**
 * What the benchmark requests are made of, read from the database once per engine: the signed-in
 * user and its scope, and pools of project ids, regions and search terms that user really sees.
 */
import { chinaDate } from '../../src/domain/reporting';
import type { RawDriver } from './sql';
import { VISIBLE } from './visible';

export interface BenchUser {
  id: string;
  username: string;
  role: string;
  unitId: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  /** `path%`: the caller's subtree, as `regionInScope` matches it. */
  pathPattern: string;
}

export interface BenchContext {
  user: BenchUser;
  /** China calendar date and month of the run. */
  today: string;
  month: string;
  /** Projects read by the page bench (any stage, none of the write pools). */
  readIds: string[];
  /** Negotiating projects moved forward to intent and back. */
  transitionIds: string[];
  /** Projects in a reporting stage (intent … producing) that get a monthly report. */
  reportIds: string[];
  /** List search: `projectTerms[k]` is searched within `hostRegions[k]` (the same k). */
  projectTerms: string[];
  hostRegions: string[];
  enterpriseTerms: string[];
  /** Host region of each project in the write pools, for the audit row. */
  regionOf: Map<string, string>;
  /** Visible projects / enterprises: the size of the data the user works on. */
  visibleProjects: number;
  visibleEnterprises: number;
}

/** Projects the bench user sees; `$1` and `$2` are `scope` below. */
const VISIBLE_TO_USER = VISIBLE('$1', '$2');

/** A substring of `text` of `length` characters around its middle (whole code points). */
function middle(text: string, length: number): string {
  const chars = [...text];
  const start = Math.max(0, Math.floor((chars.length - length) / 2));
  return chars.slice(start, start + length).join('');
}

export async function findBenchUser(driver: RawDriver, username: string): Promise<BenchUser | undefined> {
  const { rows } = await driver.query(
    `select u.id, u.username, u.role, u.unit_id, units.region_code, regions.name as region_name,
       regions.level, regions.path
     from users u join units on units.id = u.unit_id join regions on regions.code = units.region_code
     where lower(u.username) = lower($1) and u.active`,
    [username],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: String(r.id),
    username: String(r.username),
    role: String(r.role),
    unitId: String(r.unit_id),
    regionCode: String(r.region_code),
    regionName: String(r.region_name),
    regionLevel: String(r.level),
    pathPattern: `${String(r.path)}%`,
  };
}

export async function buildContext(driver: RawDriver, user: BenchUser): Promise<BenchContext> {
  const today = chinaDate(new Date());
  const scope = [user.pathPattern, user.id];
  // md5 order: a spread over the data that is the same on every run and engine.
  const sample = async (where: string, limit: number) =>
    (
      await driver.query(
        `select p.id, p.name, p.host_region_code from projects p
         where ${VISIBLE_TO_USER} and ${where} order by md5(p.id::text) limit ${limit}`,
        scope,
      )
    ).rows.map((r) => ({ id: String(r.id), name: String(r.name), host: String(r.host_region_code) }));

  const transition = await sample(`p.stage = 'negotiating' and p.confidentiality = 'normal'`, 400);
  const report = await sample(
    `p.stage in ('intent', 'signed', 'registered', 'started', 'producing') and p.confidentiality = 'normal'`,
    1000,
  );
  const writes = new Set([...transition, ...report].map((p) => p.id));
  const read = (await sample(`true`, 2000)).filter((p) => !writes.has(p.id)).slice(0, 500);
  const negotiating = await sample(`p.stage = 'negotiating'`, 200);

  // Half the searches are a two-character word (too short for a trigram), half four characters.
  const projectTerms = negotiating.map((p, k) => middle(p.name.replace(/项目$/, ''), k % 2 === 0 ? 4 : 2));
  const hostRegions = negotiating.map((p) => p.host);

  const enterprises = (
    await driver.query(
      `select e.name_core from enterprises e
       where e.region_code in (select code from regions where path like $1) and length(e.name_core) >= 4
       order by md5(e.id::text) limit 200`,
      [user.pathPattern],
    )
  ).rows.map((r) => String(r.name_core));
  // The trade name (字号, first two characters) as people type it, or four characters of the core.
  const enterpriseTerms = enterprises.map((core, k) =>
    k % 2 === 0 ? [...core].slice(0, 2).join('') : middle(core, 4),
  );

  const counts = (
    await driver.query(
      `select (select count(*) from projects p where ${VISIBLE_TO_USER}) as projects,
         (select count(*) from enterprises e where e.region_code in (select code from regions where path like $1)) as enterprises`,
      scope,
    )
  ).rows[0]!;

  return {
    user,
    today,
    month: today.slice(0, 7),
    readIds: read.map((p) => p.id),
    transitionIds: transition.map((p) => p.id),
    reportIds: report.map((p) => p.id),
    projectTerms,
    hostRegions,
    enterpriseTerms,
    regionOf: new Map([...transition, ...report].map((p) => [p.id, p.host])),
    visibleProjects: Number(counts.projects),
    visibleEnterprises: Number(counts.enterprises),
  };
}
