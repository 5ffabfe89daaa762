/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are JSON; each test asserts the shape it needs */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';

/*
 * Trips and activities (外出招商次数, 招商活动场次) as assessment indicators, counted from the
 * activity register per region (with its subtree) and period (year to date), by start date.
 *
 * The world, all in 江门市 (440700):
 *   蓬江区 440703: trips 2024-12-31 (last year), 2025-01-10, 2025-03-31, 2025-04-01;
 *                  expo 2025-02-01, online promotion 2025-03-15
 *   新会区 440705: trip 2025-02-20; promotion event 2025-05-01
 *   江门市 itself: trip 2025-01-05 (in the city's total, in no district's row)
 * Targets 2025: 蓬江 trips 4, activities 4; 新会 trips 2, activities 2.
 */

let t: TestApp;
let leader: ApiClient;
const PENGJIANG = '440703';
const XINHUI = '440705';

async function activity(client: ApiClient, kind: string, startDate: string) {
  const trip = kind === 'trip';
  const res = await client.post('/api/activities', {
    kind,
    title: `${kind} ${startDate}`,
    startDate,
    endDate: startDate,
    ...(trip ? { destination: '深圳', leaderName: '区长', participants: ['招商员甲'] } : {}),
    ...(kind === 'expo' || kind === 'promotion' ? { destination: '广州' } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function ranking(period: string) {
  const res = await leader.get(`/api/assessment/rankings?region=440700&period=${period}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const row = (r: any, code: string) => r.rows.find((x: any) => x.region.code === code);

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.signIn({ role: 'leader', regionCode: '440700' });
  const city = await t.signIn({ role: 'officer', regionCode: '440700' });
  const pengjiang = await t.signIn({ role: 'officer', regionCode: PENGJIANG });
  const xinhui = await t.signIn({ role: 'officer', regionCode: XINHUI });
  for (const d of ['2024-12-31', '2025-01-10', '2025-03-31', '2025-04-01']) await activity(pengjiang, 'trip', d);
  await activity(pengjiang, 'expo', '2025-02-01');
  await activity(pengjiang, 'cloud_promotion', '2025-03-15');
  await activity(xinhui, 'trip', '2025-02-20');
  await activity(xinhui, 'promotion', '2025-05-01');
  await activity(city, 'trip', '2025-01-05');
  for (const [regionCode, indicator, value] of [
    [PENGJIANG, 'outboundTrips', '4'],
    [PENGJIANG, 'attractionActivities', '4'],
    [XINHUI, 'outboundTrips', '2'],
    [XINHUI, 'attractionActivities', '2'],
  ] as const) {
    const res = await leader.put('/api/assessment/targets', { year: 2025, regionCode, indicator, value });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(() => t.close());

describe('trips and activities as assessment indicators', () => {
  it('are defined in both languages, version 1', async () => {
    const res = await leader.get('/api/assessment/indicators');
    expect(res.status).toBe(200);
    const byKey = (key: string) => res.body.items.find((i: any) => i.key === key);
    expect(byKey('outboundTrips')).toMatchObject({
      version: 1,
      unit: 'count',
      name: { zh: '外出招商次数', en: 'Investment trips' },
    });
    expect(byKey('outboundTrips').definition.zh).toContain('出发日期');
    expect(byKey('attractionActivities')).toMatchObject({ version: 1, unit: 'count' });
    expect(byKey('attractionActivities').definition.en).toContain('online');
  });

  it('are counted per region and period even where the scheme does not rank them', async () => {
    const q1 = await ranking('2025-Q1');
    expect(q1.indicators.map((i: any) => i.key)).not.toContain('outboundTrips');
    expect(row(q1, PENGJIANG).values).toMatchObject({ outboundTrips: '2', attractionActivities: '2' });
    expect(row(q1, XINHUI).values).toMatchObject({ outboundTrips: '1', attractionActivities: '0' });
    // The city's own trip counts in its total only.
    expect(q1.totals).toMatchObject({ outboundTrips: '4', attractionActivities: '2' });
    const april = await ranking('2025-04'); // year to date: January to April
    expect(row(april, PENGJIANG).values.outboundTrips).toBe('3');
  });

  it('are scored and ranked against targets once a scheme includes them', async () => {
    const schemes = await leader.get('/api/assessment/schemes');
    const jiangmen = schemes.body.items.find((s: any) => s.region.code === '440700');
    const put = await leader.put(`/api/assessment/schemes/${jiangmen.id}`, {
      version: jiangmen.version,
      rules: {
        ...jiangmen.rules,
        indicators: [
          { key: 'manufacturingPlannedWan', weight: 20 },
          { key: 'projectsGe10Yi', weight: 20 },
          { key: 'keyChainSharePercent', weight: 20 },
          { key: 'outboundTrips', weight: 20 },
          { key: 'attractionActivities', weight: 20 },
        ],
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    // Q1: 蓬江 2/4 trips, 2/4 activities → 50, 50 → 50.00; 新会 1/2, 0/2 → 50, 0 → 25.00.
    // (The other indicators have no district target, so they carry no weight.)
    const q1 = await ranking('2025-Q1');
    expect(q1.indicators.map((i: any) => i.key)).toEqual(
      expect.arrayContaining(['outboundTrips', 'attractionActivities']),
    );
    expect(row(q1, PENGJIANG)).toMatchObject({
      targets: { outboundTrips: '4', attractionActivities: '4' },
      completion: { outboundTrips: '50.00', attractionActivities: '50.00' },
      score: '50.00',
      rank: 1,
    });
    expect(row(q1, XINHUI)).toMatchObject({
      completion: { outboundTrips: '50.00', attractionActivities: '0.00' },
      score: '25.00',
      rank: 2,
    });
    // H1: 蓬江 3/4, 2/4 → 75, 50 → 62.50; 新会 1/2, 1/2 → 50.00.
    const h1 = await ranking('2025-H1');
    expect(row(h1, PENGJIANG)).toMatchObject({ score: '62.50', rank: 1 });
    expect(row(h1, XINHUI)).toMatchObject({ score: '50.00', rank: 2 });
  });

  it('show on the leader dashboard for the year, with no project drill behind them', async () => {
    const res = await leader.get('/api/dashboard?region=440700&year=2025');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const kpi = (key: string) => res.body.kpis.find((k: any) => k.key === key);
    expect(kpi('outboundTrips')).toMatchObject({ value: '5', drill: null }); // 3 + 1 + the city's 1
    expect(kpi('attractionActivities')).toMatchObject({ value: '3', drill: null });
    expect(kpi('signedProjects').drill).not.toBeNull();
  });
});
