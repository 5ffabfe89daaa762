/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and the answers are JSON of any route */
/**
 * Suite (a): the authorization matrix, generated from /api/openapi.json. Every operation declares its
 * action (`x-action`, from the route's `config.action`); for every operation × every role:
 * - a role without the action gets 403 FORBIDDEN (any body: the hook refuses before validation);
 * - for every route with an object id in its path, a role with the action asking for an object of
 *   ANOTHER province gets the same answer as for a random id (GETs: 404; writes: never 2xx, 404
 *   whenever the generated body is valid), and a confidential project is the same to those who may
 *   not see it;
 * - inside the scope, the same routes answer the readers (no 403, no 5xx).
 * Ids are picked by the path segment before the parameter (projects, enterprises, tickets …) from the
 * database: a new route is covered without writing a test (an unknown segment gets a random uuid and
 * still gets the 403 checks).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBLIGATION_KIND_KEYS } from '../domain/obligations';
import { ROLE_ACTIONS, actionsOf, can, type RoleName, type RouteAction } from '../domain/permissions';
import { rows } from './db/client';
import { loadDemoFactors } from './seed/demo-factors';
import { loadDemoProjects } from './seed/demo-projects';
import { type ApiClient, startTestApp, type TestApp } from './test/harness';

const ROLES = Object.keys(ROLE_ACTIONS) as RoleName[];
/** The callers' city (辽源市, 吉林省); the other province's objects are in 甘肃省 (兰州市). */
const HOME = '220400';
const HOME_PATH = '/000000/220000/220400/';
const OTHER_PATH = '/000000/620000/';

/** The table an id parameter names, by the path segment before it. */
const TABLE_OF: Record<string, string> = {
  projects: 'projects',
  demands: 'projects',
  enterprises: 'enterprises',
  parcels: 'parcels',
  buildings: 'buildings',
  funds: 'funds',
  quotas: 'zone_quotas',
  reservations: 'reservations',
  chains: 'chains',
  'chain-segments': 'chain_segments',
  targets: 'target_enterprises',
  activities: 'activities',
  deployments: 'team_deployments',
  partners: 'partners',
  agreements: 'agreements',
  obligations: 'obligations',
  letters: 'reminder_letters',
  tickets: 'service_tickets',
  inquiries: 'inquiries',
  users: 'users',
  units: 'units',
  sampling: 'sampling_checks',
  items: 'sampling_items',
  snapshots: 'period_snapshots',
  schemes: 'assessment_schemes',
  conflicts: 'coordination_conflicts',
  transfers: 'project_transfers',
  escalations: 'escalations',
};

/** How a child table reaches a table that knows its region: [its column, the parent table]. */
const PARENT_OF: Record<string, [string, string]> = {
  chain_segments: ['chain_id', 'chains'],
  target_enterprises: ['segment_id', 'chain_segments'],
  obligations: ['agreement_id', 'agreements'],
  reminder_letters: ['obligation_id', 'obligations'],
  sampling_items: ['check_id', 'sampling_checks'],
  users: ['unit_id', 'units'],
};

interface Operation {
  method: string;
  path: string; // fastify form: /api/projects/:id
  action: RouteAction | 'public';
  params: Array<{ name: string; schema: any }>;
  query: Array<{ name: string; schema: any }>;
  body?: any;
}

let t: TestApp;
let doc: any;
let ops: Operation[];
const users = {} as Record<RoleName, ApiClient & { userId: string; unitId: string }>;
let columns: Map<string, Set<string>>;
let confidentialId: string;

/** A value the schema accepts, as far as a generator can tell (required properties only). */
function sample(schema: any, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.$ref) return sample(doc.components.schemas[schema.$ref.split('/').pop()], depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null) ?? null;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((o: any) => o.type !== 'null' && !o.not) ?? options[0], depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: any) => sample(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((x: string) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, depth + 1));
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Number(schema.exclusiveMinimum) + 1 : 1);
      return type === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-06-01';
      if (schema.format === 'date-time') return '2026-06-01T08:00:00.000Z';
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-06-01';
      return '测试'.padEnd(Math.max(schema.minLength ?? 2, 2), '试');
    }
    default:
      return null;
  }
}

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const parameters: any[] = op.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        action: op['x-action'],
        params: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

/** The table of the operation's first id parameter (none when the segment is unknown or the param is an enum). */
function tableOf(op: Operation): string | undefined {
  const first = op.params[0];
  if (!first || first.schema?.enum) return undefined;
  const segments = op.path.split('/');
  const i = segments.indexOf(`:${first.name}`);
  const table = TABLE_OF[segments[i - 1] ?? ''];
  return table && columns.has(table) ? table : undefined;
}

/** SQL for the region path of a row of `table` aliased `alias`; undefined when it cannot be told. */
function regionPathSql(table: string, alias: string, depth = 0): string | undefined {
  const cols = columns.get(table);
  if (!cols || depth > 4) return undefined;
  if (table === 'projects') return undefined; // both regions: see idOf
  if (cols.has('region_code')) return `(select path from regions where code = ${alias}.region_code)`;
  const parent = PARENT_OF[table];
  if (parent && cols.has(parent[0])) {
    const inner = regionPathSql(parent[1], `${alias}p`, depth + 1);
    if (inner) return `(select ${inner} from ${parent[1]} ${alias}p where ${alias}p.id = ${alias}.${parent[0]})`;
  }
  if (cols.has('project_id'))
    return `(select case when f.path like '${OTHER_PATH}%' and h.path like '${OTHER_PATH}%' then f.path else h.path end
      from projects p join regions f on f.code = p.first_region_code join regions h on h.code = p.host_region_code
      where p.id = ${alias}.project_id and p.confidentiality = 'normal')`;
  return undefined;
}

const found = new Map<string, string | undefined>();
/** An id of `table` whose region lies under `pathPrefix`, from the database (cached). */
async function idOf(table: string, pathPrefix: string): Promise<string | undefined> {
  const key = `${table}|${pathPrefix}`;
  if (found.has(key)) return found.get(key);
  let query: string | undefined;
  if (table === 'projects') {
    query = `select p.id from projects p join regions f on f.code = p.first_region_code join regions h on h.code = p.host_region_code
      where f.path like '${pathPrefix}%' and h.path like '${pathPrefix}%' and p.confidentiality = 'normal' order by p.id limit 1`;
  } else {
    const region = regionPathSql(table, 't');
    if (region) query = `select t.id from ${table} t where ${region} like '${pathPrefix}%' order by t.id limit 1`;
  }
  const id = query ? (await rows<{ id: string }>(t.database.db, sql.raw(query)))[0]?.id : undefined;
  found.set(key, id);
  return id;
}

/** The URL of `op` with its first id parameter set to `id` (others random, enums their first value). */
function urlOf(op: Operation, id: string): string {
  let url = op.path;
  op.params.forEach((p, i) => {
    const value = p.schema?.enum
      ? String(p.schema.enum[0])
      : i === 0
        ? id
        : p.name === 'code'
          ? '999999'
          : randomUUID();
    url = url.replace(`:${p.name}`, encodeURIComponent(value));
  });
  const query = new URLSearchParams();
  for (const q of op.query) query.set(q.name, String(sample(q.schema)));
  return query.size ? `${url}?${query}` : url;
}

/** A random id of the parameter's kind: a uuid, or a region code nobody has. */
const randomIdFor = (op: Operation) => (op.params[0]?.name === 'code' ? '999999' : randomUUID());

function call(client: ApiClient, op: Operation, url: string) {
  if (op.method === 'GET') return client.get(url);
  if (op.method === 'DELETE') return client.delete(url);
  return client.request(op.method, url, op.body ? sample(op.body) : {});
}

const summary = (r: { status: number; body: any }) => `${r.status} ${r.body?.code ?? ''}`.trim();

/** Partners, activities, deployments, tickets and a sampling check of `regionCode`, made by `leader` there. */
async function makeWorld(leader: ApiClient & { unitId: string }, regionCode: string, pathPrefix: string) {
  const projectId = await idOf('projects', pathPrefix);
  const bodies: Array<[string, Record<string, unknown>]> = [
    ['/api/partners', { kind: 'advisor', name: `矩阵伙伴${regionCode}` }],
    [
      '/api/activities',
      {
        kind: 'trip',
        title: `矩阵活动${regionCode}`,
        startDate: '2026-05-01',
        endDate: '2026-05-02',
        leaderName: '李四',
        destination: '上海',
      },
    ],
    [
      '/api/deployments',
      { teamName: `矩阵小分队${regionCode}`, destination: '上海', members: ['张三'], fromDate: '2026-05-01' },
    ],
    ['/api/services/tickets', { projectId, title: '矩阵工单', departmentId: leader.unitId, dueDate: '2026-12-31' }],
    ['/api/assessment/sampling', { regionCode, year: 2026, perUnit: 1 }],
    ['/api/chains', { name: `矩阵产业链${regionCode}`, regionCode }],
  ];
  const made: Record<string, string | undefined> = {};
  const make = async (path: string, body: Record<string, unknown>) => {
    const generated = sample(
      doc.paths[path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}')]?.post?.requestBody?.content?.['application/json']
        ?.schema,
    );
    const res = await leader.post(path, { ...(generated as object), ...body });
    if (res.status !== 201 && res.status !== 200)
      console.warn(
        `matrix world: ${path} in ${regionCode} → ${summary(res)} ${JSON.stringify(res.body?.errors ?? res.body?.detail)}`,
      );
    return res.body?.id as string | undefined;
  };
  for (const [path, body] of bodies) made[path] = await make(path, body);
  const chainId = made['/api/chains'];
  const segmentId = chainId && (await make(`/api/chains/${chainId}/segments`, { name: '矩阵环节' }));
  const enterpriseId = await idOf('enterprises', pathPrefix);
  if (segmentId) await make(`/api/chain-segments/${segmentId}/targets`, { enterpriseId });
  const [parcel] = await rows<{ id: string }>(
    t.database.db,
    sql.raw(`select p.id from parcels p join regions r on r.code = p.region_code
      where r.path like '${pathPrefix}%' and p.status = 'available' order by p.id limit 1`),
  );
  const parcelId = parcel?.id;
  await make('/api/factors/reservations', { projectId, parcelId, expiresOn: '2026-12-31' });
  // A signed project's agreement with one obligation (and a reminder letter when the service sends one).
  const [signed] = await rows<{ id: string }>(
    t.database.db,
    sql.raw(`select p.id from projects p join regions f on f.code = p.first_region_code join regions h on h.code = p.host_region_code
      where f.path like '${pathPrefix}%' and h.path like '${pathPrefix}%' and p.confidentiality = 'normal'
        and p.stage not in ('planned', 'negotiating', 'intent') order by p.id limit 1`),
  );
  if (signed) {
    const agreement = await leader.post(`/api/projects/${signed.id}/agreements`, {
      title: `矩阵投资协议${regionCode}`,
      agreementNo: `JZ-${regionCode}-001`,
      signedOn: '2025-06-01',
      enterpriseName: '矩阵企业',
      governmentParty: '人民政府',
      obligations: [
        { kind: OBLIGATION_KIND_KEYS[0], clause: '第五条', description: '按期开工', dueDate: '2025-12-31' },
      ],
    });
    if (agreement.status !== 201)
      console.warn(
        `matrix world: agreement in ${regionCode} → ${summary(agreement)} ${JSON.stringify(agreement.body?.errors)}`,
      );
    const obligationId = agreement.body?.obligations?.[0]?.id;
    if (obligationId) await make(`/api/services/obligations/${obligationId}/letters`, {});
  }
  const inquiry = await t.client().post('/api/public/inquiries', {
    company: `矩阵投资${regionCode}有限公司`,
    contactName: '王五',
    phone: '13800000000',
    message: '我们计划在贵地投资建设生产基地，请联系。',
    regionCode,
  });
  if (inquiry.status !== 201) console.warn(`matrix world: inquiry in ${regionCode} → ${summary(inquiry)}`);
  found.clear();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  // Two provinces of data: the demo world (吉林 辽源, 甘肃 兰州 …) of projects, enterprises and factors.
  await loadDemoProjects(db, { projectCount: 60 });
  await loadDemoFactors(db, { today: '2026-06-01' });
  // A confidential project at home that none of the callers' units leads.
  const [home] = await rows<{ id: string }>(
    db,
    sql.raw(`select p.id from projects p join regions f on f.code = p.first_region_code join regions h on h.code = p.host_region_code
      where f.path like '${HOME_PATH}%' and h.path like '${HOME_PATH}%' order by p.id desc limit 1`),
  );
  confidentialId = home!.id;
  await db.execute(sql`update projects set confidentiality = 'confidential' where id = ${confidentialId}`);
  const cols = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()`,
  );
  columns = new Map();
  for (const c of cols) {
    if (!columns.has(c.table_name)) columns.set(c.table_name, new Set());
    columns.get(c.table_name)!.add(c.column_name);
  }
  // One user of each role in 辽源市, and a leader in 兰州市 whose user and unit are "outside".
  for (const role of ROLES) users[role] = await t.signIn({ role, regionCode: HOME });
  const theirLeader = await t.signIn({ role: 'leader', regionCode: '620100' });
  doc = (await t.client().get('/api/openapi.json')).body;
  ops = operations();
  // The objects the demo world lacks, made through the API on both sides of the boundary.
  await makeWorld(theirLeader, '620100', OTHER_PATH);
  await makeWorld(users.leader, HOME, HOME_PATH);
}, 180_000);
const counts: Record<string, number> = {};
const randomOnly: string[] = [];
afterAll(async () => {
  // The figures docs/security-authz.md quotes; routes whose objects the world lacks are checked with random ids.
  if (process.env.AUTHZ_MATRIX_REPORT)
    console.warn(JSON.stringify({ operations: ops.length, roles: ROLES.length, ...counts, randomOnly }, null, 1));
  await t?.close();
});

describe('authorization matrix (suite a)', () => {
  it('every /api route declares an action or public, and the OpenAPI document states it', () => {
    const undeclared = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
      .filter((r) => !r.public && !r.action)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(ops.filter((o) => !o.action).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(ops.length).toBeGreaterThan(150);
  });

  it('tells each caller what it may do in /api/auth/me, as the model says', async () => {
    for (const role of ROLES) {
      const me = await users[role].get('/api/auth/me');
      expect(me.status).toBe(200);
      expect([...me.body.actions].sort()).toEqual([...actionsOf(role)].sort());
    }
    expect((await users.auditor.get('/api/auth/me')).body.actions).not.toContain('read');
  });

  it('refuses every role without the declared action with 403 FORBIDDEN naming the action, on every route', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const op of ops) {
      if (op.action === 'public' || op.action === 'signed-in') continue;
      for (const role of ROLES) {
        if (can(role, op.action)) continue;
        cases++;
        const res = await call(users[role], op, urlOf(op, randomIdFor(op)));
        if (res.status !== 403 || res.body?.code !== 'FORBIDDEN' || !String(res.body?.detail).includes(op.action))
          wrong.push(`${role} ${op.method} ${op.path}: ${summary(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(300);
    counts.refusals = cases;
  }, 120_000);

  it('answers an object of another province exactly as a random id (GET: 404; writes never 2xx) to every role with the action', async () => {
    const wrong: string[] = [];
    let cases = 0;
    let covered = 0;
    let validWrites = 0;
    for (const op of ops) {
      if (!op.params.length || op.action === 'public' || op.params[0]!.schema?.enum) continue;
      const table = tableOf(op);
      const outside = op.params[0]!.name === 'code' ? '620100' : table ? await idOf(table, OTHER_PATH) : undefined;
      if (!outside) {
        randomOnly.push(`${op.method} ${op.path}`);
        continue;
      }
      covered++;
      for (const role of ROLES) {
        if (!can(role, op.action)) continue;
        cases++;
        const theirs = await call(users[role], op, urlOf(op, outside));
        const random = await call(users[role], op, urlOf(op, randomIdFor(op)));
        const where = `${role} ${op.method} ${op.path} (${table ?? 'regions'})`;
        if (theirs.status >= 200 && theirs.status < 300)
          wrong.push(`${where}: answered ${theirs.status} for another province`);
        else if (summary(theirs) !== summary(random))
          wrong.push(`${where}: another province ${summary(theirs)} but a random id ${summary(random)}`);
        else if (op.method === 'GET' && theirs.status !== 404) wrong.push(`${where}: GET answered ${summary(theirs)}`);
        if (op.method !== 'GET' && random.status === 404) validWrites++;
      }
    }
    expect(wrong).toEqual([]);
    expect(covered).toBeGreaterThan(30);
    Object.assign(counts, { outsideRoutes: covered, outsideCases: cases, validWrites });
  }, 150_000);

  it('hides a confidential project like a random id from those who may not see it, on every project route', async () => {
    const wrong: string[] = [];
    const projectOps = ops.filter((op) => op.method === 'GET' && op.action !== 'public' && tableOf(op) === 'projects');
    expect(projectOps.length).toBeGreaterThan(5);
    for (const op of projectOps) {
      for (const role of ROLES) {
        if (op.action === 'public' || !can(role, op.action)) continue;
        const res = await call(users[role], op, urlOf(op, confidentialId));
        const random = await call(users[role], op, urlOf(op, randomUUID()));
        counts.confidentialCases = (counts.confidentialCases ?? 0) + 1;
        const mayRead = role === 'leader' || role === 'admin';
        if (mayRead ? res.status === 404 : summary(res) !== summary(random))
          wrong.push(`${role} ${op.path}: ${summary(res)} (random ${summary(random)})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('answers the readers inside their scope on every route with an object id (no 403, no 5xx)', async () => {
    const wrong: string[] = [];
    let covered = 0;
    for (const op of ops) {
      if (op.method !== 'GET' || !op.params.length || op.action === 'public') continue;
      const table = tableOf(op);
      const inside = op.params[0]!.name === 'code' ? HOME : table ? await idOf(table, HOME_PATH) : undefined;
      if (!inside) continue;
      covered++;
      for (const role of ROLES) {
        if (!can(role, op.action)) continue;
        counts.insideCases = (counts.insideCases ?? 0) + 1;
        const res = await call(users[role], op, urlOf(op, inside));
        if (res.status === 403 || res.status >= 500 || (res.status === 404 && op.params.length === 1))
          wrong.push(`${role} ${op.path}: ${summary(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(covered).toBeGreaterThan(10);
  }, 60_000);
});
