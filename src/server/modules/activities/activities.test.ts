import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';
import { activityIndicators } from './service';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let dongfeng: Client; // 东丰县 (under 辽源市)
let liaoyuanViewer: Client;
let gansu: Client;
let jiangmen: Client;
let nanhu: Client; // 嘉兴市南湖区
let jiaxingCity: Client;

beforeAll(async () => {
  t = await startTestApp();
  dongfeng = await t.signIn({ role: 'officer', regionCode: '220421' });
  liaoyuanViewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
  gansu = await t.signIn({ role: 'officer', regionCode: '620000' });
  jiangmen = await t.signIn({ role: 'officer', regionCode: '440700' });
  nanhu = await t.signIn({ role: 'officer', regionCode: '330402' });
  jiaxingCity = await t.signIn({ role: 'leader', regionCode: '330400' });
});
afterAll(() => t.close());

async function auditCount(action: string, entityId: string) {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`,
  );
  return row!.n;
}

async function trip(client: ApiClient, leaderName: string, startDate: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/activities', {
    kind: 'trip',
    title: `赴长三角招商 ${startDate}`,
    startDate,
    endDate: startDate,
    destination: '上海',
    leaderName,
    participants: ['刘洋', '赵磊'],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function leaderRow(client: ApiClient, region: string, leaderName: string) {
  const res = await client.get(`/api/activities/quotas?region=${region}&year=2025`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.leaders.find((l: { leaderName: string }) => l.leaderName === leaderName);
}

let seq = 0;
async function project(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/projects', {
    name: `活动成果项目${++seq}`,
    totalInvestmentWan: '6000',
    sourceChannel: '展会招商',
    hostRegionCode: '220421',
    industrySection: 'C',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string };
}

async function advance(client: ApiClient, id: string, to: 'signed' | 'registered') {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('协议')], { type: 'application/pdf' }), '协议.pdf');
  const file = await client.post('/api/files', form);
  let res = await client.post(`/api/projects/${id}/transitions`, {
    to: 'signed',
    signingDate: '2025-06-01',
    contractAmountWan: '6000',
    parties: ['东丰县人民政府', '投资方'],
    agreementFileId: file.body.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  if (to === 'registered') {
    res = await client.post(`/api/projects/${id}/transitions`, { to: 'registered', registeredDate: '2025-07-15' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

describe('activities and trips', () => {
  it('records a trip with its leader and participants, audited, and refuses one without leader or with dates reversed', async () => {
    const created = await trip(dongfeng, '王县长', '2025-03-10');
    expect(created).toMatchObject({
      kind: 'trip',
      kindLabel: { zh: '外出招商' },
      online: false,
      leaderName: '王县长',
      participants: ['刘洋', '赵磊'],
      region: { code: '220421' },
      organisingUnit: { id: dongfeng.unitId },
      results: { leads: 0, projects: 0 },
    });
    expect(await auditCount('activity.created', created.id)).toBe(1);
    const trips = await dongfeng.get('/api/activities?trips=true&pageSize=1');
    expect(trips.body.total).toBeGreaterThan(0);
    // A page past the end is empty but still says how many there are.
    const pastEnd = await dongfeng.get(`/api/activities?trips=true&pageSize=1&page=${trips.body.total + 1}`);
    expect(pastEnd.body).toMatchObject({ items: [], total: trips.body.total });

    const bad = await dongfeng.post('/api/activities', {
      kind: 'trip',
      title: '无带队领导',
      startDate: '2025-03-10',
      endDate: '2025-03-09',
      destination: '深圳',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.endDate', 'body.leaderName']);

    const online = await dongfeng.post('/api/activities', {
      kind: 'cloud_signing',
      title: '云签约仪式',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
      leadsCount: 3,
    });
    expect(online.status, JSON.stringify(online.body)).toBe(201);
    expect(online.body).toMatchObject({ online: true, destination: null, results: { leads: 3 } });
  });

  it('edits with the version read (409 when stale) and keeps targets and results', async () => {
    const a = await trip(dongfeng, '李副县长', '2025-02-01');
    const res = await dongfeng.patch(`/api/activities/${a.id}`, { version: 1, leadsCount: 4, title: '赴深圳招商' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, title: '赴深圳招商', results: { leads: 4 }, leaderName: '李副县长' });
    expect((await dongfeng.patch(`/api/activities/${a.id}`, { version: 1, leadsCount: 9 })).status).toBe(409);
    expect(await auditCount('activity.updated', a.id)).toBe(1);
  });

  it('Gansu expos must carry attraction targets (gansu §(七)); elsewhere they need not', async () => {
    const expo = {
      kind: 'expo',
      title: '兰洽会专题招商',
      startDate: '2025-07-06',
      endDate: '2025-07-09',
      destination: '兰州',
    };
    const refused = await gansu.post('/api/activities', expo);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.targetProjects' });
    expect(refused.body.errors[0]['zh-CN']).toContain('gansu §(七)');
    const ok = await gansu.post('/api/activities', { ...expo, targetProjects: 10, targetAmountWan: '500000' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.targets).toEqual({ projects: 10, amountWan: '500000.00', leads: null });
    expect((await dongfeng.post('/api/activities', { ...expo, destination: '长春' })).status).toBe(201);
  });

  it('is not found outside the scope, and viewers cannot record', async () => {
    const a = await trip(dongfeng, '王县长', '2025-01-05');
    expect((await liaoyuanViewer.get(`/api/activities/${a.id}`)).status).toBe(200);
    // the role is refused before the body is read: a viewer learns nothing about what a valid body is
    expect((await liaoyuanViewer.post('/api/activities', { kind: 'trip' })).status).toBe(403);
    const denied = await liaoyuanViewer.post('/api/activities', {
      kind: 'trip',
      title: 'x',
      startDate: '2025-01-01',
      endDate: '2025-01-01',
      destination: '北京',
      leaderName: '某',
    });
    expect(denied.status).toBe(403);
    expect((await gansu.get(`/api/activities/${a.id}`)).status).toBe(404);
    expect((await gansu.patch(`/api/activities/${a.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await gansu.get('/api/activities/quotas?region=220421')).status).toBe(404);
    const list = await gansu.get('/api/activities?trips=true');
    expect(list.body.items.every((i: { region: { code: string } }) => i.region.code.startsWith('62'))).toBe(true);
  });
});

describe('leader quotas (liaoyuan §二)', () => {
  it('trips, signed industrial projects ≥5000万元 and landed projects count toward the county head’s quota', async () => {
    const leader = '周县长';
    expect(await leaderRow(dongfeng, '220421', leader)).toBeUndefined();
    const first = await trip(dongfeng, leader, '2025-05-10');
    let row = await leaderRow(dongfeng, '220421', leader);
    expect(row).toMatchObject({
      region: { code: '220421' },
      trips: { done: 1, required: 5, met: false },
      signed: { done: 0, required: 5, minWan: '5000' },
      landed: { done: 0, required: 2 },
      source: 'liaoyuan §二',
    });

    // A result of the trip: a manufacturing project of 6000万元 signed in 2025.
    const signed = await project(dongfeng, {});
    await advance(dongfeng, signed.id, 'signed');
    const linked = await dongfeng.post(`/api/activities/${first.id}/projects`, { projectId: signed.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.resultProjects.map((p: { id: string }) => p.id)).toEqual([signed.id]);
    expect(await auditCount('activity.project_linked', first.id)).toBe(1);
    // A service-industry project does not count as industrial; a landed one of his counts as landed.
    const software = await project(dongfeng, { industrySection: 'I', responsibleLeader: leader });
    await advance(dongfeng, software.id, 'registered');

    row = await leaderRow(dongfeng, '220421', leader);
    expect(row.signed).toMatchObject({ done: 1, projects: [{ id: signed.id, code: signed.code }] });
    expect(row.landed).toMatchObject({ done: 1, projects: [{ id: software.id }] });

    for (const d of ['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01']) await trip(dongfeng, leader, d);
    row = await leaderRow(dongfeng, '220421', leader);
    expect(row.trips).toEqual({ done: 5, required: 5, met: true });
    // The city sees its counties' leaders too.
    expect((await leaderRow(liaoyuanViewer, '220400', leader)).trips.done).toBe(5);

    const unlinked = await dongfeng.delete(`/api/activities/${first.id}/projects/${signed.id}`);
    expect(unlinked.status).toBe(200);
    expect((await leaderRow(dongfeng, '220421', leader)).signed.done).toBe(0);
  });
});

describe('stationed teams and people sent', () => {
  it('counts teams out on a date against Jiangmen’s minimum of 10, and a recalled team stops counting', async () => {
    const ids: string[] = [];
    for (const city of ['上海', '北京', '深圳']) {
      const res = await jiangmen.post('/api/deployments', {
        teamName: `江门驻${city}招商队`,
        destination: city,
        members: ['梁敏', '陈刚'],
        fromDate: '2025-01-01',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(await auditCount('deployment.created', res.body.id)).toBe(1);
      ids.push(res.body.id);
    }
    let list = await jiangmen.get('/api/deployments?region=440700&date=2025-06-01');
    expect(list.body.teamsOut).toEqual({ done: 3, required: 10, met: false, source: 'jiangmen §(九)' });
    const recalled = await jiangmen.patch(`/api/deployments/${ids[0]}`, { version: 1, toDate: '2025-05-31' });
    expect(recalled.status).toBe(200);
    list = await jiangmen.get('/api/deployments?region=440700&date=2025-06-01&outOnly=true');
    expect(list.body.teamsOut.done).toBe(2);
    expect(list.body.items).toHaveLength(2);
    const back = await jiangmen.patch(`/api/deployments/${ids[1]}`, { version: 1, toDate: '2024-12-31' });
    expect(back.status).toBe(400);
    expect(back.body.errors[0].field).toBe('body.toDate');
    expect((await gansu.patch(`/api/deployments/${ids[1]}`, { version: 1, toDate: null })).status).toBe(404);
  });

  it('counts the distinct people each Jiaxing locality sent to the named cities (jiaxing §二(三)11)', async () => {
    await nanhu.post('/api/deployments', {
      teamName: '南湖驻沪招商组',
      destination: '上海市闵行区',
      members: ['沈一', '沈二'],
      fromDate: '2025-02-01',
      toDate: '2025-06-30',
    });
    await nanhu.post('/api/deployments', {
      teamName: '南湖驻苏招商组',
      destination: '蘇州',
      members: ['沈二', '沈三'],
      fromDate: '2025-07-01',
    });
    await nanhu.post('/api/deployments', {
      teamName: '南湖驻蓉组',
      destination: '成都',
      members: ['沈四'],
      fromDate: '2025-03-01',
    });
    const res = await jiaxingCity.get('/api/activities/quotas?region=330400&year=2025');
    expect(res.status).toBe(200);
    const nanhuRow = res.body.localities.find((l: { region: { code: string } }) => l.region.code === '330402');
    expect(nanhuRow).toMatchObject({
      peopleSent: { done: 3, required: 30, met: false, people: ['沈二', '沈三', '沈一'] },
      cities: ['北京', '上海', '深圳', '苏州'],
      source: 'jiaxing §二(三)11',
    });
    // Liaoyuan has no such rule and no row.
    expect((await dongfeng.get('/api/activities/quotas?region=220421&year=2025')).body.localities).toEqual([]);
  });
});

describe('assessment indicator', () => {
  it('counts trips and activities per region with its subtree for a span of months', async () => {
    const region = await t.signIn({ role: 'officer', regionCode: '220422' }); // 东辽县
    await trip(region, '某县长', '2024-12-31');
    await trip(region, '某县长', '2024-11-01');
    await region.post('/api/activities', {
      kind: 'cloud_promotion',
      title: '云推介',
      startDate: '2024-12-01',
      endDate: '2024-12-01',
    });
    const counts = await activityIndicators(t.database.db, {
      regionCodes: ['220422', '220400', '620000', '999999'],
      from: '2024-12',
      to: '2024-12',
    });
    const by = Object.fromEntries(counts.map((c) => [c.regionCode, c]));
    expect(by['220422']).toEqual({ regionCode: '220422', trips: 1, activities: 1, onlineActivities: 1 });
    expect(by['220400']).toEqual({ regionCode: '220400', trips: 1, activities: 1, onlineActivities: 1 });
    expect(by['620000']).toEqual({ regionCode: '620000', trips: 0, activities: 0, onlineActivities: 0 });
    expect(by['999999']).toBeUndefined();
  });
});
