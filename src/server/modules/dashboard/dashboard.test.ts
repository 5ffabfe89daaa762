/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are JSON; each test asserts the shape it needs */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../domain/reporting';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';
import { project, report, sign } from '../assessment/test-world';

let t: TestApp;
let leader: ApiClient;
let officer: ApiClient;
let countyLeader: ApiClient;
const today = chinaDate(new Date());
const year = Number(today.slice(0, 4));
const month = today.slice(0, 7);
const ids = { a: '', b: '', c: '', d: '' };

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.signIn({ role: 'leader', regionCode: '330400' });
  officer = await t.signIn({ role: 'officer', regionCode: '330400' });
  countyLeader = await t.signIn({ role: 'leader', regionCode: '330411' });
  ids.a = (await project(officer, { hostRegionCode: '330402', totalInvestmentWan: '30000' })).id;
  ids.b = (await project(officer, { hostRegionCode: '3304Z1', totalInvestmentWan: '12000.5' })).id;
  ids.c = (await project(officer, { hostRegionCode: '330411', totalInvestmentWan: '5000', stage: 'planned' })).id;
  ids.d = (await project(officer, { hostRegionCode: '330411', totalInvestmentWan: '900' })).id;
  await sign(officer, ids.a, today);
  await sign(officer, ids.b, today, '12000');
  await report(officer, ids.a, month, '2500');
  await t.database.db.execute(sql`update projects set stalled_since = ${today} where id = ${ids.d}`);
  const target = await leader.put('/api/assessment/targets', {
    year,
    regionCode: '330400',
    indicator: 'signedProjects',
    value: '4',
  });
  expect(target.status).toBe(200);
});
afterAll(() => t.close());

describe('leader dashboard', () => {
  it('shows KPIs against targets, the funnel, regions, trend and stalled projects from the summaries', async () => {
    const res = await leader.get('/api/dashboard');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body;
    expect(d.region).toEqual({ code: '330400', name: '嘉兴市' });
    const kpi = (key: string) => d.kpis.find((k: any) => k.key === key);
    expect(kpi('signedProjects')).toMatchObject({
      value: '2',
      target: '4',
      completion: '50.00',
      drill: { metric: 'signed', from: `${year}-01`, to: `${year}-12` },
    });
    expect(kpi('signedAmountWan').value).toBe('42000'); // 30000 + 12000
    expect(kpi('fundsInPlaceWan').value).toBe('2500');
    expect(kpi('projectsGe1Yi').value).toBe('2');
    expect(kpi('signedProjects').definition.zh).toContain('签约日期');
    const stage = (s: string) => d.funnel.find((f: any) => f.stage === s);
    expect(stage('signed')).toMatchObject({ count: 2, totalInvestmentWan: '42000.5' });
    expect(stage('planned').count).toBe(1);
    expect(stage('negotiating').count).toBe(1);
    expect(d.byRegion.find((r: any) => r.region.code === '3304Z1')).toMatchObject({
      signedProjects: 1,
      signedInvestmentWan: '12000.5',
    });
    // A city's counties and zones come with their seats, where its map draws them.
    expect(d.byRegion.find((r: any) => r.region.code === '330421').seat).toEqual({ lng: 120.93, lat: 30.84 });
    expect(d.byRegion.every((r: any) => r.seat === null || (r.seat.lng > 120 && r.seat.lat > 30))).toBe(true);
    expect(d.trend.find((m: any) => m.month === month)).toMatchObject({
      signedProjects: 2,
      signedAmountWan: '42000',
      fundsInPlaceWan: '2500',
    });
    expect(d.stalled).toMatchObject({ count: 1, items: [expect.objectContaining({ id: ids.d })] });
    expect(d.major.map((p: any) => p.id).slice(0, 2)).toEqual([ids.a, ids.b]);
  });

  it('drills every number down to the projects behind it, in scope only', async () => {
    const res = await leader.get(`/api/dashboard/drill?metric=signed&from=${year}-01&to=${year}-12`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((p: any) => [p.id, p.amount])).toEqual([
      [ids.a, '30000'],
      [ids.b, '12000'],
    ]);
    const second = await leader.get(
      `/api/dashboard/drill?metric=signed&from=${year}-01&to=${year}-12&pageSize=1&page=2`,
    );
    expect(second.body).toMatchObject({ total: 2, items: [{ id: ids.b }] });
    const pastEnd = await leader.get(
      `/api/dashboard/drill?metric=signed&from=${year}-01&to=${year}-12&pageSize=1&page=3`,
    );
    expect(pastEnd.body).toMatchObject({ total: 2, items: [] });
    const byRegion = await leader.get(`/api/dashboard/drill?region=3304Z1&metric=signed&from=${year}-01&to=${year}-12`);
    expect(byRegion.body.items.map((p: any) => p.id)).toEqual([ids.b]);
    const planned = await leader.get('/api/dashboard/drill?metric=stage:planned&from=current&to=current');
    expect(planned.body.items.map((p: any) => p.id)).toEqual([ids.c]);
    expect((await countyLeader.get('/api/dashboard?region=330400')).status).toBe(404);
    const own = await countyLeader.get('/api/dashboard');
    expect(own.body.region.code).toBe('330411');
    expect(own.body.funnel.find((f: any) => f.stage === 'signed').count).toBe(0);
  });

  it('lists the largest, escalated and stalled projects of the scope only, and counts the reports owed for the month due', async () => {
    const lyOfficer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const lyLeader = await t.signIn({ role: 'leader', regionCode: '220400' });
    const big = await project(lyOfficer, { hostRegionCode: '220421', totalInvestmentWan: '80000' });
    await sign(lyOfficer, big.id, today, '60000'); // ≥5亿元 signed in 辽源: on the city's major-project list
    const small = await project(lyOfficer, { hostRegionCode: '220422', totalInvestmentWan: '2000' });
    await t.database.db.execute(sql`update projects set stalled_since = ${today} where id = ${small.id}`);

    const before = (await lyLeader.get('/api/dashboard')).body;
    expect(before.major.map((p: any) => p.id)).toEqual([big.id, small.id]);
    expect(before.escalated).toEqual([
      expect.objectContaining({
        id: big.id,
        hostRegion: { code: '220421', name: '东丰县' },
        escalatedOn: today,
        threeOnesComplete: false,
      }),
    ]);
    expect(before.stalled).toMatchObject({ count: 1, items: [expect.objectContaining({ id: small.id })] });
    expect(before.overdueReports).toMatchObject({ owed: 2, submitted: 0, overdue: 2 });

    // A report for the month due counts as submitted; one for another month does not.
    const due = before.overdueReports.month;
    await report(lyOfficer, big.id, due, '100');
    const after = (await lyLeader.get('/api/dashboard')).body;
    expect(after.overdueReports).toMatchObject({ month: due, owed: 2, submitted: 1, overdue: 1 });

    // 嘉兴's leader sees none of 辽源's projects in any list.
    const jiaxing = (await leader.get('/api/dashboard')).body;
    const ids = [...jiaxing.major, ...jiaxing.escalated, ...jiaxing.stalled.items].map((p: any) => p.id);
    expect(ids).not.toContain(big.id);
    expect(ids).not.toContain(small.id);
  });
});
