import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/policies/effective', () => {
  it('shows Liaoyuan values over Jilin values, each with its source', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220421' });
    const res = await officer.get('/api/policies/effective?region=220421&date=2025-09-01');
    expect(res.status).toBe(200);
    expect(res.body.params.reportDueDay).toEqual({
      value: 20,
      source: 'liaoyuan §三.二',
      packId: 'liaoyuan',
      regionCode: '220400',
    });
    expect(res.body.params.stalledMonths).toMatchObject({ value: 6, source: 'jilin §三(一)', packId: 'jilin' });
  });

  it('uses the date of the event: Jiaxing first-report rules only inside the pack validity', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '330400' });
    const inside = await officer.get('/api/policies/effective?region=330482&date=2025-12-31');
    expect(inside.body.params.firstReport.value).toEqual({
      totalInvestmentWan: '100000',
      foreignInvestmentUsdWan: '10000',
      exclusivityMonths: 1,
    });
    const after = await officer.get('/api/policies/effective?region=330482&date=2026-01-01');
    expect(after.body.params.firstReport).toBeUndefined();
  });

  it('names a malformed date and an unknown region', async () => {
    const officer = await t.signIn({ role: 'viewer', regionCode: '620000' });
    const bad = await officer.get('/api/policies/effective?region=620000&date=2025-13');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({
      field: 'querystring.date',
      'zh-CN': expect.stringContaining('YYYY-MM-DD'),
    });
    expect((await officer.get('/api/policies/effective?region=999999')).status).toBe(404);
  });

  it('lists the five packs', async () => {
    const officer = await t.signIn({ role: 'viewer', regionCode: '620000' });
    const res = await officer.get('/api/policies');
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([
      'gansu',
      'jiangmen',
      'jiaxing',
      'jilin',
      'liaoyuan',
    ]);
  });
});
