import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import { rows } from '../../db/client';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';

let t: TestApp;
let jiaxing: ApiClient;
let liaoyuan: ApiClient;
let seed = 1000;
const nextCode = () => makeCreditCode(++seed);

beforeAll(async () => {
  t = await startTestApp();
  jiaxing = await t.signIn({ role: 'officer', regionCode: '330400' });
  liaoyuan = await t.signIn({ role: 'officer', regionCode: '220400' });
});
afterAll(() => t.close());

async function create(client: ApiClient, body: Record<string, unknown>) {
  return client.post('/api/enterprises', { creditCode: nextCode(), ...body });
}

async function auditRows(entityId: string) {
  return rows<{ action: string; before: unknown; after: { name?: string } | null }>(
    t.database.db,
    sql`select action, before, after from audit_log where entity = 'enterprise' and entity_id = ${entityId} order by seq`,
  );
}

describe('registering enterprises', () => {
  it('stores a Traditional name in Simplified, with its core, and audits the creation', async () => {
    const res = await create(jiaxing, {
      name: '江蘇恆瑞醫藥股份有限公司',
      registeredCapitalWan: '637863.7',
      hqRegionCode: '330400',
      industryDivision: '27',
      tags: ['china_top_500', 'listed'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '江苏恒瑞医药股份有限公司',
      nameCore: '恒瑞医药',
      registeredCapitalWan: '637863.70',
      hqCountry: { code: 'CN', zh: '中国' },
      industrySection: { code: 'C', zh: '制造业' },
      industryDivision: { code: '27', zh: '医药制造业' },
      tags: ['china_top_500', 'listed'],
      topThree500: true,
      hqRegion: { code: '330400', name: '嘉兴市' },
      region: { code: '330400', name: '嘉兴市' },
      version: 1,
    });
    const audit = await auditRows(res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'enterprise.created', after: { name: '江苏恒瑞医药股份有限公司' } });

    const again = await jiaxing.get(`/api/enterprises/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.name).toBe('江苏恒瑞医药股份有限公司');
  });

  it('accepts a lower-case credit code with spaces and stores it normalised', async () => {
    const code = nextCode();
    const typed = ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9).toLowerCase()} `;
    const res = await jiaxing.post('/api/enterprises', { name: '嘉兴测试规范化有限公司', creditCode: typed });
    expect(res.status).toBe(201);
    expect(res.body.creditCode).toBe(code);
  });

  it('refuses a wrong check character with a 400 naming body.creditCode and position 18 in both languages', async () => {
    const code = nextCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const res = await t
      .client('en')
      .request('POST', '/api/enterprises', { name: '校验码错误有限公司', creditCode: wrongCheck }, {});
    expect(res.status).toBe(401); // anonymous first: the route is protected

    const refused = await jiaxing.post('/api/enterprises', { name: '校验码错误有限公司', creditCode: wrongCheck });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION');
    const error = refused.body.errors.find((e: { field: string }) => e.field === 'body.creditCode');
    expect(error['zh-CN']).toContain(`第18位校验码应为 ${code[17]}`);
    expect(error.en).toContain(`check character at position 18 should be ${code[17]}`);
  });

  it('names an illegal character by its position', async () => {
    const code = nextCode();
    const withO = code.slice(0, 4) + 'O' + code.slice(5);
    const res = await jiaxing.post('/api/enterprises', { name: '非法字符有限公司', creditCode: withO });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body.creditCode' });
    expect(res.body.errors[0]['zh-CN']).toContain('第5位含非法字符 O');
  });

  it('requires a credit code at home but not abroad, and checks the country', async () => {
    const home = await jiaxing.post('/api/enterprises', { name: '无代码有限公司' });
    expect(home.status).toBe(400);
    expect(home.body.errors[0].field).toBe('body.creditCode');

    const abroad = await jiaxing.post('/api/enterprises', {
      name: 'Siemens AG',
      hqCountry: 'de',
      tags: ['fortune_global_500', 'foreign'],
    });
    expect(abroad.status).toBe(201);
    expect(abroad.body).toMatchObject({
      creditCode: null,
      hqCountry: { code: 'DE', zh: '德国', en: 'Germany' },
      nameCore: 'siemens',
      topThree500: true,
    });

    const unknownRegion = await create(jiaxing, { name: '未知地区有限公司', hqRegionCode: '999999' });
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.errors[0].field).toBe('body.hqRegionCode');

    const nowhere = await jiaxing.post('/api/enterprises', { name: 'Nowhere Ltd', hqCountry: 'ZZ' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors[0].field).toBe('body.hqCountry');
  });

  it('refuses a division outside its section, naming the field', async () => {
    const res = await create(jiaxing, { name: '行业错配有限公司', industrySection: 'I', industryDivision: '39' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.industryDivision');
    expect(res.body.errors[0]['zh-CN']).toContain('属于门类 C');
  });

  it('refuses a duplicate credit code with a 409 that names only the registering unit and region', async () => {
    const code = nextCode();
    const first = await liaoyuan.post('/api/enterprises', { name: '辽源原登记有限公司', creditCode: code });
    expect(first.status).toBe(201);
    const dup = await jiaxing.post('/api/enterprises', { name: '嘉兴重复登记有限公司', creditCode: code });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CONFLICT');
    expect(dup.body.errors[0].field).toBe('body.creditCode');
    expect(dup.body.detail).toContain('辽源市');
    expect(JSON.stringify(dup.body)).not.toContain(first.body.id);
    expect(JSON.stringify(dup.body)).not.toContain('辽源原登记');
  });

  it('does not let a viewer register enterprises', async () => {
    const viewer = await t.signIn({ role: 'viewer', regionCode: '330400' });
    const res = await create(viewer, { name: '查看人员有限公司' });
    expect(res.status).toBe(403);
  });
});

describe('finding enterprises', () => {
  let zone: ApiClient;
  beforeAll(async () => {
    zone = await t.signIn({ role: 'officer', regionCode: '3304Z1' });
    for (const [name, tags] of [
      ['浙江华友钴业股份有限公司', ['china_top_500', 'listed']],
      ['嘉兴港区闻泰通讯有限公司', ['private_top_500']],
      ['嘉兴敏实汽车零部件有限公司', ['specialized']],
    ] as const) {
      expect((await create(zone, { name, tags })).status).toBe(201);
    }
  });

  it('finds by a Chinese substring, also when typed in Traditional', async () => {
    const res = await zone.get(`/api/enterprises?q=${encodeURIComponent('华友钴业')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { name: string }) => e.name)).toEqual(['浙江华友钴业股份有限公司']);
    const traditional = await zone.get(`/api/enterprises?q=${encodeURIComponent('華友鈷業')}`);
    expect(traditional.body.total).toBe(1);
  });

  it('finds by pinyin initials and by a full-pinyin prefix', async () => {
    const initials = await zone.get('/api/enterprises?q=hygy');
    expect(initials.body.items.map((e: { name: string }) => e.name)).toEqual(['浙江华友钴业股份有限公司']);
    const full = await zone.get('/api/enterprises?q=minshi');
    expect(full.body.items.map((e: { name: string }) => e.name)).toEqual(['嘉兴敏实汽车零部件有限公司']);
    const none = await zone.get('/api/enterprises?q=xyzq');
    expect(none.body.total).toBe(0);
  });

  it('filters by tag and pages', async () => {
    const tagged = await zone.get('/api/enterprises?tag=private_top_500');
    expect(tagged.body.items.map((e: { name: string }) => e.name)).toEqual(['嘉兴港区闻泰通讯有限公司']);
    const page = await zone.get('/api/enterprises?pageSize=2&page=2&sort=name');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    const past = await zone.get('/api/enterprises?pageSize=2&page=5&sort=name');
    expect(past.body).toMatchObject({ items: [], total: 3, page: 5 });
  });

  it('shows a zone officer only the zone, and the city officer the zone too', async () => {
    const own = await zone.get('/api/enterprises?pageSize=100');
    expect(own.body.items.every((e: { region: { code: string } }) => e.region.code === '3304Z1')).toBe(true);
    const city = await jiaxing.get(`/api/enterprises?q=${encodeURIComponent('华友')}`);
    expect(city.body.total).toBe(1);
  });

  it('answers 404 for an enterprise outside the scope, on read and on write', async () => {
    const other = await create(liaoyuan, { name: '辽源麦达斯铝业有限公司' });
    expect(other.status).toBe(201);
    const read = await jiaxing.get(`/api/enterprises/${other.body.id}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('NOT_FOUND');
    const write = await jiaxing.patch(`/api/enterprises/${other.body.id}`, { version: 1, name: '改名' });
    expect(write.status).toBe(404);
    const listed = await jiaxing.get(`/api/enterprises?q=${encodeURIComponent('麦达斯')}`);
    expect(listed.body.total).toBe(0);
  });
});

describe('changing enterprises', () => {
  it('updates with the current version, and a stale version is a 409 that loses nothing', async () => {
    const created = await create(jiaxing, { name: '嘉兴版本测试有限公司', tags: ['specialized'] });
    const id = created.body.id as string;

    const first = await jiaxing.patch(`/api/enterprises/${id}`, {
      version: 1,
      registeredCapitalWan: '5000',
      tags: ['specialized', 'unicorn'],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, registeredCapitalWan: '5000.00', tags: ['specialized', 'unicorn'] });

    const colleague = await t.signIn({ role: 'officer', regionCode: '330400' });
    const stale = await colleague.patch(`/api/enterprises/${id}`, { version: 1, registeredCapitalWan: '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const now = await jiaxing.get(`/api/enterprises/${id}`);
    expect(now.body).toMatchObject({ version: 2, registeredCapitalWan: '5000.00', tags: ['specialized', 'unicorn'] });
    const audit = await auditRows(id);
    expect(audit.map((a) => a.action)).toEqual(['enterprise.created', 'enterprise.updated']);
    expect(audit[1]!.before).toMatchObject({ registeredCapitalWan: null, version: 1 });
  });

  it('re-derives the name core and section on rename and re-classification', async () => {
    const created = await create(jiaxing, { name: '嘉兴旧名有限公司', industryDivision: '39' });
    expect(created.body.industrySection.code).toBe('C');
    const res = await jiaxing.patch(`/api/enterprises/${created.body.id}`, {
      version: 1,
      name: '浙江新名稱科技有限公司',
      industryDivision: '65',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '浙江新名称科技有限公司',
      nameCore: '新名称科技',
      industrySection: { code: 'I' },
      industryDivision: { code: '65' },
    });
    const found = await jiaxing.get('/api/enterprises?q=xmckj');
    expect(found.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
  });

  it('refuses to take over another record’s credit code', async () => {
    const a = await create(jiaxing, { name: '甲有限公司' });
    const b = await create(jiaxing, { name: '乙有限公司' });
    const res = await jiaxing.patch(`/api/enterprises/${b.body.id}`, { version: 1, creditCode: a.body.creditCode });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('body.creditCode');
    // Keeping one's own code is no conflict.
    const same = await jiaxing.patch(`/api/enterprises/${a.body.id}`, { version: 1, creditCode: a.body.creditCode });
    expect(same.status).toBe(200);
  });
});

describe('industries', () => {
  it('serves the GB/T 4754-2017 tree', async () => {
    const res = await jiaxing.get('/api/industries');
    expect(res.status).toBe(200);
    expect(res.body.sections).toHaveLength(20);
    const c = res.body.sections.find((s: { code: string }) => s.code === 'C');
    expect(c.zh).toBe('制造业');
    expect(c.divisions).toHaveLength(31);
  });
});
