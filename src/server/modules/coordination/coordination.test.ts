import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';
import { runCoordinationDaily } from './service';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let jxA: Client; // 嘉兴 南湖区 officer: the first reporter
let jxB: Client; // 嘉兴 秀洲区 officer
let jxLeader: Client; // 嘉兴市 centre leader: arbitrates between its counties
let jxCityOfficer: Client;
let lyCounty: Client; // 东丰县 officer
let lyCounty2: Client; // 东辽县 officer
let lyCity: Client; // 辽源市 officer
let lyLeader: Client; // 辽源市 leader
let jlProvince: Client; // 吉林省 centre officer
let admin: Client; // 全国
let gansu: Client;
let hengrui: string; // 嘉兴恒瑞医药股份有限公司 (by jxA)
let hengruiTw: string; // 浙江恒瑞醫藥有限公司: another record, same name core
let logistics: string; // 恒瑞物流 — a different enterprise
let lyEnterprise: string;
let gansuEnterprise: string;
let creditSeed = 88_000;

/** Runs `fn` with the platform's clock (JS Date, and PGlite's now()) at China noon on `date`. */
async function on<T>(date: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${date}T04:00:00Z`));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}
afterEach(() => vi.useRealTimers());

async function enterprise(client: ApiClient, name: string) {
  const res = await client.post('/api/enterprises', { name, creditCode: makeCreditCode(++creditSeed) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

let seq = 0;
async function register(client: ApiClient, body: Record<string, unknown>) {
  const res = await client.post('/api/projects', {
    name: `协调测试项目${++seq}`,
    totalInvestmentWan: '8000',
    sourceChannel: '以商招商',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function agreement(client: ApiClient) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('协议')], { type: 'application/pdf' }), '投资协议.pdf');
  const res = await client.post('/api/files', form);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function sign(client: ApiClient, id: string, signingDate: string, contractAmountWan: string) {
  return client.post(`/api/projects/${id}/transitions`, {
    to: 'signed',
    signingDate,
    contractAmountWan,
    parties: ['甲方', '乙方'],
    agreementFileId: await agreement(client),
  });
}

async function notifications(client: ApiClient, kind: string) {
  const res = await client.get('/api/notifications?pageSize=100');
  expect(res.status).toBe(200);
  return (res.body.items as { kind: string; bodyZh: string; bodyEn: string; entityId: string }[]).filter(
    (n) => n.kind === kind,
  );
}

beforeAll(async () => {
  t = await startTestApp();
  jxA = await t.signIn({ role: 'officer', regionCode: '330402' });
  jxB = await t.signIn({ role: 'officer', regionCode: '330411' });
  jxLeader = await t.signIn({ role: 'leader', regionCode: '330400' });
  jxCityOfficer = await t.signIn({ role: 'officer', regionCode: '330400' });
  lyCounty = await t.signIn({ role: 'officer', regionCode: '220421' });
  lyCounty2 = await t.signIn({ role: 'officer', regionCode: '220422' });
  lyCity = await t.signIn({ role: 'officer', regionCode: '220400' });
  lyLeader = await t.signIn({ role: 'leader', regionCode: '220400' });
  jlProvince = await t.signIn({ role: 'officer', regionCode: '220000' });
  admin = await t.signIn({ role: 'admin', regionCode: '000000' });
  gansu = await t.signIn({ role: 'officer', regionCode: '620000' });
  hengrui = await enterprise(jxA, '嘉兴恒瑞医药股份有限公司');
  hengruiTw = await enterprise(jxB, '浙江恒瑞醫藥有限公司');
  logistics = await enterprise(jxB, '嘉兴恒瑞物流有限公司');
  lyEnterprise = await enterprise(lyCounty, '辽源金袜纺织有限公司');
  gansuEnterprise = await enterprise(gansu, '兰州远方化工有限公司');
});
afterAll(() => t.close());

const PHARMA = { industrySection: 'C', industryDivision: '27' };

describe('first report (jiaxing §二(一)3)', () => {
  it('records the first reporter; exactly 10亿元 earns a one-month window ending on the corresponding day', async () => {
    const p = await on('2025-03-10', () =>
      register(jxA, {
        name: '恒瑞医药创新药生产基地',
        totalInvestmentWan: '100000',
        hostRegionCode: '330402',
        enterpriseIds: [hengrui],
        ...PHARMA,
      }),
    );
    expect(p.coordination.firstReport).toMatchObject({
      unit: { id: jxA.unitId },
      region: { code: '330402' },
      subject: true,
      exclusivityEndsOn: '2025-04-10',
      source: 'jiaxing §二(一)3',
    });
    expect(p.coordination.firstReport.reportedAt.slice(0, 10)).toBe('2025-03-10');
    expect(p.coordination.duplicates).toEqual({ outcome: null, held: false, contacts: [] });
    const view = await jxA.get(`/api/coordination/projects/${p.id}`);
    expect(view.status).toBe(200);
    expect(view.body.firstReport.exclusivityEndsOn).toBe('2025-04-10');
  });

  it('0.01万元 under 10亿元 records the reporter without a window; exactly 1亿美元 of foreign capital earns one', async () => {
    const under = await on('2025-03-10', () =>
      register(jxA, { totalInvestmentWan: '99999.99', hostRegionCode: '330402' }),
    );
    expect(under.coordination.firstReport).toMatchObject({
      subject: false,
      exclusivityEndsOn: null,
      unit: { id: jxA.unitId },
    });
    const usd = await on('2025-01-31', () =>
      register(jxA, { totalInvestmentWan: '5000', foreignInvestmentUsdWan: '10000', hostRegionCode: '330402' }),
    );
    expect(usd.coordination.firstReport).toMatchObject({ subject: true, exclusivityEndsOn: '2025-02-28' });
  });

  it('Liaoyuan has no first-report rule; Jiaxing’s expired on 2025-12-31', async () => {
    const ly = await on('2025-08-01', () =>
      register(lyCounty, { totalInvestmentWan: '200000', hostRegionCode: '220421' }),
    );
    expect(ly.coordination.firstReport).toMatchObject({ subject: false, exclusivityEndsOn: null, source: null });
    const late = await on('2026-01-01', () =>
      register(jxA, { totalInvestmentWan: '200000', hostRegionCode: '330402' }),
    );
    expect(late.coordination.firstReport).toMatchObject({ subject: false, exclusivityEndsOn: null });
  });
});

describe('duplicates across regions', () => {
  let first: { id: string; code: string; name: string };
  let heldId: string;
  let heldOnLastDay: string;

  beforeAll(async () => {
    first = await on('2025-04-01', () =>
      register(jxA, {
        name: '恒瑞医药抗肿瘤药基地',
        totalInvestmentWan: '150000',
        hostRegionCode: '330402',
        enterpriseIds: [hengrui],
        ...PHARMA,
      }),
    );
  });

  it('one day before the window ends: the same enterprise (Traditional, other record) with a similar project is held', async () => {
    const p = await on('2025-04-30', () =>
      register(jxB, {
        name: '恒瑞醫藥抗腫瘤藥基地二期',
        totalInvestmentWan: '30000',
        hostRegionCode: '330411',
        enterpriseIds: [hengruiTw],
      }),
    );
    heldId = p.id;
    expect(p.coordination.duplicates.outcome).toBe('conflict');
    expect(p.coordination.duplicates.held).toBe(true);
    expect(p.coordination.duplicates.contacts).toContainEqual({
      level: 'conflict',
      basis: 'name_core',
      unit: { id: jxA.unitId, name: expect.any(String) },
      region: { code: '330402', name: '南湖区' },
      arbiterRegion: { code: '330400', name: '嘉兴市' },
    });
    // Only that a conflict exists and whom to contact: nothing of the other project itself.
    const text = JSON.stringify(p.coordination);
    expect(text).not.toContain(first.id);
    expect(text).not.toContain(first.code);
    expect(text).not.toContain('抗肿瘤药基地');
    expect(text).not.toContain('150000');
    // Held: it earns no window of its own and cannot move forward until arbitrated.
    expect(p.coordination.firstReport.exclusivityEndsOn).toBeNull();
    const move = await jxB.post(`/api/projects/${p.id}/transitions`, { to: 'intent' });
    expect(move.status).toBe(409);
    expect(move.body.code).toBe('FIRST_REPORT_CONFLICT');
    expect(move.body.i18n['zh-CN'].detail).toContain('嘉兴市');
  });

  it('on the last day of the window (exactly one month): still a conflict, found by credit code too', async () => {
    // The city centre sees the county's enterprise record, so it can link the very same one.
    const p = await on('2025-05-01', () =>
      register(jxCityOfficer, {
        name: '恒瑞医药抗肿瘤药基地',
        totalInvestmentWan: '30000',
        hostRegionCode: '330411',
        enterpriseIds: [hengrui],
      }),
    );
    heldOnLastDay = p.id;
    expect(p.coordination.duplicates.contacts).toContainEqual(
      expect.objectContaining({
        level: 'conflict',
        basis: 'credit_code',
        unit: expect.objectContaining({ id: jxA.unitId }),
      }),
    );
  });

  it('one day after the window: a warning only, the registration goes on', async () => {
    const p = await on('2025-05-02', () =>
      register(jxCityOfficer, {
        name: '恒瑞医药抗肿瘤药基地三期',
        totalInvestmentWan: '30000',
        hostRegionCode: '330411',
        enterpriseIds: [hengrui],
      }),
    );
    expect(p.coordination.duplicates).toMatchObject({ outcome: 'warning', held: false });
    expect(p.coordination.duplicates.contacts.every((c: { level: string }) => c.level === 'warning')).toBe(true);
    const move = await jxCityOfficer.post(`/api/projects/${p.id}/transitions`, { to: 'intent' });
    expect(move.status, JSON.stringify(move.body)).toBe(200);
  });

  it('a different enterprise or an unrelated project of the same enterprise is no duplicate', async () => {
    const other = await on('2025-04-15', () =>
      register(jxB, { name: '恒瑞物流园', hostRegionCode: '330411', enterpriseIds: [logistics] }),
    );
    expect(other.coordination.duplicates.outcome).toBeNull();
    const unrelated = await on('2025-04-15', () =>
      register(jxCityOfficer, {
        name: '嘉兴员工公寓',
        hostRegionCode: '330411',
        enterpriseIds: [hengrui],
        industrySection: 'K',
        industryDivision: '70',
      }),
    );
    expect(unrelated.coordination.duplicates.outcome).toBeNull();
  });

  it('renaming or re-linking an investor checks again and reports it on the edit', async () => {
    const p = await on('2025-04-15', () =>
      register(jxB, { name: '秀洲物流中心', hostRegionCode: '330411', enterpriseIds: [logistics] }),
    );
    expect(p.coordination.duplicates.outcome).toBeNull();
    const edited = await on('2025-04-16', () =>
      jxB.patch(`/api/projects/${p.id}`, {
        version: p.version,
        name: '恒瑞医药抗肿瘤药基地配套',
        enterpriseIds: [hengruiTw],
      }),
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.coordination.duplicates).toMatchObject({ outcome: 'conflict', held: true });
    const plain = await jxB.patch(`/api/projects/${p.id}`, { version: edited.body.version, jobs: 10 });
    expect(plain.status).toBe(200);
    expect(plain.body.coordination).toBeUndefined();
  });

  it('notifies the arbitrating centre’s leaders and the first reporter’s unit', async () => {
    const forLeader = await notifications(jxLeader, 'coordination.conflict_found');
    expect(forLeader.length).toBeGreaterThanOrEqual(2);
    expect(forLeader[0]!.bodyZh).toContain('排他期');
    const forFirst = await notifications(jxA, 'coordination.conflict_found');
    expect(forFirst.some((n) => n.entityId === first.id)).toBe(true);
  });

  it('the higher-level centre’s leader lists and decides; officers and other provinces cannot', async () => {
    const list = await jxLeader.get('/api/coordination/conflicts?status=open');
    expect(list.status).toBe(200);
    const item = list.body.items.find((c: { registration: { id: string } }) => c.registration.id === heldId);
    expect(item).toMatchObject({
      level: 'conflict',
      status: 'open',
      registration: { id: heldId, unit: { id: jxB.unitId } },
      firstReported: { id: first.id, name: '恒瑞医药抗肿瘤药基地', exclusivityEndsOn: '2025-05-01' },
    });
    expect((await jxA.get('/api/coordination/conflicts')).status).toBe(403);
    const far = await lyLeader.get('/api/coordination/conflicts');
    expect(far.body.items).toEqual([]);
    expect(
      (await lyLeader.post(`/api/coordination/conflicts/${item.id}/decision`, { decision: 'released', reason: 'x' }))
        .status,
    ).toBe(404);

    const released = await jxLeader.post(`/api/coordination/conflicts/${item.id}/decision`, {
      decision: 'released',
      reason: '两地项目内容不同，均可推进',
    });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.status).toBe('released');
    const again = await jxLeader.post(`/api/coordination/conflicts/${item.id}/decision`, {
      decision: 'upheld',
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect((await jxB.post(`/api/projects/${heldId}/transitions`, { to: 'intent' })).status).toBe(200);
    expect((await notifications(jxB, 'coordination.conflict_decided')).length).toBeGreaterThan(0);

    const other = list.body.items.find((c: { registration: { id: string } }) => c.registration.id === heldOnLastDay);
    const upheld = await jxLeader.post(`/api/coordination/conflicts/${other.id}/decision`, {
      decision: 'upheld',
      reason: '南湖区首报在先',
    });
    expect(upheld.status).toBe(200);
    const blocked = await jxCityOfficer.post(`/api/projects/${heldOnLastDay}/transitions`, { to: 'intent' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.i18n['zh-CN'].detail).toContain('南湖区首报在先');
    // Terminating a held registration stays possible.
    const stop = await jxCityOfficer.post(`/api/projects/${heldOnLastDay}/transitions`, {
      to: 'terminated',
      terminationReason: 'duplicate',
    });
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
  });

  it('each side sees on its project only whom to contact', async () => {
    const mine = await jxB.get(`/api/coordination/projects/${heldId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.duplicates).toContainEqual(
      expect.objectContaining({
        level: 'conflict',
        status: 'released',
        unit: expect.objectContaining({ id: jxA.unitId }),
      }),
    );
    expect(mine.body.held).toBe(false);
    expect(JSON.stringify(mine.body)).not.toContain(first.id);
    expect((await gansu.get(`/api/coordination/projects/${heldId}`)).status).toBe(404);
  });

  it('checks a project on demand, across regions, without recording or revealing the other projects', async () => {
    const before = await jxLeader.get('/api/coordination/conflicts');
    const res = await on('2025-04-20', () => jxA.get(`/api/coordination/projects/${first.id}/duplicates`));
    expect(res.status).toBe(200);
    // From the first reporter's side every later registration is another region's: warnings, whom to contact.
    expect(res.body.outcome).toBe('warning');
    expect(res.body.contacts.map((c: { unit: { id: string } }) => c.unit.id)).toContain(jxB.unitId);
    expect(JSON.stringify(res.body)).not.toContain(heldId);
    expect(JSON.stringify(res.body)).not.toContain('二期');
    expect((await jxLeader.get('/api/coordination/conflicts')).body.items).toHaveLength(before.body.items.length);
    expect((await gansu.get(`/api/coordination/projects/${first.id}/duplicates`)).status).toBe(404);
  });
});

describe('pre-signing filing (jiaxing §二(一)3)', () => {
  let major: { id: string };

  beforeAll(async () => {
    major = await on('2025-04-01', () =>
      register(jxA, { name: '嘉兴大型装备制造基地', totalInvestmentWan: '100000', hostRegionCode: '330402' }),
    );
  });

  it('refuses a major signing with no filing, naming the rule and its clause, and writes nothing', async () => {
    const res = await on('2025-05-08', () => sign(jxA, major.id, '2025-05-08', '100000'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PRE_SIGNING_FILING');
    expect(res.body.i18n['zh-CN'].detail).toContain('jiaxing §二(一)3');
    expect(res.body.i18n.en.detail).toContain('2025-05-01');
    expect(res.body.errors[0].field).toBe('body.signingDate');
    expect((await jxA.get(`/api/projects/${major.id}`)).body.stage).toBe('negotiating');
  });

  it('a filing six days ahead is too late; exactly seven days ahead passes', async () => {
    const late = await on('2025-05-02', () =>
      jxA.post(`/api/coordination/projects/${major.id}/filings`, { plannedSigningDate: '2025-05-08' }),
    );
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect((await on('2025-05-08', () => sign(jxA, major.id, '2025-05-08', '100000'))).status).toBe(400);
    const timely = await on('2025-05-01', () =>
      jxA.post(`/api/coordination/projects/${major.id}/filings`, { plannedSigningDate: '2025-05-08' }),
    );
    expect(timely.status).toBe(201);
    const res = await on('2025-05-08', () => sign(jxA, major.id, '2025-05-08', '100000'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = await jxA.get(`/api/coordination/projects/${major.id}`);
    expect(view.body.filings.map((f: { filedOn: string }) => f.filedOn).sort()).toEqual(['2025-05-01', '2025-05-02']);
  });

  it('a filing cannot be backdated to a signing already past', async () => {
    const res = await on('2025-05-10', () =>
      jxA.post(`/api/coordination/projects/${major.id}/filings`, { plannedSigningDate: '2025-05-09' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.plannedSigningDate');
  });

  it('below the threshold no filing is needed', async () => {
    const p = await on('2025-04-01', () => register(jxA, { totalInvestmentWan: '99999.99', hostRegionCode: '330402' }));
    const res = await on('2025-05-08', () => sign(jxA, p.id, '2025-05-08', '99999.99'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('a leader’s recorded exception lets it through; an officer cannot record one', async () => {
    const p = await on('2025-04-01', () => register(jxA, { totalInvestmentWan: '300000', hostRegionCode: '330402' }));
    expect((await jxA.post(`/api/coordination/projects/${p.id}/filing-exceptions`, { reason: '急' })).status).toBe(403);
    const ex = await jxLeader.post(`/api/coordination/projects/${p.id}/filing-exceptions`, {
      reason: '投资方临时提前签约，经市领导同意',
    });
    expect(ex.status, JSON.stringify(ex.body)).toBe(201);
    const res = await on('2025-05-08', () => sign(jxA, p.id, '2025-05-08', '300000'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = await jxA.get(`/api/coordination/projects/${p.id}`);
    expect(view.body.filingExceptions[0].reason).toBe('投资方临时提前签约，经市领导同意');
  });
});

describe('transfer (流转) and equal credit on landing', () => {
  let p: { id: string };
  let declinedId: string;

  beforeAll(async () => {
    p = await on('2025-04-01', () =>
      register(jxA, {
        name: '南湖新材料项目',
        totalInvestmentWan: '20000',
        hostRegionCode: '330402',
        industrySection: 'C',
        industryDivision: '29',
      }),
    );
  });

  it('the holder offers it with a reason; the receiver is notified and declines with a reason', async () => {
    const offer = await jxA.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '330411',
      reason: '用地需求在秀洲区可满足',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    declinedId = offer.body.id;
    expect(offer.body).toMatchObject({
      status: 'offered',
      fromRegion: { code: '330402' },
      toRegion: { code: '330411' },
    });
    const dup = await jxA.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '330411',
      reason: 'again',
    });
    expect(dup.status).toBe(409);
    expect((await notifications(jxB, 'coordination.transfer_offered')).some((n) => n.entityId === declinedId)).toBe(
      true,
    );
    const incoming = await jxB.get('/api/coordination/transfers?direction=incoming&status=offered');
    expect(incoming.body.items.map((i: { id: string }) => i.id)).toContain(declinedId);
    expect(
      (await gansu.post(`/api/coordination/transfers/${declinedId}/answer`, { accept: false, reason: 'x' })).status,
    ).toBe(404);
    const noReason = await jxB.post(`/api/coordination/transfers/${declinedId}/answer`, { accept: false });
    expect(noReason.status).toBe(400);
    const declined = await jxB.post(`/api/coordination/transfers/${declinedId}/answer`, {
      accept: false,
      reason: '暂无合适地块',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      answerReason: '暂无合适地块',
      answeredBy: { unit: { id: jxB.unitId } },
    });
    expect((await notifications(jxA, 'coordination.transfer_answered')).some((n) => n.entityId === declinedId)).toBe(
      true,
    );
  });

  it('offered again by the higher-level centre and accepted: the project moves, history kept', async () => {
    const offer = await jxCityOfficer.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '330411',
      reason: '市投促中心协调流转',
    });
    expect(offer.status).toBe(201);
    const accepted = await jxB.post(`/api/coordination/transfers/${offer.body.id}/answer`, {
      accept: true,
      reason: '同意承接',
    });
    expect(accepted.status).toBe(200);
    const project = await jxB.get(`/api/projects/${p.id}`);
    expect(project.body).toMatchObject({
      hostRegion: { code: '330411' },
      firstRegion: { code: '330402' },
      firstUnit: { id: jxA.unitId },
      responsibleUnit: { id: jxB.unitId },
    });
    const view = await jxA.get(`/api/coordination/projects/${p.id}`);
    expect(view.body.transfers.map((x: { status: string }) => x.status)).toEqual(['declined', 'accepted']);
  });

  it('landing credits both the first-negotiation and the host region equally', async () => {
    const signed = await on('2025-06-01', () => sign(jxB, p.id, '2025-06-01', '20000'));
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const landed = await on('2025-06-20', () =>
      jxB.post(`/api/projects/${p.id}/transitions`, { to: 'registered', registeredDate: '2025-06-20' }),
    );
    expect(landed.status, JSON.stringify(landed.body)).toBe(200);
    const all = await jxLeader.get(`/api/coordination/credits?projectId=${p.id}`);
    expect(
      all.body.items
        .map(
          (c: {
            region: { code: string };
            role: string;
            share: string;
            rule: string;
            source: string;
            landedOn: string;
          }) => [c.region.code, c.role, c.share, c.rule, c.source, c.landedOn],
        )
        .sort(),
    ).toEqual([
      ['330402', 'first', '1', 'equal', 'jiaxing §二(一)3', '2025-06-20'],
      ['330411', 'host', '1', 'equal', 'jiaxing §二(一)3', '2025-06-20'],
    ]);
    const own = await jxA.get('/api/coordination/credits');
    expect(own.body.items.map((c: { region: { code: string } }) => c.region.code)).toEqual(['330402']);
    // A landed project is not offered on.
    const late = await jxB.post(`/api/coordination/projects/${p.id}/transfers`, {
      toRegionCode: '330402',
      reason: 'x',
    });
    expect(late.status).toBe(409);
  });

  it('a project that landed without a transfer earns no transfer credit', async () => {
    const q = await on('2025-04-01', () => register(jxA, { totalInvestmentWan: '2000', hostRegionCode: '330402' }));
    await on('2025-06-01', () => sign(jxA, q.id, '2025-06-01', '2000'));
    await on('2025-06-20', () =>
      jxA.post(`/api/projects/${q.id}/transitions`, { to: 'registered', registeredDate: '2025-06-20' }),
    );
    expect((await jxLeader.get(`/api/coordination/credits?projectId=${q.id}`)).body.items).toEqual([]);
  });
});

describe('escalation (liaoyuan §三.三) and 三个一', () => {
  let big: { id: string };

  it('a signing of exactly 5亿元 in a Liaoyuan county goes on the city’s major-project list, flagged until 三个一 are in', async () => {
    big = await on('2025-08-01', () =>
      register(lyCounty, { totalInvestmentWan: '60000', hostRegionCode: '220421', enterpriseIds: [lyEnterprise] }),
    );
    const res = await on('2025-08-05', () => sign(lyCounty, big.id, '2025-08-05', '50000'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await lyCity.get('/api/coordination/escalations?missing=true');
    const item = list.body.items.find((e: { project: { id: string } }) => e.project.id === big.id);
    expect(item).toMatchObject({
      toRegion: { code: '220400' },
      amountWan: '50000',
      thresholdWan: '50000',
      source: 'liaoyuan §三.三',
      escalatedOn: '2025-08-05',
      flagged: true,
      missing: ['responsibleLeader', 'serviceTeam', 'actionPlan'],
    });
    expect((await notifications(lyCity, 'coordination.escalated')).some((n) => n.entityId === item.id)).toBe(true);
    expect((await notifications(lyCounty, 'coordination.three_ones_missing')).some((n) => n.entityId === item.id)).toBe(
      true,
    );

    const partial = await lyCity.put(`/api/coordination/escalations/${item.id}/three-ones`, {
      version: item.version,
      responsibleLeader: '王副市长',
      serviceTeam: '市工信局专班',
      actionPlan: null,
    });
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    expect(partial.body).toMatchObject({ flagged: true, missing: ['actionPlan'] });
    const stale = await lyCity.put(`/api/coordination/escalations/${item.id}/three-ones`, {
      version: item.version,
      responsibleLeader: 'x',
      serviceTeam: 'x',
      actionPlan: 'x',
    });
    expect(stale.status).toBe(409);
    const full = await lyCounty.put(`/api/coordination/escalations/${item.id}/three-ones`, {
      version: partial.body.version,
      responsibleLeader: '王副市长',
      serviceTeam: '市工信局专班',
      actionPlan: '2025年底前开工',
    });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ flagged: false, missing: [] });
    const missing = await lyCity.get('/api/coordination/escalations?missing=true');
    expect(missing.body.items.some((e: { id: string }) => e.id === item.id)).toBe(false);
    expect(
      (
        await gansu.put(`/api/coordination/escalations/${item.id}/three-ones`, {
          ...full.body.threeOnes,
          version: full.body.version,
        })
      ).status,
    ).toBe(404);
  });

  it('0.01万元 under 5亿元 is not escalated; nor a 5亿元 signing before Liaoyuan’s pack took effect', async () => {
    const under = await on('2025-08-01', () =>
      register(lyCounty, { totalInvestmentWan: '60000', hostRegionCode: '220421' }),
    );
    await on('2025-08-05', () => sign(lyCounty, under.id, '2025-08-05', '49999.99'));
    const before = await on('2025-07-01', () =>
      register(lyCounty, { totalInvestmentWan: '60000', hostRegionCode: '220421' }),
    );
    await on('2025-07-06', () => sign(lyCounty, before.id, '2025-07-06', '50000'));
    const ids = (await lyCity.get('/api/coordination/escalations')).body.items.map(
      (e: { project: { id: string } }) => e.project.id,
    );
    expect(ids).not.toContain(under.id);
    expect(ids).not.toContain(before.id);
  });

  it('the daily job reminds a missing 三个一 again after 7 days, once', async () => {
    const p = await on('2025-08-01', () =>
      register(lyCounty, { totalInvestmentWan: '90000', hostRegionCode: '220421' }),
    );
    await on('2025-08-10', () => sign(lyCounty, p.id, '2025-08-10', '90000'));
    const escalation = (await lyCity.get('/api/coordination/escalations')).body.items.find(
      (e: { project: { id: string } }) => e.project.id === p.id,
    );
    const count = async () =>
      (await notifications(lyCounty, 'coordination.three_ones_missing')).filter((n) => n.entityId === escalation.id)
        .length;
    const start = await count();
    await runCoordinationDaily(t.database.db, new Date('2025-08-16T04:00:00Z'));
    expect(await count()).toBe(start); // six days: not yet
    await runCoordinationDaily(t.database.db, new Date('2025-08-17T04:00:00Z'));
    const after = await count();
    expect(after).toBeGreaterThan(start);
    await runCoordinationDaily(t.database.db, new Date('2025-08-17T05:00:00Z'));
    expect(await count()).toBe(after);
  });
});

describe('Jilin monthly list of signed projects ≥1亿元 (jilin §三(三))', () => {
  it('lists exactly 1亿元 and above signed in the month, not 0.01万元 less, nor another month or province', async () => {
    const at = await on('2025-09-01', () =>
      register(lyCounty2, { totalInvestmentWan: '10000', hostRegionCode: '220422' }),
    );
    const under = await on('2025-09-01', () =>
      register(lyCounty2, { totalInvestmentWan: '10000', hostRegionCode: '220422' }),
    );
    const nextMonth = await on('2025-09-01', () =>
      register(lyCounty2, { totalInvestmentWan: '10000', hostRegionCode: '220422' }),
    );
    const far = await on('2025-09-01', () =>
      register(gansu, { totalInvestmentWan: '90000', hostRegionCode: '620100', enterpriseIds: [gansuEnterprise] }),
    );
    expect((await on('2025-09-30', () => sign(lyCounty2, at.id, '2025-09-30', '10000'))).status).toBe(200);
    expect((await on('2025-09-15', () => sign(lyCounty2, under.id, '2025-09-15', '9999.99'))).status).toBe(200);
    expect((await on('2025-10-01', () => sign(lyCounty2, nextMonth.id, '2025-10-01', '20000'))).status).toBe(200);
    expect((await on('2025-09-10', () => sign(gansu, far.id, '2025-09-10', '90000'))).status).toBe(200);
    const report = await admin.get('/api/coordination/signed-report?month=2025-09');
    expect(report.status).toBe(200);
    const ids = report.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(at.id);
    expect(ids).not.toContain(under.id);
    expect(ids).not.toContain(nextMonth.id);
    expect(ids).not.toContain(far.id);
    expect(report.body.items.find((i: { id: string }) => i.id === at.id)).toMatchObject({
      amountWan: '10000',
      thresholdWan: '10000',
      source: 'jilin §三(三)',
      hostRegion: { code: '220422' },
    });
    const province = await jlProvince.get('/api/coordination/signed-report?month=2025-09');
    expect(province.body.items.map((i: { id: string }) => i.id)).toContain(at.id);
    expect((await jlProvince.get('/api/coordination/signed-report?month=2025-9')).status).toBe(400);
  });
});

describe('stalled redirect (jilin §三(一))', () => {
  let stalled: { id: string };

  beforeAll(async () => {
    // A landed textile project in 东辽县 makes it a candidate for the same industry.
    const host = await on('2025-05-01', () =>
      register(lyCounty2, {
        totalInvestmentWan: '5000',
        hostRegionCode: '220422',
        industrySection: 'C',
        industryDivision: '17',
      }),
    );
    await on('2025-05-10', () => sign(lyCounty2, host.id, '2025-05-10', '5000'));
    stalled = await on('2025-05-01', () =>
      register(lyCounty, {
        totalInvestmentWan: '30000',
        hostRegionCode: '220421',
        industrySection: 'C',
        industryDivision: '17',
        enterpriseIds: [lyEnterprise],
      }),
    );
  });

  it('exactly six months after entering negotiation it is not stalled yet; the day after it is', async () => {
    const sixMonths = await on('2025-11-01', () =>
      jlProvince.get(`/api/coordination/projects/${stalled.id}/redirect-candidates`),
    );
    expect(sixMonths.body).toMatchObject({
      stalled: false,
      stalledMonths: 6,
      redirectAllowed: true,
      source: 'jilin §三(一)',
    });
    const refused = await on('2025-11-01', () =>
      jlProvince.post(`/api/coordination/projects/${stalled.id}/redirect`, {
        toRegionCode: '220422',
        reason: '同产业集聚',
      }),
    );
    expect(refused.status).toBe(409);
    const next = await on('2025-11-02', () =>
      jlProvince.get(`/api/coordination/projects/${stalled.id}/redirect-candidates`),
    );
    expect(next.body.stalled).toBe(true);
    expect(next.body.candidates).toContainEqual({ code: '220422', name: '东辽县', projects: 1 });
    expect(next.body.consent).toBe(false);
  });

  it('needs the first region’s recorded consent, and the provincial centre to do it', async () => {
    const noConsent = await on('2025-11-02', () =>
      jlProvince.post(`/api/coordination/projects/${stalled.id}/redirect`, {
        toRegionCode: '220422',
        reason: '同产业集聚',
      }),
    );
    expect(noConsent.status).toBe(409);
    expect(noConsent.body.i18n['zh-CN'].detail).toContain('首谈地尚未登记同意');
    expect((await lyCounty2.post(`/api/coordination/projects/${stalled.id}/redirect-consent`, {})).status).toBe(404);
    const consent = await lyCounty.post(`/api/coordination/projects/${stalled.id}/redirect-consent`, {
      note: '同意推介',
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const city = await on('2025-11-02', () =>
      lyCity.post(`/api/coordination/projects/${stalled.id}/redirect`, { toRegionCode: '220422', reason: 'x' }),
    );
    expect(city.status).toBe(403);
    const redirected = await on('2025-11-02', () =>
      jlProvince.post(`/api/coordination/projects/${stalled.id}/redirect`, {
        toRegionCode: '220422',
        reason: '同产业集聚',
      }),
    );
    expect(redirected.status, JSON.stringify(redirected.body)).toBe(201);
    expect(redirected.body).toMatchObject({ kind: 'redirect', status: 'offered', toRegion: { code: '220422' } });
    expect(
      (await notifications(lyCounty2, 'coordination.transfer_offered')).some((n) => n.entityId === redirected.body.id),
    ).toBe(true);
  });
});

describe('daily job: exclusivity windows ending in 7 days', () => {
  it('reminds the first reporter once, seven days before the last day', async () => {
    const p = await on('2025-06-03', () => register(jxA, { totalInvestmentWan: '120000', hostRegionCode: '330402' }));
    expect(p.coordination.firstReport.exclusivityEndsOn).toBe('2025-07-03');
    const mine = async () =>
      (await notifications(jxA, 'coordination.exclusivity_ending')).filter((n) => n.entityId === p.id);
    await runCoordinationDaily(t.database.db, new Date('2025-06-25T04:00:00Z')); // 8 days before
    expect(await mine()).toHaveLength(0);
    await runCoordinationDaily(t.database.db, new Date('2025-06-26T04:00:00Z')); // 7 days before
    expect(await mine()).toHaveLength(1);
    expect((await mine())[0]!.bodyZh).toContain('2025-07-03');
    await runCoordinationDaily(t.database.db, new Date('2025-06-26T06:00:00Z'));
    expect(await mine()).toHaveLength(1);
  });
});
