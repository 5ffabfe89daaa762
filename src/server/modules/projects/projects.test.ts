import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import { chinaDate } from '../../../domain/reporting';
import { rows } from '../../db/client';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let officer: Client; // 辽源市, unit A
let colleague: Client; // 辽源市, another unit
let leader: Client; // 辽源市
let viewer: Client; // 辽源市
let gansu: Client; // 甘肃省
let enterpriseId: string;
let gansuEnterpriseId: string;
let creditSeed = 52_000;

const year = chinaDate(new Date()).slice(0, 4);
const SIGNED_GATE = { signingDate: '2025-03-01', contractAmountWan: '15000', parties: ['辽源市人民政府', '某投资方'] };

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  colleague = await t.signIn({ role: 'officer', regionCode: '220400' });
  leader = await t.signIn({ role: 'leader', regionCode: '220400' });
  viewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
  gansu = await t.signIn({ role: 'officer', regionCode: '620000' });
  const ent = await officer.post('/api/enterprises', {
    name: '吉林恒达袜业有限公司',
    creditCode: makeCreditCode(++creditSeed),
  });
  expect(ent.status).toBe(201);
  enterpriseId = ent.body.id;
  const far = await gansu.post('/api/enterprises', {
    name: '兰州远方化工有限公司',
    creditCode: makeCreditCode(++creditSeed),
  });
  expect(far.status).toBe(201);
  gansuEnterpriseId = far.body.id;
});
afterAll(() => t.close());

let nameSeq = 0;
async function create(client: ApiClient, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/projects', {
    name: `测试项目${++nameSeq}`,
    totalInvestmentWan: '8000',
    sourceChannel: '以商招商',
    hostRegionCode: '220402',
    ...body,
  });
  return res;
}

async function created(client: ApiClient, body: Record<string, unknown> = {}) {
  const res = await create(client, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function uploadAgreement(client: ApiClient, text = '投资协议正文') {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(text)], { type: 'application/pdf' }), '投资协议.pdf');
  const res = await client.post('/api/files', form);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; size: number; mimeType: string };
}

/** Moves a project forward through the gates to `to` (signed or a landed stage). */
async function advance(client: ApiClient, id: string, to: 'signed' | 'registered' | 'started') {
  const file = await uploadAgreement(client);
  let res = await client.post(`/api/projects/${id}/transitions`, {
    to: 'signed',
    ...SIGNED_GATE,
    agreementFileId: file.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  if (to === 'signed') return res.body;
  res = await client.post(`/api/projects/${id}/transitions`, { to: 'registered', registeredDate: '2025-04-01' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  if (to === 'registered') return res.body;
  res = await client.post(`/api/projects/${id}/transitions`, { to: 'started', startDate: '2025-05-01' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function countRows(table: 'projects' | 'project_transitions' | 'audit_log' | 'files') {
  const [row] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row!.n;
}

describe('creating projects', () => {
  it('generates ZS-<year>-<host region>-0001, then 0002, and a failed create uses no number', async () => {
    const first = await created(officer, { hostRegionCode: '220421', enterpriseIds: [enterpriseId] });
    expect(first.code).toBe(`ZS-${year}-220421-0001`);
    expect(first).toMatchObject({
      stage: 'negotiating',
      stageEnteredOn: chinaDate(new Date()),
      firstUnit: { id: officer.unitId },
      firstRegion: { code: '220400', name: '辽源市' },
      hostRegion: { code: '220421', name: '东丰县' },
      responsibleUnit: { id: officer.unitId },
      totalInvestmentWan: '8000.00',
      enterprises: [{ id: enterpriseId, name: '吉林恒达袜业有限公司', role: 'investor' }],
      version: 1,
    });
    expect(first.transitions).toMatchObject([{ from: null, to: 'negotiating', direction: 'create' }]);
    const second = await created(officer, { hostRegionCode: '220421' });
    expect(second.code).toBe(`ZS-${year}-220421-0002`);

    const before = await countRows('projects');
    const refused = await create(officer, {
      hostRegionCode: '220421',
      enterpriseIds: [enterpriseId, gansuEnterpriseId],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.enterpriseIds.1']);
    expect(refused.body.errors[0]['zh-CN']).toContain('企业');
    expect(refused.body.errors[0].en).toContain('enterprise');
    expect(await countRows('projects')).toBe(before);

    const third = await created(officer, { hostRegionCode: '220421' });
    expect(third.code).toBe(`ZS-${year}-220421-0003`);
  });

  it('stores a Traditional name in Simplified and finds it by Chinese substring, Traditional input and pinyin initials', async () => {
    const p = await created(officer, { name: '遼源襪業產業園項目', hostRegionCode: '220422' });
    expect(p.name).toBe('辽源袜业产业园项目');
    const ids = async (q: string) =>
      (await officer.get(`/api/projects?q=${encodeURIComponent(q)}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('袜业产业')).toContain(p.id);
    expect(await ids('襪業')).toContain(p.id);
    expect(await ids('lywy')).toContain(p.id); // 辽源袜业
    expect(await ids('wycyy')).toContain(p.id); // 袜业产业园
    expect(await ids('纺织机械')).not.toContain(p.id);
  });

  it('finds a project by the name of its enterprise', async () => {
    const p = await created(officer, { name: '高端织造扩建', hostRegionCode: '220422', enterpriseIds: [enterpriseId] });
    const res = await officer.get(`/api/projects?q=${encodeURIComponent('恒达袜业')}`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
  });

  it('refuses a viewer with 403 and writes nothing', async () => {
    const before = await countRows('projects');
    const res = await create(viewer);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await countRows('projects')).toBe(before);
  });

  it('names every invalid field in both languages', async () => {
    const res = await officer.post('/api/projects', {
      name: '字段校验项目',
      totalInvestmentWan: '12.345',
      sourceChannel: '随便',
      hostRegionCode: '220402',
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.totalInvestmentWan', 'body.sourceChannel']));
  });
});

describe('lists, views and kanban', () => {
  it('lists each database: 谋划库 … 落地库 (registered and later)', async () => {
    const host = '220403';
    const planned = await created(officer, { stage: 'planned', hostRegionCode: host });
    const negotiating = await created(officer, { hostRegionCode: host });
    const intent = await created(officer, { hostRegionCode: host });
    expect((await officer.post(`/api/projects/${intent.id}/transitions`, { to: 'intent' })).status).toBe(200);
    const signed = await created(officer, { hostRegionCode: host });
    await advance(officer, signed.id, 'signed');
    const registered = await created(officer, { hostRegionCode: host });
    await advance(officer, registered.id, 'registered');
    const started = await created(officer, { hostRegionCode: host });
    await advance(officer, started.id, 'started');

    const list = async (database: string) => {
      const res = await officer.get(`/api/projects?hostRegion=${host}&database=${database}`);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id).sort();
    };
    expect(await list('planned')).toEqual([planned.id]);
    expect(await list('negotiating')).toEqual([negotiating.id]);
    expect(await list('intent')).toEqual([intent.id]);
    expect(await list('signed')).toEqual([signed.id]);
    expect(await list('landed')).toEqual([registered.id, started.id].sort());

    // hostRegion includes its subtree: the city sees its county's projects.
    const city = await officer.get(`/api/projects?hostRegion=220400&database=landed&pageSize=200`);
    expect(city.body.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([registered.id, started.id]),
    );
  });

  it('filters by first unit, channel, minimum investment and stalled, each answering for the values asked', async () => {
    const host = '220421';
    const mine = await created(officer, {
      hostRegionCode: host,
      sourceChannel: '驻点招商',
      totalInvestmentWan: '60000',
    });
    const theirs = await created(colleague, {
      hostRegionCode: host,
      sourceChannel: '网上洽谈',
      totalInvestmentWan: '900',
    });
    await t.database.db.execute(sql`update projects set stalled_since = current_date where id = ${theirs.id}`);
    const ids = async (query: string) => {
      const res = await leader.get(`/api/projects?hostRegion=${host}&pageSize=200&${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id);
    };
    // The same filters with other values give other rows (the statement is reused, the values are not).
    expect(await ids(`firstUnitId=${officer.unitId}`)).toContain(mine.id);
    expect(await ids(`firstUnitId=${officer.unitId}`)).not.toContain(theirs.id);
    expect(await ids(`firstUnitId=${colleague.unitId}`)).toContain(theirs.id);
    expect(await ids(`firstUnitId=${colleague.unitId}`)).not.toContain(mine.id);
    expect(await ids(`sourceChannel=${encodeURIComponent('驻点招商')}`)).toContain(mine.id);
    expect(await ids(`sourceChannel=${encodeURIComponent('驻点招商')}`)).not.toContain(theirs.id);
    expect(await ids('minInvestmentWan=50000')).toContain(mine.id);
    expect(await ids('minInvestmentWan=50000')).not.toContain(theirs.id);
    expect(await ids('minInvestmentWan=500')).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await ids('stalled=true')).toEqual([theirs.id]);
    expect(await ids('stalled=false')).toContain(mine.id);
    expect(await ids('stalled=false')).not.toContain(theirs.id);
  });

  it('sorts and pages with a total', async () => {
    const host = '220402';
    const tag = `排序${Date.now()}`;
    for (const [n, amount] of [
      ['甲', '100'],
      ['乙', '300'],
      ['丙', '200'],
    ] as const) {
      await created(officer, { name: `${tag}${n}`, totalInvestmentWan: amount, hostRegionCode: host });
    }
    const q = encodeURIComponent(tag);
    const page1 = await officer.get(`/api/projects?q=${q}&sort=-totalInvestmentWan&pageSize=2&page=1`);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((i: { totalInvestmentWan: string }) => i.totalInvestmentWan)).toEqual([
      '300.00',
      '200.00',
    ]);
    const page2 = await officer.get(`/api/projects?q=${q}&sort=-totalInvestmentWan&pageSize=2&page=2`);
    expect(page2.body.items.map((i: { totalInvestmentWan: string }) => i.totalInvestmentWan)).toEqual(['100.00']);
    expect(page2.body.total).toBe(3);
    // A page past the end is empty but still says how many there are.
    const page9 = await officer.get(`/api/projects?q=${q}&sort=-totalInvestmentWan&pageSize=2&page=9`);
    expect(page9.body).toMatchObject({ items: [], total: 3 });
    const none = await officer.get(`/api/projects?q=${encodeURIComponent(`${tag}无此项目`)}`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const ascending = await officer.get(`/api/projects?q=${q}&sort=totalInvestmentWan`);
    expect(ascending.body.items.map((i: { totalInvestmentWan: string }) => i.totalInvestmentWan)).toEqual([
      '100.00',
      '200.00',
      '300.00',
    ]);
    const byCode = await officer.get(`/api/projects?q=${q}&sort=-code`);
    const codes = byCode.body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort().reverse());
    const bad = await officer.get(`/api/projects?sort=colour`);
    expect(bad.status).toBe(400);
  });

  it('applies saved views: a ≥1亿 project in 开工 is in jiangmen-ledger, a 5000万 one is not; kanban counts them', async () => {
    const views = await officer.get('/api/projects/views');
    expect(views.body.items.map((v: { id: string }) => v.id)).toContain('jiangmen-ledger');
    expect(views.body.items.find((v: { id: string }) => v.id === 'jiangmen-ledger').name.zh).toBe('亿元以上项目台账');

    const host = '2204Z1';
    const big = await created(officer, { totalInvestmentWan: '12000', hostRegionCode: host });
    const small = await created(officer, { totalInvestmentWan: '5000', hostRegionCode: host });
    await advance(officer, big.id, 'started');
    await advance(officer, small.id, 'started');
    await created(officer, { totalInvestmentWan: '700.5', hostRegionCode: host });

    const ids = async (path: string) => (await officer.get(path)).body.items.map((i: { id: string }) => i.id);
    const ledger = await ids(`/api/projects?view=jiangmen-ledger&hostRegion=${host}`);
    expect(ledger).toContain(big.id);
    expect(ledger).not.toContain(small.id);
    expect((await ids(`/api/projects?view=jiaxing-started&hostRegion=${host}`)).sort()).toEqual(
      [big.id, small.id].sort(),
    );

    const kanban = await officer.get(`/api/projects/kanban?hostRegion=${host}`);
    expect(kanban.status).toBe(200);
    const column = (stage: string) => kanban.body.columns.find((c: { stage: string }) => c.stage === stage);
    expect(column('started')).toMatchObject({ count: 2, totalInvestmentWan: '17000.00' });
    expect(column('started').items).toHaveLength(2);
    expect(column('negotiating')).toMatchObject({ count: 1, totalInvestmentWan: '700.50' });
    expect(column('signed')).toMatchObject({ count: 0, totalInvestmentWan: '0.00', items: [] });
  });
});

describe('stage transitions', () => {
  it('refuses signing without the gate fields, naming each one, and changes nothing', async () => {
    const p = await created(officer);
    const before = { projects: await countRows('project_transitions'), audit: await countRows('audit_log') };
    const res = await officer.post(`/api/projects/${p.id}/transitions`, { to: 'signed' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PROJECT_STAGE_GATE');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['body.agreementFileId', 'body.contractAmountWan', 'body.parties', 'body.signingDate'].sort(),
    );
    for (const e of res.body.errors) {
      expect(e['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[a-z]/);
    }
    const after = await officer.get(`/api/projects/${p.id}`);
    expect(after.body).toMatchObject({ stage: 'negotiating', version: 1, signingDate: null });
    expect(await countRows('project_transitions')).toBe(before.projects);
    expect(await countRows('audit_log')).toBe(before.audit);
  });

  it('signs with the gate fields and an uploaded agreement, keeping who and when', async () => {
    const p = await created(officer);
    const file = await uploadAgreement(officer, '协议内容 v1');
    expect(file).toMatchObject({
      name: '投资协议.pdf',
      mimeType: 'application/pdf',
      size: Buffer.from('协议内容 v1').length,
    });
    const download = await officer.get(`/api/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body).toString()).toBe('协议内容 v1');

    const startedAt = Date.now();
    const res = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'signed',
      version: 1,
      ...SIGNED_GATE,
      agreementFileId: file.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      stage: 'signed',
      stageEnteredOn: chinaDate(new Date()),
      signingDate: '2025-03-01',
      contractAmountWan: '15000.00',
      parties: ['辽源市人民政府', '某投资方'],
      agreementFileId: file.id,
      version: 2,
    });
    const last = res.body.transitions.at(-1);
    expect(last).toMatchObject({
      from: 'negotiating',
      to: 'signed',
      direction: 'forward',
      actor: { id: officer.userId },
      gate: { signingDate: '2025-03-01', agreementFileId: file.id },
    });
    expect(Date.parse(last.at)).toBeGreaterThanOrEqual(startedAt - 5000);

    const history = await officer.get(`/api/audit?entity=project&id=${p.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['project.created', 'project.forward']);
    expect(history.body.items[1].actorId).toBe(officer.userId);
  });

  it('refuses a file over 20 MB with 413 and stores nothing', async () => {
    const before = await countRows('files');
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(20 * 1024 * 1024 + 1, 1)]), 'big.bin');
    const res = await officer.post('/api/files', form);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows('files')).toBe(before);
    expect((await viewer.post('/api/files', form)).status).toBe(403);
  });

  it('refuses an agreement file the caller cannot see', async () => {
    const p = await created(officer);
    const foreign = await uploadAgreement(gansu);
    const res = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'signed',
      ...SIGNED_GATE,
      agreementFileId: foreign.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.agreementFileId']);
  });

  it('moves back only with a reason, and terminates only with a listed reason', async () => {
    const p = await created(officer);
    await advance(officer, p.id, 'signed');
    const noReason = await officer.post(`/api/projects/${p.id}/transitions`, { to: 'negotiating' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('PROJECT_STAGE_GATE');
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.reason']);

    const back = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'negotiating',
      reason: '合同主体变更，重新洽谈',
    });
    expect(back.status).toBe(200);
    expect(back.body.stage).toBe('negotiating');
    expect(back.body.transitions.at(-1)).toMatchObject({ direction: 'backward', reason: '合同主体变更，重新洽谈' });

    const bogus = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'terminated',
      terminationReason: 'bored',
    });
    expect(bogus.status).toBe(400);
    expect(bogus.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.terminationReason']);

    const other = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'terminated',
      terminationReason: 'other',
    });
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.terminationText']);

    const ended = await officer.post(`/api/projects/${p.id}/transitions`, {
      to: 'terminated',
      terminationReason: 'market_change',
      terminationText: '投资方所在行业下行',
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      stage: 'terminated',
      terminationReason: 'market_change',
      terminationText: '投资方所在行业下行',
    });
    expect(ended.body.transitions.at(-1).direction).toBe('terminate');
  });

  it('refuses a stage jump the machine forbids', async () => {
    const p = await created(officer);
    const res = await officer.post(`/api/projects/${p.id}/transitions`, { to: 'started', startDate: '2025-05-01' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PROJECT_STAGE_GATE');
    expect(res.body.errors[0].field).toBe('body.to');
  });

  it('does not let a viewer move stages', async () => {
    const p = await created(officer);
    const res = await viewer.post(`/api/projects/${p.id}/transitions`, { to: 'intent' });
    expect(res.status).toBe(403);
  });
});

describe('editing', () => {
  it('keeps the first save when a second officer saves with a stale version (409)', async () => {
    const p = await created(officer, { name: '并发编辑项目' });
    const a = await officer.get(`/api/projects/${p.id}`);
    const b = await colleague.get(`/api/projects/${p.id}`);
    expect(a.body.version).toBe(1);
    expect(b.body.version).toBe(1);

    const first = await officer.patch(`/api/projects/${p.id}`, {
      version: a.body.version,
      totalInvestmentWan: '20000',
      responsibleLeader: '张副市长',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ version: 2, totalInvestmentWan: '20000.00', responsibleLeader: '张副市长' });

    const second = await colleague.patch(`/api/projects/${p.id}`, { version: b.body.version, name: '被覆盖的名称' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('VERSION_CONFLICT');

    const now = await officer.get(`/api/projects/${p.id}`);
    expect(now.body).toMatchObject({
      name: '并发编辑项目',
      totalInvestmentWan: '20000.00',
      responsibleLeader: '张副市长',
      version: 2,
    });
  });

  it('folds an edited name and re-links enterprises', async () => {
    const p = await created(officer);
    const res = await officer.patch(`/api/projects/${p.id}`, {
      version: 1,
      name: '東豐梅花鹿產業項目',
      enterpriseIds: [enterpriseId],
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('东丰梅花鹿产业项目');
    expect(res.body.enterprises.map((e: { id: string }) => e.id)).toEqual([enterpriseId]);
    const found = await officer.get(`/api/projects?q=${encodeURIComponent('梅花鹿')}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
  });
});

describe('scope and confidentiality', () => {
  it('answers 404 to a Gansu officer for a Liaoyuan project (detail, edit, transition, file)', async () => {
    const p = await created(officer);
    const file = await uploadAgreement(officer);
    expect((await gansu.get(`/api/projects/${p.id}`)).status).toBe(404);
    expect((await gansu.patch(`/api/projects/${p.id}`, { version: 1, name: '越权修改' })).status).toBe(404);
    expect((await gansu.post(`/api/projects/${p.id}/transitions`, { to: 'intent' })).status).toBe(404);
    expect((await gansu.get(`/api/files/${file.id}`)).status).toBe(404);
    const list = await gansu.get(`/api/projects?pageSize=200`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    const after = await officer.get(`/api/projects/${p.id}`);
    expect(after.body).toMatchObject({ name: p.name, stage: 'negotiating', version: 1 });
  });

  it('hides a confidential project from another officer of the same city but shows it to a leader', async () => {
    const p = await created(officer, { name: '保密洽谈项目', confidentiality: 'confidential' });
    expect((await officer.get(`/api/projects/${p.id}`)).status).toBe(200);
    expect((await colleague.get(`/api/projects/${p.id}`)).status).toBe(404);
    const colleagueList = await colleague.get(`/api/projects?q=${encodeURIComponent('保密洽谈')}`);
    expect(colleagueList.body.items).toEqual([]);
    expect(colleagueList.body.total).toBe(0);
    expect((await leader.get(`/api/projects/${p.id}`)).status).toBe(200);
    const leaderList = await leader.get(`/api/projects?q=${encodeURIComponent('保密洽谈')}`);
    expect(leaderList.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });
});
