/* eslint-disable @typescript-eslint/no-explicit-any -- responses are the JSON of any route; each test asserts the shape it needs */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../domain/credit-code';
import { rows } from './db/client';
import { startTestApp, type ApiClient, type TestApp } from './test/harness';

/**
 * Findings 2 and 5 of issue 15: every write is held to the caller's scope (a region or unit outside it
 * is answered like an unknown one), and the liaison writes only what its own unit owns or leads.
 */
type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let officer: Client; // 辽源市投资促进中心
let liaison: Client; // 辽源市工业和信息化局 (industry department)
let drc: Client; // 辽源市发展和改革委员会
let dongfeng: Client; // 东丰县 (a county of 辽源)
let gansu: Client; // 兰州市商务局
let creditSeed = 71_000;
let seq = 0;

const FUTURE = '2099-06-30';

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '220400', unitName: '辽源市投资促进中心' });
  liaison = await t.signIn({ role: 'liaison', regionCode: '220400', unitName: '辽源市工业和信息化局' });
  drc = await t.signIn({ role: 'officer', regionCode: '220400', unitName: '辽源市发展和改革委员会' });
  dongfeng = await t.signIn({ role: 'officer', regionCode: '220421', unitName: '东丰县人民政府' });
  gansu = await t.signIn({ role: 'officer', regionCode: '620100', unitName: '兰州市商务局' });
});
afterAll(() => t.close());

async function project(client: ApiClient, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/projects', {
    name: `范围测试项目${++seq}`,
    totalInvestmentWan: '8000',
    sourceChannel: '以商招商',
    hostRegionCode: '220402',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; hostRegion: { code: string } };
}

function fields(res: { body: { errors?: { field: string }[] } }) {
  return (res.body.errors ?? []).map((e) => e.field);
}

/** The field error of a reference outside the scope, in both languages, as for an unknown one. */
function expectOutOfScope(res: { status: number; headers: Headers; body: any }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const error = res.body.errors.find((e: { field: string }) => e.field === field);
  expect(error, JSON.stringify(res.body)).toBeDefined();
  expect(error['zh-CN'] ?? error.zh).toContain('不在您的数据范围内');
  expect(error.en).toContain('outside your data scope');
  return error;
}

describe('finding 2: writes name only regions and units of the caller’s scope', () => {
  it('refuses a project hosted in another province, and it never shows in that province’s lists', async () => {
    const name = `越界项目${++seq}`;
    const res = await officer.post('/api/projects', {
      name,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '620100',
    });
    const outside = expectOutOfScope(res, 'body.hostRegionCode');
    // An unknown code answers the same words: the refusal says nothing about other regions.
    const unknown = await officer.post('/api/projects', {
      name,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '999999',
    });
    expect(expectOutOfScope(unknown, 'body.hostRegionCode')).toEqual(outside);
    const lanzhou = await gansu.get(`/api/projects?q=${encodeURIComponent(name)}`);
    expect(lanzhou.body.items).toEqual([]);
  });

  it('refuses moving an own project into another province’s figures; only transfer with consent moves it', async () => {
    const p = await project(officer);
    const moved = await officer.patch(`/api/projects/${p.id}`, { version: p.version, hostRegionCode: '620100' });
    expectOutOfScope(moved, 'body.hostRegionCode');
    const after = await officer.get(`/api/projects/${p.id}`);
    expect(after.body.hostRegion.code).toBe('220402');
    expect(after.body.version).toBe(p.version);
    expect((await gansu.get(`/api/projects/${p.id}`)).status).toBe(404);
    // Inside the scope the host region still changes.
    const inside = await officer.patch(`/api/projects/${p.id}`, { version: p.version, hostRegionCode: '220421' });
    expect(inside.status, JSON.stringify(inside.body)).toBe(200);
    expect(inside.body.hostRegion.code).toBe('220421');
  });

  it('refuses a county officer’s project hosted in a sibling county (outside the county’s subtree)', async () => {
    const res = await dongfeng.post('/api/projects', {
      name: `县越界项目${++seq}`,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '220422',
    });
    expectOutOfScope(res, 'body.hostRegionCode');
  });

  it('refuses another province’s unit as a project’s responsible or first-negotiation unit', async () => {
    const lanzhouUnit = gansu.unitId;
    const res = await officer.post('/api/projects', {
      name: `外省责任单位${++seq}`,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '220402',
      responsibleUnitId: lanzhouUnit,
      firstUnitId: lanzhouUnit,
    });
    expectOutOfScope(res, 'body.responsibleUnitId');
    expectOutOfScope(res, 'body.firstUnitId');
  });

  it('refuses another province’s unit as a ticket’s department and a supervision notice’s lead unit', async () => {
    const p = await project(officer);
    const ticket = await officer.post('/api/services/tickets', {
      projectId: p.id,
      title: '用地手续',
      departmentId: gansu.unitId,
      dueDate: FUTURE,
    });
    expectOutOfScope(ticket, 'body.departmentId');
    const notice = await officer.post('/api/services/supervision-notices', {
      projectId: p.id,
      leadUnitId: gansu.unitId,
      text: '请加快办理',
      replyBy: FUTURE,
    });
    expectOutOfScope(notice, 'body.leadUnitId');
    const commissioner = await officer.put(`/api/projects/${p.id}/commissioner`, {
      name: '服务专员',
      unitId: gansu.unitId,
    });
    expectOutOfScope(commissioner, 'body.unitId');
    // The platform's own country-level unit lies above every region, and is still not the caller's.
    const platform = await t.signIn({ role: 'viewer', regionCode: '000000', unitName: '平台运维中心' });
    const toPlatform = await officer.post('/api/services/tickets', {
      projectId: p.id,
      title: '平台问题',
      departmentId: platform.unitId,
      dueDate: FUTURE,
    });
    expectOutOfScope(toPlatform, 'body.departmentId');
    // A department of the caller's own city is fine.
    const ok = await officer.post('/api/services/tickets', {
      projectId: p.id,
      title: '环评手续',
      departmentId: drc.unitId,
      dueDate: FUTURE,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('lets a county project’s ticket go to a department of the city above it, not of another province', async () => {
    const p = await project(dongfeng, { hostRegionCode: '220421' });
    const city = await dongfeng.post('/api/services/tickets', {
      projectId: p.id,
      title: '市级审批',
      departmentId: drc.unitId,
      dueDate: FUTURE,
    });
    expect(city.status, JSON.stringify(city.body)).toBe(201);
    const far = await dongfeng.post('/api/services/tickets', {
      projectId: p.id,
      title: '外省审批',
      departmentId: gansu.unitId,
      dueDate: FUTURE,
    });
    expectOutOfScope(far, 'body.departmentId');
  });

  it('refuses activities, deployments and partners for another province’s unit', async () => {
    const activity = await officer.post('/api/activities', {
      kind: 'cloud_promotion',
      title: '云推介',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
      organisingUnitId: gansu.unitId,
    });
    expectOutOfScope(activity, 'body.organisingUnitId');
    const deployment = await officer.post('/api/deployments', {
      teamName: '驻沪招商组',
      destination: '上海',
      members: ['甲'],
      fromDate: '2025-01-01',
      unitId: gansu.unitId,
    });
    expectOutOfScope(deployment, 'body.unitId');
    const partner = await officer.post('/api/partners', {
      kind: 'chamber',
      name: `外省商会${++seq}`,
      ownerUnitId: gansu.unitId,
    });
    expectOutOfScope(partner, 'body.ownerUnitId');
  });

  it('offers a project for transfer only within the caller’s province, where the receiving region consents', async () => {
    const p = await project(dongfeng, { hostRegionCode: '220421' });
    const far = await dongfeng.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '620100',
      reason: '外省条件更好',
    });
    expectOutOfScope(far, 'body.toRegionCode');
    // Outside the county's subtree but inside its province: the stated exception, with consent.
    const sibling = await dongfeng.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '220422',
      reason: '用地需求在东辽县可满足',
    });
    expect(sibling.status, JSON.stringify(sibling.body)).toBe(201);
    expect(sibling.body.status).toBe('offered');
    expect((await officer.get(`/api/projects/${p.id}`)).body.hostRegion.code).toBe('220421');
  });

  it('refuses another province’s unit as a task force’s lead unit', async () => {
    const leader = await t.signIn({ role: 'leader', regionCode: '220400', unitName: '辽源市商务局' });
    const p = await project(officer);
    const taskForce = await leader.post(`/api/projects/${p.id}/task-forces`, {
      leaderName: '张市长',
      leadUnitId: gansu.unitId,
      members: ['甲'],
    });
    expectOutOfScope(taskForce, 'body.leadUnitId');
  });

  it('refuses another province’s chain segment as a project’s chain node', async () => {
    const [segment] = await rows<{ id: string }>(
      t.database.db,
      sql`select s.id from chain_segments s join chains c on c.id = s.chain_id where c.region_code = '220400' limit 1`,
    );
    expect(segment).toBeDefined();
    const res = await gansu.post('/api/projects', {
      name: `外省链节点${++seq}`,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '620100',
      chainNodeId: segment!.id,
    });
    expectOutOfScope(res, 'body.chainNodeId');
    const own = await project(officer, { chainNodeId: segment!.id });
    expect(own.id).toBeDefined();
  });

  it('refuses factors (parcels) in another province’s region', async () => {
    const res = await officer.post('/api/factors/parcels', {
      code: `YJ-${++seq}`,
      name: `越界地块${seq}`,
      regionCode: '620100',
      areaMu: '10',
      use: 'industrial',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(fields(res)).toContain('body.regionCode');
  });
});

describe('finding 5: the liaison writes only what its own unit owns or leads', () => {
  it('cannot edit an enterprise the investment centre keeps, and can edit its own', async () => {
    const centre = await officer.post('/api/enterprises', {
      name: `投促中心企业${++seq}`,
      creditCode: makeCreditCode(++creditSeed),
    });
    expect(centre.status).toBe(201);
    const denied = await liaison.patch(`/api/enterprises/${centre.body.id}`, {
      version: centre.body.version,
      tags: [],
    });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('联络员');
    const own = await liaison.post('/api/enterprises', {
      name: `工信局企业${++seq}`,
      creditCode: makeCreditCode(++creditSeed),
    });
    expect(own.status).toBe(201);
    const edited = await liaison.patch(`/api/enterprises/${own.body.id}`, { version: own.body.version, tags: [] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });

  it('cannot edit or link projects to an activity the investment centre organises, nor create one for it', async () => {
    const a = await officer.post('/api/activities', {
      kind: 'cloud_promotion',
      title: '投促中心云推介',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const denied = await liaison.patch(`/api/activities/${a.body.id}`, { version: a.body.version, title: '改' });
    expect(denied.status).toBe(403);
    const forOther = await liaison.post('/api/activities', {
      kind: 'cloud_promotion',
      title: '代投促中心登记',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
      organisingUnitId: officer.unitId,
    });
    expect(forOther.status).toBe(403);
    const own = await liaison.post('/api/activities', {
      kind: 'cloud_promotion',
      title: '工信局云推介',
      startDate: '2025-04-02',
      endDate: '2025-04-02',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const edited = await liaison.patch(`/api/activities/${own.body.id}`, {
      version: own.body.version,
      title: '工信局云推介（改）',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });

  it('cannot edit a deployment or a partner of the investment centre', async () => {
    const d = await officer.post('/api/deployments', {
      teamName: '投促中心驻沪组',
      destination: '上海',
      members: ['刘洋'],
      fromDate: '2025-01-01',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const deniedDeployment = await liaison.patch(`/api/deployments/${d.body.id}`, {
      version: d.body.version,
      teamName: '改',
    });
    expect(deniedDeployment.status).toBe(403);
    const partner = await officer.post('/api/partners', { kind: 'chamber', name: `投促中心商会${++seq}` });
    expect(partner.status, JSON.stringify(partner.body)).toBe(201);
    const deniedPartner = await liaison.patch(`/api/partners/${partner.body.id}`, {
      version: partner.body.version,
      name: `改名商会${seq}`,
    });
    expect(deniedPartner.status).toBe(403);
  });

  it('cannot add notes to or close a ticket of another department; can for its own', async () => {
    const p = await project(officer);
    const drcTicket = await officer.post('/api/services/tickets', {
      projectId: p.id,
      title: '发改委审批',
      departmentId: drc.unitId,
      dueDate: FUTURE,
    });
    expect(drcTicket.status).toBe(201);
    const note = await liaison.post(`/api/services/tickets/${drcTicket.body.id}/notes`, { text: '已协调' });
    expect(note.status).toBe(403);
    expect(note.body.detail).toContain('联络员');
    const close = await liaison.post(`/api/services/tickets/${drcTicket.body.id}/close`, {
      version: drcTicket.body.version,
      resolution: '已办结',
    });
    expect(close.status).toBe(403);
    const ownTicket = await officer.post('/api/services/tickets', {
      projectId: p.id,
      title: '工信局技改备案',
      departmentId: liaison.unitId,
      dueDate: FUTURE,
    });
    expect(ownTicket.status).toBe(201);
    const ownNote = await liaison.post(`/api/services/tickets/${ownTicket.body.id}/notes`, { text: '已受理' });
    expect(ownNote.status, JSON.stringify(ownNote.body)).toBe(201);
  });

  it('files signings only for its own unit’s projects', async () => {
    const centre = await project(officer);
    const denied = await liaison.post(`/api/coordination/projects/${centre.id}/filings`, {
      plannedSigningDate: FUTURE,
    });
    expect(denied.status).toBe(403);
    const own = await project(liaison);
    const filed = await liaison.post(`/api/coordination/projects/${own.id}/filings`, { plannedSigningDate: FUTURE });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  });

  it('registers projects only for its own unit', async () => {
    const forCentre = await liaison.post('/api/projects', {
      name: `联络员代登记${++seq}`,
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '220402',
      firstUnitId: officer.unitId,
    });
    expect(forCentre.status).toBe(403);
    await project(liaison);
  });
});
