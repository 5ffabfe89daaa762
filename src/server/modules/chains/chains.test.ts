import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import { rows } from '../../db/client';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let officer: Client; // 辽源市
let viewer: Client; // 辽源市
let jilin: Client; // 吉林省
let jiaxing: Client; // 嘉兴市
let jiangmen: Client; // 江门市
let creditSeed = 71_000;

interface Segment {
  id: string;
  parentId: string | null;
  name: string;
  position: string;
  strength: string;
  priority: string;
  need: string | null;
  version: number;
  enterprises: { name: string; role: string }[];
  targets: Record<string, number>;
  projectsByStage: { stage: string; count: number; totalInvestmentWan: string }[];
}

async function enterprise(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/enterprises', { creditCode: makeCreditCode(++creditSeed), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function chainByName(client: Client, name: string) {
  const list = await client.get('/api/chains');
  const summary = list.body.items.find((c: { name: string }) => c.name === name);
  const res = await client.get(`/api/chains/${summary.id}`);
  expect(res.status).toBe(200);
  return res.body as { id: string; version: number; segments: Segment[]; team: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

const segmentNamed = (chain: { segments: Segment[] }, name: string) => chain.segments.find((s) => s.name === name)!;

async function audit(entityId: string) {
  return rows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where entity_id = ${entityId} order by seq`,
  );
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  viewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
  jilin = await t.signIn({ role: 'officer', regionCode: '220000' });
  jiaxing = await t.signIn({ role: 'officer', regionCode: '330400' });
  jiangmen = await t.signIn({ role: 'officer', regionCode: '440700' });
});
afterAll(() => t.close());

describe('catalogs', () => {
  it('serves the five catalogs with every entry citing its clause', async () => {
    const res = await viewer.get('/api/catalogs');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([
      'jilin',
      'liaoyuan',
      'jiangmen',
      'jiaxing',
      'gansu',
    ]);
    const jilinCatalog = res.body.items[0];
    expect(jilinCatalog).toMatchObject({ system: '6+5+N', region: { code: '220000', name: '吉林省' } });
    expect(jilinCatalog.groups[0].entries[0]).toMatchObject({ name: { zh: '汽车' }, source: 'jilin §二(一)' });
  });

  it('suggests entries for a Liaoyuan project by its industry and lets an officer assign them', async () => {
    const ent = await enterprise(officer, { name: '辽源轻量化汽车部件有限公司', industryDivision: '36' });
    const project = await officer.post('/api/projects', {
      name: '汽车轻量化部件项目',
      enterpriseIds: [ent],
      industryDivision: '36',
      totalInvestmentWan: '8000',
      sourceChannel: '以商招商',
      hostRegionCode: '220400',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const q = `/api/catalogs/classifications?entityType=project&entityId=${project.body.id}`;
    const suggested = await officer.get(q);
    expect(suggested.status).toBe(200);
    expect(suggested.body.applicableCatalogs).toEqual(['jilin', 'liaoyuan']);
    expect(suggested.body.suggested.map((e: { code: string }) => e.code)).toEqual([
      'jilin.lead.automotive',
      'liaoyuan.chain.equipment',
    ]);
    expect(suggested.body.assigned).toEqual([]);

    const set = await officer.put('/api/catalogs/classifications', {
      entityType: 'project',
      entityId: project.body.id,
      entryCodes: ['jilin.lead.automotive', 'jilin.emerging.new-equipment'],
    });
    expect(set.status).toBe(200);
    expect(set.body.assigned.map((e: { code: string }) => e.code)).toEqual([
      'jilin.lead.automotive',
      'jilin.emerging.new-equipment',
    ]);
    expect((await audit(project.body.id)).map((a) => a.action)).toContain('catalog.classified');

    const foreign = await officer.put('/api/catalogs/classifications', {
      entityType: 'project',
      entityId: project.body.id,
      entryCodes: ['gansu.cluster.biomedicine'],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'body.entryCodes' });
    expect(foreign.body.errors[0]['zh-CN']).toContain('gansu.cluster.biomedicine');

    // Out of scope: the project is simply not found.
    expect((await jiaxing.get(q)).status).toBe(404);
  });
});

describe('Liaoyuan chains seeded from liaoyuan §四', () => {
  it('lists the eight chains with their owners, units and the directions the notice names', async () => {
    const list = await officer.get('/api/chains');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual([
      '袜业纺织产业链',
      '农产品加工产业链',
      '装备制造产业链',
      '医药健康产业链',
      '冶金建材产业链',
      '新能源产业链',
      '新文旅产业链',
      '未来经济产业链',
    ]);
    const socks = await chainByName(officer, '袜业纺织产业链');
    expect(socks).toMatchObject({
      source: 'liaoyuan §四(一)',
      isKey: true,
      catalogEntry: { code: 'liaoyuan.chain.socks-textile' },
      team: { leadUnit: { name: '辽源市工业和信息化局' }, leaderName: null, secretaryName: null },
    });
    expect(socks.team.leadUnitNames).toContain('北方袜业集团');
    expect(segmentNamed(socks, '袜业纺织制造').enterprises.map((e) => [e.name, e.role])).toEqual([
      ['北方袜业集团', 'owner'],
      ['德弘冰雪科技', 'owner'],
      ['优鹿纺织', 'owner'],
    ]);
    expect(segmentNamed(socks, '高端纱线研发制造')).toMatchObject({
      position: 'upstream',
      strength: 'missing',
      need: 'fill',
      priority: 'must',
    });
    expect(segmentNamed(socks, '品牌运营与电商销售配套')).toMatchObject({ position: 'downstream' });
    const lateral = segmentNamed(socks, '冰雪装备');
    expect(segmentNamed(socks, '滑雪板')).toMatchObject({ parentId: lateral.id, position: 'lateral' });

    const food = await chainByName(officer, '农产品加工产业链');
    expect(food.segments.flatMap((s) => s.enterprises.map((e) => e.name))).toEqual(['厚德食品', '三只松鼠']);
    const metal = await chainByName(officer, '冶金建材产业链');
    expect(metal.segments.flatMap((s) => s.enterprises.map((e) => e.name))).toEqual(['鑫达钢铁', '北方水泥']);
  });

  it('shows Liaoyuan chains to the province but answers 404 to another city', async () => {
    const socks = await chainByName(officer, '袜业纺织产业链');
    expect((await jilin.get(`/api/chains/${socks.id}`)).status).toBe(200);
    expect((await jiaxing.get(`/api/chains/${socks.id}`)).status).toBe(404);
    expect((await jiaxing.get('/api/chains')).body.items).toEqual([]);
    expect((await jiaxing.get(`/api/chains/${socks.id}/gaps`)).status).toBe(404);
    const segment = socks.segments[0]!;
    expect((await jiaxing.get(`/api/chain-segments/${segment.id}/targets`)).status).toBe(404);
    expect(
      (await jiaxing.patch(`/api/chain-segments/${segment.id}`, { version: segment.version, strength: 'strong' }))
        .status,
    ).toBe(404);
  });
});

describe('editing chain maps and the chain-leader team', () => {
  it('adds a nested segment, changes it with its version, refuses a stale one and bad divisions', async () => {
    const chain = await chainByName(officer, '装备制造产业链');
    const parent = segmentNamed(chain, '新能源汽车零部件');
    const created = await officer.post(`/api/chains/${chain.id}/segments`, {
      parentId: parent.id,
      position: 'midstream',
      name: '动力电池壳体',
      strength: 'missing',
      need: 'fill',
      priority: 'must',
      industryDivisions: ['36', '33'],
      keywords: ['电池壳'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      parentId: parent.id,
      version: 1,
      projectCount: 0,
      projectInvestmentWan: '0.00',
    });

    const changed = await officer.patch(`/api/chain-segments/${created.body.id}`, { version: 1, strength: 'weak' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ strength: 'weak', version: 2 });
    const stale = await officer.patch(`/api/chain-segments/${created.body.id}`, { version: 1, strength: 'strong' });
    expect(stale.status).toBe(409);
    expect(
      (await officer.get(`/api/chains/${chain.id}`)).body.segments.find((s: Segment) => s.id === created.body.id),
    ).toMatchObject({ strength: 'weak' });

    const bad = await officer.post(`/api/chains/${chain.id}/segments`, {
      position: 'upstream',
      name: '坏代码',
      strength: 'weak',
      industryDivisions: ['99'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.industryDivisions' });
    expect(bad.body.errors[0].en).toContain('99');

    const foreignParent = await officer.post(`/api/chains/${chain.id}/segments`, {
      parentId: segmentNamed(await chainByName(officer, '袜业纺织产业链'), '冰雪装备').id,
      position: 'lateral',
      name: '错挂环节',
      strength: 'weak',
    });
    expect(foreignParent.status).toBe(400);
    expect(foreignParent.body.errors[0].field).toBe('body.parentId');

    expect(
      (await viewer.patch(`/api/chain-segments/${created.body.id}`, { version: 2, strength: 'strong' })).status,
    ).toBe(403);
    // A segment with sub-segments stays; an empty one goes.
    expect((await officer.delete(`/api/chain-segments/${parent.id}`)).status).toBe(409);
    expect((await officer.delete(`/api/chain-segments/${created.body.id}`)).status).toBe(204);
    expect((await audit(created.body.id)).map((a) => a.action)).toEqual([
      'chain.segment_created',
      'chain.segment_updated',
      'chain.segment_deleted',
    ]);
  });

  it('names the chain leader, service secretary and working group, with a version check', async () => {
    const chain = await chainByName(officer, '新能源产业链');
    const res = await officer.patch(`/api/chains/${chain.id}`, {
      version: chain.version,
      team: { leaderName: '王副市长', secretaryName: '李秘书', members: ['张三 — 市能源局', '李四 — 市工信局'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.team).toMatchObject({
      leaderName: '王副市长',
      secretaryName: '李秘书',
      members: ['张三 — 市能源局', '李四 — 市工信局'],
      leadUnit: { name: '辽源市工业和信息化局' },
    });
    expect(res.body.team.leadUnitNames[0]).toBe('市能源局');
    expect((await officer.patch(`/api/chains/${chain.id}`, { version: chain.version, isKey: false })).status).toBe(409);
    const jiaxingUnit = await rows<{ id: string }>(
      t.database.db,
      sql`select id from units where region_code = '330400' limit 1`,
    );
    const outside = await officer.patch(`/api/chains/${chain.id}`, {
      version: res.body.version,
      team: { leadUnitId: jiaxingUnit[0]!.id },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.team.leadUnitId');
  });
});

describe('target enterprises and conversion', () => {
  it('walks a target from not contacted to negotiating and converts it into a project in 洽谈', async () => {
    const chain = await chainByName(officer, '冶金建材产业链');
    const segment = segmentNamed(chain, '高端电工钢');
    const steel = await enterprise(officer, {
      name: '首钢电工钢有限公司',
      industryDivision: '31',
      tags: ['china_top_500'],
    });

    const created = await officer.post(`/api/chain-segments/${segment.id}/targets`, { enterpriseId: steel });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'not_contacted',
      ownerUnit: { id: officer.unitId },
      lastContactOn: null,
      nextStatuses: ['contacted', 'dropped'],
    });
    expect((await officer.post(`/api/chain-segments/${segment.id}/targets`, { enterpriseId: steel })).status).toBe(409);

    const contacted = await officer.post(`/api/targets/${created.body.id}/contacts`, {
      contactedOn: '2025-03-02',
      channel: '上门拜访',
      summary: '拜访总部，介绍辽源绿电优势',
    });
    expect(contacted.status).toBe(201);
    expect(contacted.body).toMatchObject({ status: 'contacted', lastContactOn: '2025-03-02' });
    expect(contacted.body.contacts[0]).toMatchObject({
      summary: '拜访总部，介绍辽源绿电优势',
      by: { id: officer.userId },
    });

    const skip = await officer.patch(`/api/targets/${created.body.id}`, {
      version: contacted.body.version,
      status: 'converted',
    });
    expect(skip.status).toBe(400);
    expect(skip.body.errors[0]).toMatchObject({ field: 'body.status' });
    const negotiating = await officer.patch(`/api/targets/${created.body.id}`, {
      version: contacted.body.version,
      status: 'negotiating',
    });
    expect(negotiating.status).toBe(200);
    expect(negotiating.body.status).toBe('negotiating');

    // A refused project leaves the target as it was.
    const refused = await officer.post(`/api/targets/${created.body.id}/convert`, {
      name: '高端电工钢项目',
      totalInvestmentWan: '120000',
      sourceChannel: '以商招商',
      hostRegionCode: '999999',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('body.hostRegionCode');
    expect((await officer.get(`/api/chain-segments/${segment.id}/targets`)).body.items[0].status).toBe('negotiating');

    const converted = await officer.post(`/api/targets/${created.body.id}/convert`, {
      name: '高端电工钢项目',
      totalInvestmentWan: '120000',
      sourceChannel: '以商招商',
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    expect(converted.body.target).toMatchObject({ status: 'converted', canConvert: false, nextStatuses: [] });
    expect(converted.body.project).toMatchObject({ name: '高端电工钢项目', stage: 'negotiating' });
    expect(converted.body.target.project.id).toBe(converted.body.project.id);

    const project = await officer.get(`/api/projects/${converted.body.project.id}`);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({
      stage: 'negotiating',
      chainNodeId: segment.id,
      industryDivision: '31',
      hostRegion: { code: '220400' },
      totalInvestmentWan: '120000.00',
    });
    expect(project.body.enterprises.map((e: { id: string }) => e.id)).toEqual([steel]);

    const again = await officer.post(`/api/targets/${created.body.id}/convert`, {
      name: '重复转化',
      totalInvestmentWan: '1',
      sourceChannel: '其他',
    });
    expect(again.status).toBe(409);

    // The chain page counts the project on its segment, by stage.
    const after = await officer.get(`/api/chains/${chain.id}`);
    const seg = after.body.segments.find((s: Segment) => s.id === segment.id);
    expect(seg.projectsByStage).toEqual([{ stage: 'negotiating', count: 1, totalInvestmentWan: '120000.00' }]);
    expect(seg.targets).toMatchObject({ converted: 1, negotiating: 0 });
    expect(after.body.projects.map((p: { id: string }) => p.id)).toContain(converted.body.project.id);
    expect((await audit(created.body.id)).map((a) => a.action)).toEqual([
      'chain.target_created',
      'chain.target_contacted',
      'chain.target_updated',
      'chain.target_converted',
    ]);
    // Viewers cannot convert.
    expect(
      (
        await viewer.post(`/api/targets/${created.body.id}/convert`, {
          name: 'x',
          totalInvestmentWan: '1',
          sourceChannel: '其他',
        })
      ).status,
    ).toBe(403);
  });

  it('shows at once which gaps nobody works on', async () => {
    const chain = await chainByName(officer, '医药健康产业链');
    const before = await officer.get(`/api/chains/${chain.id}/gaps`);
    expect(before.status).toBe(200);
    const gapNames = before.body.rows.map((r: { segment: { name: string } }) => r.segment.name);
    expect(gapNames).toContain('化学原料药、中间体');
    expect(gapNames).not.toContain('特色资源'); // strong segments are not gaps (and that one is another chain's)
    expect(before.body.uncovered).toBe(before.body.rows.length);

    const api = segmentNamed(chain, '化学原料药、中间体');
    const device = segmentNamed(chain, '医疗器械');
    const pharma = await enterprise(officer, { name: '浙江华海药业股份有限公司', industryDivision: '27' });
    const target = await officer.post(`/api/chain-segments/${api.id}/targets`, { enterpriseId: pharma });
    // Listed but not contacted: still nobody working on it.
    let gaps = await officer.get(`/api/chains/${chain.id}/gaps`);
    expect(gaps.body.rows.find((r: { segment: { id: string } }) => r.segment.id === api.id)).toMatchObject({
      targets: 1,
      workedTargets: 0,
      covered: false,
    });
    await officer.post(`/api/targets/${target.body.id}/contacts`, { contactedOn: '2025-04-01', summary: '电话沟通' });
    const maker = await enterprise(officer, { name: '迈瑞医疗器械有限公司', industryDivision: '35' });
    const deviceTarget = await officer.post(`/api/chain-segments/${device.id}/targets`, { enterpriseId: maker });
    await officer.post(`/api/targets/${deviceTarget.body.id}/convert`, {
      name: '医疗器械生产基地',
      totalInvestmentWan: '30000',
      sourceChannel: '展会招商',
    });
    gaps = await officer.get(`/api/chains/${chain.id}/gaps`);
    const rowOf = (id: string) => gaps.body.rows.find((r: { segment: { id: string } }) => r.segment.id === id);
    expect(rowOf(api.id)).toMatchObject({
      workedTargets: 1,
      liveProjects: 0,
      covered: true,
      ownerUnits: [expect.any(String)],
    });
    expect(rowOf(device.id)).toMatchObject({
      convertedTargets: 1,
      liveProjects: 1,
      liveInvestmentWan: '30000.00',
      covered: true,
    });
    expect(gaps.body.uncovered).toBe(before.body.uncovered - 2);
    const summary = (await officer.get('/api/chains')).body.items.find((c: { id: string }) => c.id === chain.id);
    expect(summary.uncoveredGaps).toBe(gaps.body.uncovered);
  });
});

describe('targeted recommendations', () => {
  it('ranks library enterprises for a missing segment deterministically, with the parts of each score', async () => {
    const chain = await chainByName(officer, '袜业纺织产业链');
    const yarn = segmentNamed(chain, '高端纱线研发制造'); // divisions 17, 28; keywords 纱线, 化纤
    // Hand-computed: a 40+20+10+15 = 85; b 40+10+5+10 = 65; c 25+10 = 35; d section C only 15; e no fit.
    const a = await enterprise(officer, {
      name: '恒力化纤集团有限公司',
      industryDivision: '28',
      tags: ['china_top_500', 'listed'],
      registeredCapitalWan: '500000',
    });
    const b = await enterprise(officer, {
      name: '辽源优质纺纱有限公司',
      industryDivision: '17',
      tags: ['specialized'],
      registeredCapitalWan: '2000',
    });
    const c = await enterprise(officer, { name: '华孚纱线贸易有限公司', registeredCapitalWan: '10000' });
    const d = await enterprise(officer, { name: '辽源包装制品有限公司', industryDivision: '22' });
    const software = await enterprise(officer, { name: '辽源软件有限公司', industryDivision: '65', tags: ['listed'] });
    // b already invests in the province: a live project hosted in Jilin.
    const invest = await officer.post('/api/projects', {
      name: '纺纱扩产项目',
      enterpriseIds: [b],
      totalInvestmentWan: '3000',
      sourceChannel: '以商招商',
      hostRegionCode: '220421',
    });
    expect(invest.status).toBe(201);

    const res = await officer.get(`/api/chain-segments/${yarn.id}/recommendations?limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Other tests of this file add enterprises too: judge the order of this data set within the ranking.
    const mine = new Set([a, b, c, d, software]);
    const items = res.body.items.filter((i: { enterprise: { id: string } }) => mine.has(i.enterprise.id));
    const order = items.map((i: { enterprise: { id: string }; score: number }) => [i.enterprise.id, i.score]);
    expect(order).toEqual([
      [a, 85],
      [b, 65],
      [c, 35],
      [d, 15],
    ]);
    expect(items[1].parts.map((p: { key: string; points: number }) => [p.key, p.points])).toEqual([
      ['industry', 40],
      ['specialized', 10],
      ['size', 5],
      ['province', 10],
    ]);
    expect(items[2].parts[0].reason).toEqual({ zh: '企业名称含“纱线”', en: 'name contains “纱线”' });

    // Once a is a target of the segment, it is no longer recommended there; contact adds points elsewhere.
    const target = await officer.post(`/api/chain-segments/${yarn.id}/targets`, { enterpriseId: a });
    await officer.post(`/api/targets/${target.body.id}/contacts`, { contactedOn: '2025-05-01', summary: '展会交流' });
    const again = await officer.get(`/api/chain-segments/${yarn.id}/recommendations?limit=100`);
    const againIds = again.body.items.map((i: { enterprise: { id: string } }) => i.enterprise.id);
    expect(againIds.filter((id: string) => mine.has(id))).toEqual([b, c, d]);
    expect((await officer.get(`/api/chain-segments/${yarn.id}/recommendations?limit=1`)).body.items).toHaveLength(1);
    const lateral = segmentNamed(chain, '冰雪装备'); // divisions 18, 24: a fits by section C only, plus contact 5
    const elsewhere = await officer.get(`/api/chain-segments/${lateral.id}/recommendations`);
    const aThere = elsewhere.body.items.find((i: { enterprise: { id: string } }) => i.enterprise.id === a);
    expect(aThere.parts.find((p: { key: string }) => p.key === 'contact')).toMatchObject({ points: 5 });

    // A strong segment gets no recommendations; another city sees none of it.
    const strong = segmentNamed(chain, '袜业纺织制造');
    const refused = await officer.get(`/api/chain-segments/${strong.id}/recommendations`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]['zh-CN']).toContain('弱链');
    expect((await jiaxing.get(`/api/chain-segments/${yarn.id}/recommendations`)).status).toBe(404);
  });
});

describe('chain indicators', () => {
  it('computes the Jiangmen key-chain investment share by year against the 80% target of its policy', async () => {
    const chain = await jiangmen.post('/api/chains', {
      regionCode: '440700',
      name: '新能源电池产业链',
      catalogEntryCode: 'jiangmen.cluster.new-energy',
      isKey: true,
    });
    expect(chain.status, JSON.stringify(chain.body)).toBe(201);
    const segment = await jiangmen.post(`/api/chains/${chain.body.id}/segments`, {
      position: 'midstream',
      name: '储能电池',
      strength: 'weak',
      industryDivisions: ['38'],
    });
    const ent = await enterprise(jiangmen, { name: '江门储能科技有限公司', industryDivision: '38' });
    const make = async (name: string, total: string, onChain: boolean) => {
      const res = await jiangmen.post('/api/projects', {
        name,
        enterpriseIds: [ent],
        totalInvestmentWan: total,
        sourceChannel: '以商招商',
        hostRegionCode: '440700',
        chainNodeId: onChain ? segment.body.id : undefined,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const p1 = await make('储能电池一期', '90000', true);
    const p2 = await make('配套物流园', '10000', false);
    const p3 = await make('储能电池二期', '30000', true);
    const p4 = await make('商业综合体', '20000', false);
    const sign = (id: string, date: string) =>
      t.database.db.execute(sql`update projects set stage = 'signed', signing_date = ${date} where id = ${id}`);
    await sign(p1, '2024-03-01');
    await sign(p2, '2024-09-01');
    await sign(p3, '2025-02-01');
    await sign(p4, '2025-03-01');

    const res = await jiangmen.get('/api/chains/indicators?period=year');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.target).toEqual({ percent: '80.00', source: 'jiangmen 序言' });
    expect(res.body.rows).toEqual([
      {
        period: '2024',
        projects: 2,
        keyChainProjects: 1,
        totalWan: '100000.00',
        keyChainWan: '90000.00',
        sharePercent: '90.00',
        meetsTarget: true,
      },
      {
        period: '2025',
        projects: 2,
        keyChainProjects: 1,
        totalWan: '50000.00',
        keyChainWan: '30000.00',
        sharePercent: '60.00',
        meetsTarget: false,
      },
    ]);
    const quarters = await jiangmen.get('/api/chains/indicators?period=quarter');
    expect(quarters.body.rows.map((r: { period: string }) => r.period)).toEqual(['2024-Q1', '2024-Q3', '2025-Q1']);
    // Another jurisdiction's figures are not found from here.
    expect((await jiaxing.get('/api/chains/indicators?regionCode=440700')).status).toBe(404);
  });
});
