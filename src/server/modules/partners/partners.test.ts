import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';

type Client = ApiClient & { userId: string; unitId: string };
type Reward = { reason: string; project: { code: string }; beneficiary: { name: string }; rewardYear: number };

let t: TestApp;
let officer: Client; // 辽源市
let viewer: Client; // 辽源市
let gansu: Client; // 甘肃省
let jiaxing: Client; // 嘉兴市

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  viewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
  gansu = await t.signIn({ role: 'officer', regionCode: '620000' });
  jiaxing = await t.signIn({ role: 'officer', regionCode: '330400' });
});
afterAll(() => t.close());

async function auditCount(action: string, entityId: string) {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`,
  );
  return row!.n;
}

let seq = 0;
async function project(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/projects', {
    name: `引荐测试项目${++seq}`,
    totalInvestmentWan: '8000',
    sourceChannel: '以商招商',
    hostRegionCode: '220402',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string };
}

/** Signs and registers a project (the gates need an agreement file). */
async function land(client: ApiClient, id: string, registeredDate: string) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('协议')], { type: 'application/pdf' }), '协议.pdf');
  const file = await client.post('/api/files', form);
  expect(file.status).toBe(201);
  let res = await client.post(`/api/projects/${id}/transitions`, {
    to: 'signed',
    signingDate: '2025-07-20',
    contractAmountWan: '100',
    parties: ['政府', '投资方'],
    agreementFileId: file.body.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res = await client.post(`/api/projects/${id}/transitions`, { to: 'registered', registeredDate });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('partner library', () => {
  it('records a chamber with its contact, folds Traditional input, and audits it', async () => {
    const res = await officer.post('/api/partners', {
      kind: 'chamber',
      name: '上海吉林商會',
      contactPerson: '劉會長',
      phone: '021-12345678',
      location: '上海',
      focusIndustries: ['汽車零部件', '醫藥健康'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'chamber',
      kindLabel: { zh: '商会' },
      name: '上海吉林商会',
      contactPerson: '刘会长',
      focusIndustries: ['汽车零部件', '医药健康'],
      status: 'active',
      ownerUnit: { id: officer.unitId },
      region: { code: '220400' },
      referrals: [],
      version: 1,
    });
    expect(await auditCount('partner.created', res.body.id)).toBe(1);

    const again = await officer.post('/api/partners', { kind: 'chamber', name: '上海吉林商会' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('body.name');

    const list = await officer.get('/api/partners?kind=chamber&q=' + encodeURIComponent('吉林商會'));
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    expect((await officer.get('/api/partners?kind=advisor')).body.total).toBe(0);
    // A page past the end is empty but still says how many there are.
    const pastEnd = await officer.get('/api/partners?kind=chamber&page=5&q=' + encodeURIComponent('吉林商會'));
    expect(pastEnd.body).toMatchObject({ items: [], total: 1 });
  });

  it('updates with the version read; a stale version is a 409 and changes nothing', async () => {
    const created = (await officer.post('/api/partners', { kind: 'advisor', name: '张顾问' })).body;
    const ok = await officer.patch(`/api/partners/${created.id}`, { version: 1, status: 'inactive', location: '长春' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'inactive', location: '长春', version: 2, kind: 'advisor' });
    const stale = await officer.patch(`/api/partners/${created.id}`, { version: 1, location: '北京' });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/partners/${created.id}`)).body.location).toBe('长春');
    expect(await auditCount('partner.updated', created.id)).toBe(1);
  });

  it('viewers read only; outside the scope a partner is not found', async () => {
    const created = (await officer.post('/api/partners', { kind: 'intermediary', name: '某招商咨询公司' })).body;
    expect((await viewer.get(`/api/partners/${created.id}`)).status).toBe(200);
    expect((await viewer.post('/api/partners', { kind: 'advisor', name: '李顾问' })).status).toBe(403);
    expect((await gansu.get(`/api/partners/${created.id}`)).status).toBe(404);
    expect((await gansu.patch(`/api/partners/${created.id}`, { version: 1, name: '改名' })).status).toBe(404);
    expect((await gansu.get('/api/partners')).body.items).toEqual([]);
    const foreignUnit = await gansu.post('/api/partners', {
      kind: 'advisor',
      name: '某人',
      ownerUnitId: officer.unitId,
    });
    expect(foreignUnit.status).toBe(400);
    expect(foreignUnit.body.errors[0].field).toBe('body.ownerUnitId');
  });
});

describe('referrals and rewards', () => {
  it('a referral links a visible project once; someone else’s project cannot be referred', async () => {
    const partner = (await officer.post('/api/partners', { kind: 'ambassador', name: '王大使' })).body;
    const p = await project(officer, {});
    const res = await officer.post(`/api/partners/${partner.id}/referrals`, {
      projectId: p.id,
      referredOn: '2025-05-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ project: { id: p.id, code: p.code }, referredOn: '2025-05-01' });
    expect(await auditCount('referral.created', res.body.id)).toBe(1);
    const twice = await officer.post(`/api/partners/${partner.id}/referrals`, {
      projectId: p.id,
      referredOn: '2025-05-02',
    });
    expect(twice.status).toBe(409);
    const far = await project(gansu, { hostRegionCode: '620100' });
    const outside = await officer.post(`/api/partners/${partner.id}/referrals`, {
      projectId: far.id,
      referredOn: '2025-05-01',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.projectId');
    const detail = await officer.get(`/api/partners/${partner.id}`);
    expect(detail.body.referralCount).toBe(1);
    expect(detail.body.referrals.map((r: { project: { id: string } }) => r.project.id)).toEqual([p.id]);

    const removed = await officer.delete(`/api/partners/${partner.id}/referrals/${res.body.id}`);
    expect(removed.status).toBe(204);
    expect(await auditCount('referral.deleted', res.body.id)).toBe(1);
    expect((await officer.get(`/api/partners/${partner.id}`)).body.referrals).toEqual([]);
  });

  it('Liaoyuan: a landed project over 1亿元 earns its first unit next year’s reward; a referred major project earns the partner', async () => {
    const chamber = (await officer.post('/api/partners', { kind: 'chamber', name: '深圳辽源商会' })).body;
    const major = await project(officer, { totalInvestmentWan: '60000' });
    const small = await project(officer, { totalInvestmentWan: '10000' });
    const referredLate = await project(officer, { totalInvestmentWan: '80000' });
    for (const [p, on] of [
      [major, '2025-05-01'],
      [small, '2025-05-01'],
      [referredLate, '2025-09-01'],
    ] as const) {
      const r = await officer.post(`/api/partners/${chamber.id}/referrals`, { projectId: p.id, referredOn: on });
      expect(r.status).toBe(201);
    }
    const before = await officer.get('/api/partners/rewards');
    expect(before.body.items).toEqual([]);
    await land(officer, major.id, '2025-08-10');
    await land(officer, small.id, '2025-08-10');
    await land(officer, referredLate.id, '2025-08-12');

    const res = await officer.get('/api/partners/rewards');
    expect(res.status).toBe(200);
    const summary = res.body.items.map((e: Reward) => [e.reason, e.project.code, e.beneficiary.name, e.rewardYear]);
    expect(summary).toEqual([
      ['first_unit_landing', major.code, expect.any(String), 2026],
      ['referral', major.code, '深圳辽源商会', 2025],
      ['first_unit_landing', referredLate.code, expect.any(String), 2026],
    ]);
    const unitReward = res.body.items[0];
    expect(unitReward).toMatchObject({
      beneficiary: { kind: 'unit', id: officer.unitId },
      landedOn: '2025-08-10',
      source: 'liaoyuan §三.七',
      reward: { zh: '2026年预算安排重点保障；办公经费在上一年基础上提高20%' },
    });
    expect(res.body.items[1].source).toMatch(/^liaoyuan §三.七/);
    expect((await officer.get('/api/partners/rewards?year=2025')).body.items).toHaveLength(1);
    expect((await gansu.get('/api/partners/rewards')).body.items).toEqual([]);
  });

  it('Jiaxing: any referred project that lands is rewarded at the top market rate', async () => {
    const ambassador = (await jiaxing.post('/api/partners', { kind: 'ambassador', name: '嘉興全球招商大使 陳先生' }))
      .body;
    expect(ambassador.name).toBe('嘉兴全球招商大使 陈先生');
    const p = await project(jiaxing, { totalInvestmentWan: '500', hostRegionCode: '330402' });
    await jiaxing.post(`/api/partners/${ambassador.id}/referrals`, { projectId: p.id, referredOn: '2025-03-01' });
    await land(jiaxing, p.id, '2025-08-01');
    const items = (await jiaxing.get('/api/partners/rewards')).body.items;
    expect(items).toMatchObject([
      {
        reason: 'referral',
        beneficiary: { kind: 'partner', id: ambassador.id, partnerKind: 'ambassador' },
        source: 'jiaxing §二(二)9',
        reward: { zh: '引荐奖励：按现行市场化标准顶格奖励' },
      },
    ]);
  });
});
