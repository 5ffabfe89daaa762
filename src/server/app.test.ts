import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => t.close());

describe('platform surface', () => {
  it('reports health with the engine in use', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('answers unknown API routes with a bilingual problem+json 404', async () => {
    const res = await t.client('en').get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'No such route' });
    expect(res.body.i18n['zh-CN'].title).toBe('接口不存在');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.client().post('/api/auth/login', { username: 'admin', password: 'x'.repeat(4096) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unauthenticated API calls with 401', async () => {
    const res = await t.client().get('/api/auth/me');
    expect(res.status).toBe(401);
  });

  it('echoes the request id', async () => {
    const res = await t.client().request('GET', '/api/health', undefined, { 'x-request-id': 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
  });

  it('publishes a valid OpenAPI 3 document describing every API route', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = structuredClone(res.body);
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const undocumented = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
    expect(documented.has('POST /api/auth/login')).toBe(true);
    expect(documented.has('GET /api/health')).toBe(true);
    expect(documented.has('GET /api/audit')).toBe(true);
  });

  it('serves human API docs', async () => {
    const res = await t.client().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('swagger');
  });
});
