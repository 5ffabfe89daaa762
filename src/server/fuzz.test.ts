/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and the answers are untyped JSON */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, startTestApp, type TestApp } from './test/harness';

/**
 * Suite (b) of issue 15: every operation of the OpenAPI document, fed fast-check generated hostile
 * and schema-violating input (wrong types, missing fields, U+0000, unpaired surrogates, very long
 * strings, impossible dates, huge numbers, nested junk, junk and over-long path parameters), as a
 * country-scope admin, a city officer and anonymously. No answer may be a 5xx, and every 4xx must
 * be problem+json with a code and both languages. Deterministic: a fixed seed per operation.
 * A route added to the API is fuzzed without writing a test.
 */

const SEED = 15;
/** Cases per operation for each caller; tuned so the suite stays near a minute on PGlite. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1); // FUZZ_SCALE=10 for a deeper run by hand
const RUNS = { admin: 6 * SCALE, officer: 3 * SCALE, anonymous: 2 * SCALE } as const;
/** Operations not fuzzed, each with its reason. */
const EXCEPTIONS: Record<string, string> = {};

type Caller = keyof typeof RUNS;
interface Operation {
  method: string;
  path: string;
  op: any;
}
interface Case {
  path: string;
  query: string;
  body?: unknown;
  multipart?: boolean;
}

const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];
const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  ...LONE,
  `名称${LONE[0]}`,
  `${LONE[3]}x`,
  '2026-02-30',
  '0000-01-01',
  '2026-13-45',
  '9999-12-31',
  '2026-13',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999999',
  '',
  ' ',
  "'; drop table projects; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u202e\u200b',
  '𠮷😀',
  'true',
  'null',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', 'a', '中', ...LONE), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3_000), '长'.repeat(20_000)) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

function resolve(doc: any, schema: any): any {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++)
    s = s.$ref
      .split('/')
      .slice(1)
      .reduce((o: any, k: string) => o?.[k], doc);
  return s ?? {};
}

/** A value that follows `schema` often and breaks it often: each leaf may turn hostile or junk. */
function valueFor(doc: any, raw: any, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (depth > 4) return junk;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length) return fc.oneof(...variants.map((v: any) => valueFor(doc, v, depth + 1)));
  let plausible: fc.Arbitrary<unknown>;
  if (schema.enum?.length) plausible = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) plausible = fc.constant(schema.const);
  else {
    const type = [schema.type].flat()[0];
    switch (type) {
      case 'string':
        plausible =
          schema.format === 'uuid'
            ? fc.uuid()
            : schema.format === 'date'
              ? fc.constantFrom('2026-03-31', '2024-02-29', '2025-02-29', '2026-02-30')
              : schema.format === 'date-time'
                ? fc.constantFrom('2026-03-31T08:00:00Z', '2026-02-30T25:61:00Z')
                : fc.string({ maxLength: 12 });
        break;
      case 'integer':
      case 'number':
        plausible = fc.integer({
          min: Math.max(-1e9, schema.minimum ?? -10),
          max: Math.min(1e9, Math.max(schema.maximum ?? 10_000, schema.minimum ?? -10)),
        });
        break;
      case 'boolean':
        plausible = fc.boolean();
        break;
      case 'array':
        plausible = fc.array(valueFor(doc, schema.items ?? {}, depth + 1), { maxLength: 3 });
        break;
      case 'object':
      case undefined: {
        const props = Object.entries<any>(schema.properties ?? {});
        if (!props.length) {
          plausible = type === 'object' ? fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 3 }) : junk;
          break;
        }
        const shape = Object.fromEntries(props.map(([k, v]) => [k, valueFor(doc, v, depth + 1)]));
        plausible = fc.oneof(
          { weight: 3, arbitrary: fc.record(shape, { requiredKeys: schema.required ?? [] }) },
          { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        );
        break;
      }
      default:
        plausible = junk;
    }
  }
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: junk },
  );
}

/** A query or path value as it travels in a URL; an unpaired surrogate goes as its raw UTF-8-like bytes. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return Array.from(text)
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

const pathParam = fc.oneof(
  fc.uuid(),
  fc.constantFrom('abc', '0', '-1', '%00', '%ED%A0%80', '%E0%A4%A', '..', 'a'.repeat(300), '220402', 'null'),
  hostileString.map(encode),
);

function casesFor(doc: any, { method, path, op }: Operation, runs: number): Case[] {
  const params: any[] = (op.parameters ?? []).map((p: any) => resolve(doc, p));
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const queryParams = params.filter((p) => p.in === 'query');
  const content = op.requestBody?.content ?? {};
  const multipart = Boolean(content['multipart/form-data']) || op.consumes?.includes?.('multipart/form-data');
  const bodySchema = content['application/json']?.schema;
  const query = fc
    .record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(doc, p.schema ?? {})])), {
      requiredKeys: [],
    })
    .map((q) =>
      Object.entries(q)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
        .join('&'),
    );
  const withBody = ['POST', 'PUT', 'PATCH'].includes(method);
  const body: fc.Arbitrary<unknown> = bodySchema
    ? fc.oneof({ weight: 4, arbitrary: valueFor(doc, bodySchema) }, { weight: 1, arbitrary: junk })
    : junk;
  const arb = fc.record({
    params: fc.tuple(...pathNames.map(() => pathParam), fc.constant('')),
    query: fc.oneof({ weight: 3, arbitrary: query }, { weight: 1, arbitrary: junk.map((j) => `junk=${encode(j)}`) }),
    body,
  });
  return fc.sample(arb, { seed: SEED, numRuns: runs }).map(({ params: values, query: q, body: b }) => {
    let i = 0;
    return {
      path: path.replace(/\{(\w+)\}/g, () => String(values[i++])),
      query: q,
      body: withBody ? b : undefined,
      multipart,
    };
  });
}

let t: TestApp;
let clients: Record<Caller, ApiClient & { relogin?: () => Promise<void> }>;
let doc: any;
const counts = { operations: 0, cases: 0, skipped: 0, byStatus: {} as Record<string, number> };

beforeAll(async () => {
  t = await startTestApp({
    LOGIN_RATE_LIMIT: '100000',
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    INQUIRY_RATE_LIMIT: '100000',
  });
  const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
  const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  clients = { admin, officer, anonymous: t.client('en') };
  doc = (await clients.anonymous.get('/api/openapi.json')).body;
}, 120_000);
afterAll(() => t?.close());

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) list.push({ method: method.toUpperCase(), path, op: item[method] });
    }
  }
  return list;
}

function problemShape(res: ApiResponse): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status < 400) return null;
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return `status ${res.status} as ${type}`;
  const b = res.body;
  if (typeof b?.code !== 'string') return 'no code';
  if (!b.i18n?.['zh-CN']?.title || !b.i18n?.en?.title) return 'not in both languages';
  return null;
}

async function send(client: ApiClient, method: string, c: Case): Promise<ApiResponse> {
  const url = c.query ? `${c.path}?${c.query}` : c.path;
  if (c.multipart && c.body !== undefined) {
    const form = new FormData();
    form.append('note', typeof c.body === 'string' ? c.body : (JSON.stringify(c.body) ?? ''));
    form.append('file', new Blob([Buffer.from(JSON.stringify(c.body) ?? 'junk')]), 'junk\u0000.xlsx');
    return client.request(method, url, form);
  }
  return client.request(method, url, c.body);
}

describe('fuzz: hostile and schema-violating input on every operation', () => {
  it('never answers 5xx, and answers every refusal as problem+json in zh-CN and en', async () => {
    const failures: string[] = [];
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    for (const operation of ops) {
      const key = `${operation.method} ${operation.path}`;
      if (EXCEPTIONS[key]) {
        counts.skipped++;
        continue;
      }
      counts.operations++;
      const isPublic = Array.isArray(operation.op.security) && operation.op.security.length === 0;
      for (const caller of Object.keys(RUNS) as Caller[]) {
        const runs = caller === 'anonymous' && isPublic ? RUNS.admin : RUNS[caller];
        for (const c of casesFor(doc, operation, runs)) {
          const client = clients[caller];
          const res = await send(client, operation.method, c);
          counts.cases++;
          counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
          const problem = problemShape(res);
          if (problem && failures.length < 40) {
            (res.status >= 500 ? failures.unshift : failures.push).call(
              failures,
              `${caller} ${operation.method} ${c.path.slice(0, 120)}?${c.query.slice(0, 120)} ` +
                `body=${(JSON.stringify(c.body) ?? '').slice(0, 160)} → ${problem}: ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          }
          // Some operations end the session (sign-out, password change): sign in again as a new user.
          if (caller !== 'anonymous' && res.status === 401) {
            clients[caller] =
              caller === 'admin'
                ? await t.signIn({ role: 'admin', regionCode: '000000' })
                : await t.signIn({ role: 'officer', regionCode: '220400' });
          }
        }
      }
    }
    console.warn(
      `fuzz: ${counts.operations} operations (${counts.skipped} skipped), ${counts.cases} cases; statuses ${JSON.stringify(counts.byStatus)}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
