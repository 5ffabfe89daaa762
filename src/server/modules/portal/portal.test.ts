import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let anonymous: ApiClient;
let officer: Client; // 辽源市
let leader: Client; // 辽源市
let viewer: Client; // 辽源市
let liaison: Client; // 辽源市
let jilinCity: Client; // 吉林市, another city of the province
const ids: Record<string, string> = {};

const PUBLIC_FIELDS = [
  'address',
  'availableOn',
  'buildingKind',
  'code',
  'id',
  'kind',
  'lat',
  'lng',
  'name',
  'price',
  'readyToBuild',
  'region',
  'size',
  'status',
  'use',
];

async function parcel(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/factors/parcels', { areaMu: '50.00', use: 'industrial', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function building(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/factors/buildings', { kind: 'standard_factory', floorAreaM2: 6000, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const validInquiry = {
  company: '長春測試新材料有限公司',
  contactName: '王經理 wang',
  phone: '13800001111',
  email: 'wang@example.com',
  industry: '新材料',
  investmentWan: '20000',
  landMu: '80',
  message: '计划投资建设新材料生产基地，希望了解用地条件。',
};

async function submit(body: Record<string, unknown>, client: ApiClient = anonymous) {
  return client.post('/api/public/inquiries', { ...validInquiry, ...body });
}

async function submitted(body: Record<string, unknown>) {
  const res = await submit(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const [row] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from inquiries where reference = ${res.body.reference as string}`,
  );
  return { id: row!.id, reference: res.body.reference as string };
}

async function auditCount(action: string, entityId: string) {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`,
  );
  return row!.n;
}

beforeAll(async () => {
  t = await startTestApp({ INQUIRY_RATE_LIMIT: '1000' });
  anonymous = t.client();
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  leader = await t.signIn({ role: 'leader', regionCode: '220400' });
  viewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
  liaison = await t.signIn({ role: 'liaison', regionCode: '220400' });
  jilinCity = await t.signIn({ role: 'officer', regionCode: '220200' });

  ids.listed = await parcel(officer, {
    code: 'PT-DF-01',
    name: '东丰县门户测试地块',
    regionCode: '220421',
    address: '东丰县工业大道 8 号',
    lng: '125.531000',
    lat: '42.677000',
    priceWanPerMu: '9.80',
    priceKind: 'listed',
    readyToBuild: true,
    availableOn: '2026-03-01',
    published: true,
    note: '内部备注：勿外传',
  });
  ids.reserved = await parcel(officer, {
    code: 'PT-GX-01',
    name: '高新区门户物流地块',
    regionCode: '2204Z1',
    use: 'logistics',
    priceWanPerMu: '12.00',
    priceKind: 'reference',
    published: true,
  });
  await t.database.db.execute(sql`update parcels set status = 'reserved' where id = ${ids.reserved}`);
  ids.unpublished = await parcel(officer, { code: 'PT-DF-02', name: '东丰县未发布地块', regionCode: '220421' });
  ids.used = await parcel(officer, { code: 'PT-DF-03', name: '东丰县已用地块', regionCode: '220421', published: true });
  await t.database.db.execute(sql`update parcels set status = 'used' where id = ${ids.used}`);
  ids.factory = await building(officer, {
    code: 'PT-LS-01',
    name: '龙山区门户标准厂房',
    regionCode: '220402',
    rentYuanM2Month: '15.50',
    published: true,
    note: '内部备注',
  });
  ids.hiddenFactory = await building(officer, { code: 'PT-LS-02', name: '龙山区未发布厂房', regionCode: '220402' });
  ids.elsewhere = await parcel(jilinCity, {
    code: 'PT-JL-01',
    name: '吉林市门户地块',
    regionCode: '220200',
    published: true,
  });
});
afterAll(() => t.close());

describe('public supply', () => {
  it('lists only published parcels and buildings still on offer, without internal fields', async () => {
    const res = await anonymous.get('/api/public/supply?region=220400&pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.factory, ids.listed, ids.reserved]);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 100 });
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_FIELDS);
    expect(JSON.stringify(res.body)).not.toContain('内部备注');

    const byId = new Map(res.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(ids.listed)).toEqual({
      id: ids.listed,
      kind: 'parcel',
      code: 'PT-DF-01',
      name: '东丰县门户测试地块',
      region: { code: '220421', name: '东丰县', nameEn: expect.any(String) },
      size: '50.00',
      use: 'industrial',
      buildingKind: null,
      address: '东丰县工业大道 8 号',
      lng: 125.531,
      lat: 42.677,
      price: '9.80',
      readyToBuild: true,
      availableOn: '2026-03-01',
      status: 'available',
    });
    // A reference price is internal: only a listed price is shown.
    expect(byId.get(ids.reserved)).toMatchObject({ status: 'reserved', price: null, use: 'logistics' });
    expect(byId.get(ids.factory)).toMatchObject({
      kind: 'building',
      size: '6000',
      buildingKind: 'standard_factory',
      price: '15.50',
      use: null,
      readyToBuild: null,
    });
  });

  it('filters by region subtree, kind, land use and text', async () => {
    const list = async (query: string) =>
      (await anonymous.get(`/api/public/supply?${query}`)).body.items.map((i: { id: string }) => i.id);
    expect(await list('region=220421')).toEqual([ids.listed]);
    expect(await list('region=220200')).toEqual([ids.elsewhere]);
    expect(await list('region=220400&kind=parcel')).toEqual([ids.listed, ids.reserved]);
    expect(await list('region=220400&kind=building')).toEqual([ids.factory]);
    expect(await list('region=220400&use=logistics')).toEqual([ids.reserved]);
    expect(await list('q=工业大道')).toEqual([ids.listed]);
    expect(await list('q=PT-LS')).toEqual([ids.factory]);
    const paged = await anonymous.get('/api/public/supply?region=220000&pageSize=2&page=2');
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
  });

  it('serves the whole region tree without sign-in', async () => {
    const res = await anonymous.get('/api/public/regions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ code: '000000', level: 'country' });
    const provinces = res.body[0].children.map((c: { code: string }) => c.code);
    expect(provinces).toEqual(expect.arrayContaining(['220000', '620000', '440000', '330000']));
  });
});

describe('submitting an inquiry', () => {
  it('names the failing field in zh-CN and en', async () => {
    const { phone: _phone, ...noPhone } = validInquiry;
    let res = await anonymous.post('/api/public/inquiries', { ...noPhone, regionCode: '220400' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'body.phone', 'zh-CN': '必填', en: 'Required' }),
    ]);

    res = await t.client('en').post('/api/public/inquiries', { ...validInquiry, phone: '12345', regionCode: '220400' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.phone');
    expect(res.body.errors[0]['zh-CN']).toContain('手机号');
    expect(res.body.errors[0].message).toContain('mobile');

    res = await submit({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'body.regionCode', 'zh-CN': expect.stringContaining('意向地区') }),
    ]);

    res = await submit({ regionCode: '000000' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.regionCode');

    for (const id of [ids.unpublished, ids.used, ids.factory]) {
      res = await submit({ item: { kind: 'parcel', id } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'body.item', en: 'No such published parcel or building' }),
      ]);
    }
    const [row] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from inquiries`);
    expect(row!.n).toBe(0);
  });

  it('gives a reference, keeps the text as typed, and reaches the region’s officers only', async () => {
    const res = await submit({ regionCode: '220400' });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^YX-\d{8}-\d{4}$/);
    const { id, reference } = await submitted({ regionCode: '220400', company: '第二家測試企業' });
    expect(Number(reference.slice(-4))).toBe(Number(res.body.reference.slice(-4)) + 1);

    const list = await officer.get('/api/inquiries?status=new');
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i: { id: string }) => i.id === id);
    expect(mine).toMatchObject({
      reference,
      company: '第二家測試企業',
      contactName: '王經理 wang',
      region: { code: '220400', name: '辽源市' },
      investmentWan: '20000.00',
      status: 'new',
      item: null,
      project: null,
      decidedBy: null,
      version: 1,
    });
    expect(list.body.items[0].id).toBe(id); // newest first

    const notes = await officer.get('/api/notifications');
    expect(notes.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'inquiry.submitted', entityId: id })]),
    );
    expect(notes.body.items.find((n: { entityId: string }) => n.entityId === id).titleEn).toContain(reference);
    expect(await auditCount('inquiry.submitted', id)).toBe(1);

    expect((await jilinCity.get(`/api/inquiries/${id}`)).status).toBe(404);
    const other = await jilinCity.get('/api/inquiries');
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const otherNotes = await jilinCity.get('/api/notifications');
    expect(otherNotes.body.items.map((n: { entityId: string }) => n.entityId)).not.toContain(id);
    // Readers of the region see it too.
    expect((await viewer.get(`/api/inquiries/${id}`)).status).toBe(200);
  });

  it('takes the region of the item asked about; a county without officers passes it to its city', async () => {
    const { id } = await submitted({ regionCode: '220200', item: { kind: 'parcel', id: ids.listed } });
    const res = await officer.get(`/api/inquiries/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      region: { code: '220421' },
      item: { kind: 'parcel', id: ids.listed, code: 'PT-DF-01', name: '东丰县门户测试地块' },
    });
    const notes = await officer.get('/api/notifications');
    expect(notes.body.items.map((n: { entityId: string }) => n.entityId)).toContain(id);
    expect((await jilinCity.get(`/api/inquiries/${id}`)).status).toBe(404);

    const reserved = await submitted({ item: { kind: 'parcel', id: ids.reserved } });
    expect((await officer.get(`/api/inquiries/${reserved.id}`)).body.region.code).toBe('2204Z1');
  });

  it('needs no CSRF token, signed in or not', async () => {
    const res = await officer.request(
      'POST',
      '/api/public/inquiries',
      { ...validInquiry, regionCode: '220400' },
      {
        'x-csrf-token': '',
      },
    );
    expect(res.status).toBe(201);
  });
});

describe('deciding on an inquiry', () => {
  it('accepts it as a project in 洽谈 in the inquiry’s region, once', async () => {
    const { id } = await submitted({ item: { kind: 'building', id: ids.factory } });
    const res = await officer.post(`/api/inquiries/${id}/accept`, {
      version: 1,
      name: '门户新材料生产基地项目',
      totalInvestmentWan: '20000',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.project).toMatchObject({ name: '门户新材料生产基地项目', stage: 'negotiating' });
    expect(res.body.inquiry).toMatchObject({
      status: 'accepted',
      project: { id: res.body.project.id, code: res.body.project.code },
      decidedBy: { id: officer.userId },
      version: 2,
    });
    expect(res.body.inquiry.decidedAt).not.toBeNull();

    const project = await officer.get(`/api/projects/${res.body.project.id}`);
    expect(project.body).toMatchObject({
      stage: 'negotiating',
      hostRegion: { code: '220402' },
      sourceChannel: '投资者门户',
      landDemandMu: '80.00',
    });
    expect(await auditCount('inquiry.accepted', id)).toBe(1);

    const again = await leader.post(`/api/inquiries/${id}/accept`, {
      version: 2,
      name: '再来一次',
      totalInvestmentWan: '1',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('body.status');
    const declined = await leader.post(`/api/inquiries/${id}/decline`, { version: 2, reason: '重复处理' });
    expect(declined.status).toBe(409);
  });

  it('leaves the inquiry new when the project is refused', async () => {
    const { id } = await submitted({ regionCode: '220400' });
    const res = await officer.post(`/api/inquiries/${id}/accept`, {
      version: 1,
      name: '无效落地地项目',
      totalInvestmentWan: '100',
      hostRegionCode: '999999',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body.hostRegionCode');
    expect((await officer.get(`/api/inquiries/${id}`)).body).toMatchObject({ status: 'new', version: 1 });
  });

  it('declines only with a reason, and refuses a stale version', async () => {
    const { id } = await submitted({ regionCode: '220400' });
    let res = await officer.post(`/api/inquiries/${id}/decline`, { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.reason');
    res = await officer.post(`/api/inquiries/${id}/decline`, { version: 1, reason: ' 否 ' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.reason');
    res = await officer.post(`/api/inquiries/${id}/decline`, { version: 3, reason: '产业方向不符' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');

    res = await officer.post(`/api/inquiries/${id}/decline`, { version: 1, reason: '产业方向不符合本地规划' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'declined',
      declineReason: '产业方向不符合本地规划',
      decidedBy: { id: officer.userId },
      project: null,
      version: 2,
    });
    expect(await auditCount('inquiry.declined', id)).toBe(1);
    const declined = await officer.get('/api/inquiries?status=declined');
    expect(declined.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('refuses viewers and liaisons, and other cities never find it', async () => {
    const { id } = await submitted({ regionCode: '220400' });
    for (const client of [viewer, liaison]) {
      const accept = await client.post(`/api/inquiries/${id}/accept`, {
        version: 1,
        name: '项目',
        totalInvestmentWan: '1',
      });
      expect(accept.status).toBe(403);
      const decline = await client.post(`/api/inquiries/${id}/decline`, { version: 1, reason: '不予受理' });
      expect(decline.status).toBe(403);
    }
    const foreign = await jilinCity.post(`/api/inquiries/${id}/decline`, { version: 1, reason: '不予受理' });
    expect(foreign.status).toBe(404);
    expect((await officer.get(`/api/inquiries/${id}`)).body).toMatchObject({ status: 'new', version: 1 });
  });
});

describe('rate limit', () => {
  it('answers 429 after INQUIRY_RATE_LIMIT submissions from one address', async () => {
    const limited = await startTestApp({ INQUIRY_RATE_LIMIT: '2' });
    try {
      const client = limited.client('en');
      const body = { ...validInquiry, regionCode: '220400' };
      expect((await client.post('/api/public/inquiries', body)).status).toBe(201);
      expect((await client.post('/api/public/inquiries', body)).status).toBe(201);
      const res = await client.post('/api/public/inquiries', body);
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ code: 'RATE_LIMITED', title: 'Too many requests; try again later' });
      // Reading the portal is not limited.
      expect((await client.get('/api/public/supply')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
