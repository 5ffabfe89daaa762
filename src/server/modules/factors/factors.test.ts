import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import { auditLog, notifications, parcels, projects } from '../../db/schema';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';
import { runReservationsDaily } from './reservations.service';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let db: Db;
/** Jiaxing (330400) officers, a liaison, a viewer; a Liaoyuan officer outside their scope. */
let officer: Client;
let officer2: Client;
let liaison: Client;
let viewer: Client;
let liaoyuan: Client;
let seq = 0;

/** Server and test share this process: the clock the services read is set here (China time). */
function at(chinaDateTime: string) {
  vi.setSystemTime(new Date(`${chinaDateTime}+08:00`));
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  officer = await t.signIn({ role: 'officer', regionCode: '330400' });
  officer2 = await t.signIn({ role: 'officer', regionCode: '330400' });
  liaison = await t.signIn({ role: 'liaison', regionCode: '330400' });
  viewer = await t.signIn({ role: 'viewer', regionCode: '330400' });
  liaoyuan = await t.signIn({ role: 'officer', regionCode: '220400' });
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2025-06-01T10:00:00');
});

afterEach(() => at('2025-06-01T10:00:00'));

afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

function parcelBody(over: Record<string, unknown> = {}) {
  return {
    code: `T-${++seq}`,
    name: `测试地块${seq}`,
    regionCode: '3304Z1',
    areaMu: '100',
    use: 'industrial',
    lng: '120.78',
    lat: '30.74',
    supplyModes: ['transfer'],
    readyToBuild: true,
    ...over,
  };
}

async function addParcel(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/factors/parcels', parcelBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; version: number; status: string };
}

async function addProject(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/projects', {
    name: `要素测试项目${++seq}`,
    totalInvestmentWan: '80000',
    sourceChannel: '以商招商',
    hostRegionCode: '3304Z1',
    landDemandMu: '100',
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; name: string };
}

async function addQuota(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/factors/quotas', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe('library', () => {
  it('an officer adds a parcel; it reads back exactly, is audited, and is hidden outside the scope', async () => {
    const created = await addParcel(officer, {
      name: '嘉興經開區（測試）地塊',
      areaMu: '150.50',
      priceWanPerMu: '45.00',
      plotRatioMin: '1.2',
      plotRatioMax: '2.0',
      supplyModes: ['transfer', 'lease_then_transfer', 'transfer'],
      availableOn: '2025-07-01',
    });
    const res = await officer.get(`/api/factors/parcels/${created.id}`);
    expect(res.body).toMatchObject({
      name: '嘉兴经开区(测试)地块',
      areaMu: '150.5',
      priceWanPerMu: '45',
      plotRatioMin: '1.2',
      plotRatioMax: '2',
      supplyModes: ['transfer', 'lease_then_transfer'],
      readyToBuild: true,
      status: 'available',
      region: { code: '3304Z1', zoneLevel: 'national' },
      unit: { id: officer.unitId },
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['factor.parcel_created']);
    expect((await liaoyuan.get(`/api/factors/parcels/${created.id}`)).status).toBe(404);
    expect((await viewer.get(`/api/factors/parcels/${created.id}`)).status).toBe(200);
  });

  it('refuses bad values naming each field in both languages, and duplicate codes', async () => {
    const res = await officer.post(
      '/api/factors/parcels',
      parcelBody({ areaMu: '0', lng: '30.7', lat: '120.7', plotRatioMin: '3', plotRatioMax: '2' }),
    );
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['body.areaMu', 'body.lat', 'body.lng', 'body.plotRatioMax']);
    expect(byField['body.lng']).toMatchObject({
      'zh-CN': '经度应在 73–136 之间',
      en: 'Longitude must be within 73–136',
    });
    const outside = await officer.post('/api/factors/parcels', parcelBody({ regionCode: '220400' }));
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.regionCode');
    const first = await addParcel(officer);
    const again = await officer.post('/api/factors/parcels', parcelBody({ code: first.code }));
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('body.code');
  });

  it('viewers never write; a liaison writes only for its own unit', async () => {
    expect((await viewer.post('/api/factors/parcels', parcelBody())).status).toBe(403);
    expect((await liaison.post('/api/factors/parcels', parcelBody({ unitId: officer.unitId }))).status).toBe(403);
    const own = await addParcel(liaison);
    const officers = await addParcel(officer);
    expect((await liaison.patch(`/api/factors/parcels/${officers.id}`, { version: 1, name: '改名' })).status).toBe(403);
    const renamed = await liaison.patch(`/api/factors/parcels/${own.id}`, { version: 1, name: '联络员地块' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '联络员地块', version: 2 });
  });

  it('a stale version is a 409 and nothing is lost', async () => {
    const p = await addParcel(officer);
    expect((await officer.patch(`/api/factors/parcels/${p.id}`, { version: 1, areaMu: '88' })).status).toBe(200);
    const stale = await officer2.patch(`/api/factors/parcels/${p.id}`, { version: 1, areaMu: '99' });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/factors/parcels/${p.id}`)).body.areaMu).toBe('88');
  });

  it('lists filter by size, use, readiness and supply mode', async () => {
    const big = await addParcel(officer, { areaMu: '777', use: 'logistics', supplyModes: ['long_lease'] });
    const res = await officer.get('/api/factors/parcels?minMu=700&use=logistics&supplyMode=long_lease');
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([big.id]);
    // A page past the end is empty but still says how many there are.
    const pastEnd = await officer.get('/api/factors/parcels?minMu=700&use=logistics&supplyMode=long_lease&page=3');
    expect(pastEnd.body).toMatchObject({ items: [], total: 1 });
    const none = await officer.get('/api/factors/parcels?minMu=700&readyToBuild=false');
    expect(none.body.total).toBe(0);
  });

  it('buildings, funds and quotas', async () => {
    const b = await officer.post('/api/factors/buildings', {
      code: `B-${++seq}`,
      name: '标准厂房 3 号楼',
      kind: 'standard_factory',
      regionCode: '3304Z2',
      floorAreaM2: 6000,
      floors: 3,
      floorHeightM: '8.5',
      loadKnM2: '10',
      craneTons: 10,
      rentYuanM2Month: '18.5',
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body).toMatchObject({ floorAreaM2: 6000, floorHeightM: '8.5', craneTons: 10, rentYuanM2Month: '18.5' });
    const crane = await officer.get('/api/factors/buildings?crane=true');
    expect(crane.body.items.map((x: { id: string }) => x.id)).toContain(b.body.id);

    const f = await officer.post('/api/factors/funds', {
      name: '嘉兴新能源产业基金',
      regionCode: '330400',
      sizeWan: '200000',
      focusIndustries: ['新能源', 'C38'],
      stages: ['growth'],
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect((await officer.get('/api/factors/funds?industry=C38')).body.items[0].id).toBe(f.body.id);

    const q = await addQuota(officer, { regionCode: '3304Z2', year: 2024, kind: 'energy', total: '1000' });
    const over = await officer.post(`/api/factors/quotas/${q.id}/allocations`, { amount: '1000.01' });
    expect(over.status).toBe(400);
    expect(over.body.errors[0]).toMatchObject({ field: 'body.amount', en: 'More than what is left (1000)' });
    expect((await officer.post(`/api/factors/quotas/${q.id}/allocations`, { amount: '400.5' })).status).toBe(201);
    const list = await officer.get('/api/factors/quotas?year=2024&regionCode=3304Z2');
    expect(list.body.items[0]).toMatchObject({ total: '1000', allocated: '400.5', remaining: '599.5' });
  });
});

describe('demand and matching', () => {
  let project: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A fresh world under 平湖市 (330482) and its own quota holders, so earlier parcels do not count.
    project = await addProject(officer, { hostRegionCode: '330482' });
    const mk = async (key: string, over: Record<string, unknown>) => {
      ids[key] = (await addParcel(officer, { code: `M-${key}`, ...over })).id;
    };
    // The demand: 100 亩 industrial in 嘉兴, ready to build, by 2025-09-30, 2000 kVA and 500 tce.
    await mk('A', { regionCode: '3304Z1', areaMu: '100' });
    await mk('B', { regionCode: '3304Z2', areaMu: '120' });
    await mk('C', { regionCode: '330402', areaMu: '100', use: 'rd', readyToBuild: false });
    await mk('D', { regionCode: '3304Z1', areaMu: '40' });
    await mk('E', { regionCode: '3304Z1', areaMu: '150', availableOn: '2025-12-01' });
    await addQuota(officer, { regionCode: '3304Z1', year: 2025, kind: 'power', total: '10000' });
    await addQuota(officer, { regionCode: '3304Z1', year: 2025, kind: 'energy', total: '3000' });
    await addQuota(officer, { regionCode: '330400', year: 2025, kind: 'energy', total: '100' });
  });

  it('records demand with versions, folded notes and checked regions', async () => {
    const empty = await officer.get(`/api/factors/demands/${project.id}`);
    expect(empty.body).toMatchObject({ demand: null, project: { landDemandMu: '100' } });
    const bad = await officer.put(`/api/factors/demands/${project.id}`, { version: 0, preferredRegions: ['999999'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.preferredRegions.0');
    const put = await officer.put(`/api/factors/demands/${project.id}`, {
      version: 0,
      landMu: '100',
      use: 'industrial',
      powerKva: '2000',
      energyTce: '500',
      preferredRegions: ['330400'],
      readyToBuild: true,
      neededBy: '2025-09-30',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.demand).toMatchObject({ version: 1, preferredRegions: [{ code: '330400', name: '嘉兴市' }] });
    expect((await officer2.put(`/api/factors/demands/${project.id}`, { version: 0, landMu: '1' })).status).toBe(409);
    expect((await viewer.put(`/api/factors/demands/${project.id}`, { version: 1, landMu: '1' })).status).toBe(403);
    expect((await liaoyuan.get(`/api/factors/demands/${project.id}`)).status).toBe(404);
  });

  it('ranks the fixed candidates in the expected order with the reasons for each score', async () => {
    const res = await officer.get(`/api/factors/match?projectId=${project.id}&kind=parcel`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = res.body.items.filter((i: { code: string }) => i.code.startsWith('M-'));
    // D (40 亩) is under half the demand and is not a candidate.
    expect(mine.map((i: { code: string; score: number; misfits: number }) => [i.code, i.score, i.misfits])).toEqual([
      ['M-A', 100, 0],
      ['M-B', 86, 1],
      ['M-E', 85, 1],
      ['M-C', 70, 2],
    ]);
    const b = mine[1];
    expect(b.parts.find((p: { part: string }) => p.part === 'size')).toMatchObject({
      points: 36,
      fit: 'partial',
      text: '面积 120 亩，满足需求 100 亩（富余 20 亩）',
    });
    // B's zone has no quota: the city's energy quota (100) stands in, and power is unrecorded.
    expect(b.parts.find((p: { part: string }) => p.part === 'quota')).toMatchObject({
      points: 0,
      fit: 'misfit',
      zh: '用电容量未登记；能耗指标仅余 100 吨标准煤，不足 500',
    });
    const e = mine[2];
    expect(e.parts.find((p: { part: string }) => p.part === 'timing').en).toBe(
      'Available only from 2025-12-01, after the 2025-09-30 needed',
    );
    const en = await officer.request('GET', `/api/factors/match?projectId=${project.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(en.body.items[0].parts[0].text).toBe('100 mu, exactly the 100 mu needed');
  });

  it('answers 404 for a project outside the scope', async () => {
    // Speed is measured by the benchmark (bench/endpoints.ts, "factor matching"), not here.
    expect((await liaoyuan.get(`/api/factors/match?projectId=${project.id}`)).status).toBe(404);
    expect((await liaoyuan.get(`/api/factors/match?projectId=${project.id}&kind=building`)).status).toBe(404);
  });

  it('reserving takes the parcel out of matching; a second hold is refused', async () => {
    const res = await officer.post('/api/factors/reservations', {
      projectId: project.id,
      parcelId: ids.A,
      expiresOn: '2025-06-30',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', item: { code: 'M-A' }, reservedOn: '2025-06-01' });
    expect((await officer.get(`/api/factors/parcels/${ids.A}`)).body.status).toBe('reserved');
    const again = await officer2.post('/api/factors/reservations', {
      projectId: project.id,
      parcelId: ids.A,
      expiresOn: '2025-06-30',
    });
    expect(again.status).toBe(409);
    const match = await officer.get(`/api/factors/match?projectId=${project.id}`);
    expect(match.body.items.map((i: { code: string }) => i.code)).not.toContain('M-A');
    expect(
      (
        await viewer.post('/api/factors/reservations', {
          projectId: project.id,
          parcelId: ids.B,
          expiresOn: '2025-06-30',
        })
      ).status,
    ).toBe(403);
    const tooLong = await officer.post('/api/factors/reservations', {
      projectId: project.id,
      parcelId: ids.B,
      expiresOn: '2026-06-30',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({
      field: 'body.expiresOn',
      en: 'A hold lasts at most 180 days (until 2025-11-28)',
    });
  });
});

describe('reservation expiry and release', () => {
  async function holdFor(projectId: string, expiresOn: string, client: Client = officer) {
    const p = await addParcel(officer);
    const res = await client.post('/api/factors/reservations', { projectId, parcelId: p.id, expiresOn });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { parcelId: p.id, id: res.body.id as string };
  }
  const status = async (id: string) =>
    (await officer.get('/api/factors/reservations?pageSize=500')).body.items.find((r: { id: string }) => r.id === id);
  const noticesOf = async (userId: string, entityId: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.entityId, entityId)));

  it('notifies the holder 7 days before expiry, keeps the hold through its last day, releases the day after', async () => {
    const project = await addProject(officer);
    const hold = await holdFor(project.id, '2025-06-30', officer2);
    expect((await runReservationsDaily(db, '2025-06-22')).notified).toBe(0);
    await runReservationsDaily(db, '2025-06-23');
    let r = await status(hold.id);
    expect(r).toMatchObject({
      status: 'active',
      releaseCause: 'expiry',
      releaseDueOn: '2025-07-01',
      noticeOn: '2025-06-23',
    });
    const notices = await noticesOf(officer2.userId, hold.id);
    expect(notices.map((n) => n.titleZh)).toEqual([expect.stringContaining('2025-07-01')]);
    await runReservationsDaily(db, '2025-06-30');
    expect((await status(hold.id)).status).toBe('active');
    await runReservationsDaily(db, '2025-07-01');
    r = await status(hold.id);
    expect(r).toMatchObject({ status: 'released', endedOn: '2025-07-01', endedReason: 'expiry' });
    expect((await officer.get(`/api/factors/parcels/${hold.parcelId}`)).body.status).toBe('available');
    expect((await noticesOf(officer2.userId, hold.id)).length).toBe(2);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, hold.id));
    expect(audit.map((a) => a.action)).toEqual([
      'factor.reserved',
      'factor.reservation_notice',
      'factor.reservation_released',
    ]);
  });

  it('extending the hold withdraws the expiry notice', async () => {
    const project = await addProject(officer);
    const hold = await holdFor(project.id, '2025-06-10');
    await runReservationsDaily(db, '2025-06-05');
    const r = await status(hold.id);
    expect(r.releaseCause).toBe('expiry');
    const ext = await officer.patch(`/api/factors/reservations/${hold.id}`, {
      version: r.version,
      expiresOn: '2025-08-31',
    });
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    expect(ext.body).toMatchObject({ expiresOn: '2025-08-31', releaseCause: null, releaseDueOn: null });
    await runReservationsDaily(db, '2025-06-11');
    expect((await status(hold.id)).status).toBe('active');
  });

  it('a terminated project loses its hold the day after the notice; a stalled one cannot reserve', async () => {
    const project = await addProject(officer);
    const hold = await holdFor(project.id, '2025-09-30');
    await db.update(projects).set({ stage: 'terminated' }).where(eq(projects.id, project.id));
    await runReservationsDaily(db, '2025-06-10');
    expect(await status(hold.id)).toMatchObject({
      status: 'active',
      releaseCause: 'terminated',
      releaseDueOn: '2025-06-11',
    });
    await runReservationsDaily(db, '2025-06-11');
    expect(await status(hold.id)).toMatchObject({ status: 'released', endedReason: 'terminated' });

    const stalled = await addProject(officer);
    await db.update(projects).set({ stalledSince: '2025-05-01' }).where(eq(projects.id, stalled.id));
    const p = await addParcel(officer);
    const refused = await officer.post('/api/factors/reservations', {
      projectId: stalled.id,
      parcelId: p.id,
      expiresOn: '2025-06-30',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({
      field: 'body.projectId',
      en: 'The project has stalled; it cannot reserve factors',
    });
  });

  it('a stalled project is warned and released 14 days later unless it moves again', async () => {
    const project = await addProject(officer);
    const hold = await holdFor(project.id, '2025-11-20');
    await db.update(projects).set({ stalledSince: '2025-06-01' }).where(eq(projects.id, project.id));
    await runReservationsDaily(db, '2025-06-02');
    expect(await status(hold.id)).toMatchObject({ releaseCause: 'stalled', releaseDueOn: '2025-06-16' });
    await db.update(projects).set({ stalledSince: null }).where(eq(projects.id, project.id));
    await runReservationsDaily(db, '2025-06-10');
    expect(await status(hold.id)).toMatchObject({ status: 'active', releaseCause: null });
    await db.update(projects).set({ stalledSince: '2025-06-20' }).where(eq(projects.id, project.id));
    await runReservationsDaily(db, '2025-06-20');
    await runReservationsDaily(db, '2025-07-04');
    expect(await status(hold.id)).toMatchObject({ status: 'released', endedReason: 'stalled' });
  });

  it('a manual release frees the item and tells the holder', async () => {
    const project = await addProject(officer);
    const hold = await holdFor(project.id, '2025-07-31', officer2);
    const res = await officer.post(`/api/factors/reservations/${hold.id}/release`, { reason: '企业改选他址' });
    expect(res.status).toBe(200);
    expect(res.body.endedReason).toBe('manual: 企业改选他址');
    expect((await noticesOf(officer2.userId, hold.id)).map((n) => n.kind)).toEqual(['factor.reservation_released']);
    expect((await officer.post(`/api/factors/reservations/${hold.id}/release`, {})).status).toBe(409);
  });
});

describe('lists', () => {
  it('contiguous ≥100亩 and reserve ≥200亩 lists follow the Jiaxing pack in force on the date', async () => {
    const big = await addParcel(officer, { regionCode: '330411', areaMu: '260' });
    const mid = await addParcel(officer, { regionCode: '330411', areaMu: '120' });
    const small = await addParcel(officer, { regionCode: '330411', areaMu: '99.99' });
    const res = await officer.get('/api/factors/lists/land?regionCode=330411&date=2025-06-01');
    expect(res.body.contiguousMu).toEqual({ value: 100, source: 'jiaxing §三(二)' });
    expect(res.body.reserveMu.value).toBe(200);
    const contiguous = res.body.contiguous.map((p: { id: string }) => p.id);
    expect(contiguous).toEqual([big.id, mid.id]);
    expect(contiguous).not.toContain(small.id);
    expect(res.body.reserve.map((p: { id: string }) => p.id)).toEqual([big.id]);
    // After the pack's validity (2025-12-31) no pack sets the sizes.
    const later = await officer.get('/api/factors/lists/land?regionCode=330411&date=2026-03-01');
    expect(later.body).toMatchObject({ contiguousMu: null, contiguous: [] });
  });

  it('resources by level split zones by their level', async () => {
    const res = await officer.get('/api/factors/lists/by-level?regionCode=330400');
    const national = res.body.rows.find((r: { zoneLevel: string }) => r.zoneLevel === 'national');
    const county = res.body.rows.find((r: { level: string }) => r.level === 'county');
    expect(national.parcels).toBeGreaterThan(0);
    expect(county.parcels).toBeGreaterThan(0);
    expect(res.body.rows.every((r: { parcelAreaMu: string }) => /^\d+(\.\d+)?$/.test(r.parcelAreaMu))).toBe(true);
  });

  it('the share of quotas and major projects in provincial-level-or-above zones against 70%', async () => {
    const zoneLand = await addQuota(officer, { regionCode: '3304Z1', year: 2023, kind: 'land', total: '500' });
    const countyLand = await addQuota(officer, { regionCode: '330421', year: 2023, kind: 'land', total: '500' });
    const zoneEnergy = await addQuota(officer, { regionCode: '3304Z2', year: 2023, kind: 'energy', total: '500' });
    const countyEnergy = await addQuota(officer, { regionCode: '330421', year: 2023, kind: 'energy', total: '500' });
    const give = async (quotaId: string, amount: string) =>
      expect(
        (await officer.post(`/api/factors/quotas/${quotaId}/allocations`, { amount, allocatedOn: '2023-05-01' }))
          .status,
      ).toBe(201);
    await give(zoneLand.id, '70');
    await give(countyLand.id, '30');
    await give(zoneEnergy.id, '59.99');
    await give(countyEnergy.id, '40.01');
    // Major projects (≥50亿元 by the pack) registered in 2023: one in a zone, one in a county.
    for (const host of ['3304Z1', '330421']) {
      const p = await addProject(officer, { hostRegionCode: host, totalInvestmentWan: '600000' });
      await db.update(projects).set({ stage: 'registered', registeredDate: '2023-03-01' }).where(eq(projects.id, p.id));
    }
    const res = await officer.get('/api/factors/lists/priority-zone-share?regionCode=330400&year=2024');
    expect(res.body.target).toEqual({ value: 0.7, source: 'jiaxing §三(二)' });
    const y2023 = await officer.get('/api/factors/lists/priority-zone-share?regionCode=330400&year=2023');
    // 2023 is before the pack (2024-04-01): no target, the shares still computed.
    expect(y2023.body.target).toBeNull();
    const byKind = Object.fromEntries(y2023.body.quotas.map((q: { kind: string }) => [q.kind, q]));
    expect(byKind.land).toMatchObject({ total: '100', inPriorityZones: '70', share: '0.7000', meets: null });
    expect(byKind.energy).toMatchObject({ total: '100', inPriorityZones: '59.99', share: '0.5999' });
    expect(byKind.emission).toMatchObject({ total: '0', share: null });
    // Without a pack in force there is no major-project threshold either.
    expect(y2023.body.majorProjects).toMatchObject({ total: '0', thresholdWan: null });
  });

  it('judges the share against 70% in a year the pack is in force', async () => {
    const q1 = await addQuota(officer, { regionCode: '3304Z1', year: 2025, kind: 'land', total: '1000' });
    const q2 = await addQuota(officer, { regionCode: '330421', year: 2025, kind: 'land', total: '1000' });
    await officer.post(`/api/factors/quotas/${q1.id}/allocations`, { amount: '70', allocatedOn: '2025-05-01' });
    await officer.post(`/api/factors/quotas/${q2.id}/allocations`, { amount: '30', allocatedOn: '2025-05-01' });
    const e1 = await addQuota(officer, { regionCode: '3304Z2', year: 2025, kind: 'emission', total: '100' });
    const e2 = await addQuota(officer, { regionCode: '330421', year: 2025, kind: 'emission', total: '100' });
    await officer.post(`/api/factors/quotas/${e1.id}/allocations`, { amount: '69.99' });
    await officer.post(`/api/factors/quotas/${e2.id}/allocations`, { amount: '30.01' });
    for (const host of ['3304Z1', '3304Z2', '330421']) {
      const p = await addProject(officer, { hostRegionCode: host, totalInvestmentWan: '500000' });
      await db.update(projects).set({ stage: 'started', registeredDate: '2025-02-01' }).where(eq(projects.id, p.id));
    }
    at('2025-06-01T10:00:00');
    const res = await officer.get('/api/factors/lists/priority-zone-share?regionCode=330400&year=2025');
    const byKind = Object.fromEntries(res.body.quotas.map((q: { kind: string }) => [q.kind, q]));
    expect(byKind.land).toMatchObject({ share: '0.7000', meets: true });
    expect(byKind.emission).toMatchObject({ share: '0.6999', meets: false });
    expect(res.body.majorProjects).toMatchObject({
      total: '3',
      inPriorityZones: '2',
      share: '0.6666',
      meets: false,
      thresholdWan: '500000',
    });
  });
});

describe('map and Excel', () => {
  it('map points carry coordinates and respect the scope', async () => {
    const mine = await officer.get('/api/factors/map?kind=parcel');
    expect(mine.body.points.length).toBeGreaterThan(0);
    expect(mine.body.points[0]).toMatchObject({ kind: 'parcel', lng: expect.stringMatching(/^120\./) });
    expect((await liaoyuan.get('/api/factors/map')).body.points).toEqual([]);
  });

  async function book(rows: (string | number | null)[][]): Promise<Blob> {
    const template = await officer.get('/api/factors/excel/parcels/import-template');
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
    for (const r of rows)
      sheet.addRow(
        headers.map(
          (h) =>
            r[['地块编号', '地块名称', '行政区划代码', '面积(亩)', '用途', '拿地即开工', '供地方式'].indexOf(h)] ??
            null,
        ),
      );
    return new Blob([await wb.xlsx.writeBuffer()]);
  }

  async function upload(blob: Blob) {
    const form = new FormData();
    form.append('file', blob, 'parcels.xlsx');
    return officer.request('POST', '/api/factors/excel/parcels/import', form);
  }

  it('imports all or nothing, naming each bad cell by row and column', async () => {
    const before = (await db.select().from(parcels)).length;
    const bad = await upload(
      await book([
        ['X-1', '导入地块一', '3304Z1', '120', '工业', '是', '出让、先租后让'],
        ['X-2', '导入地块二', '3304Z1', '12.345', '工业', '也许', '出让'],
        ['X-3', '导入地块三', '999999', '80', '住宅', '否', ''],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'row 4 / 拿地即开工',
      'row 4 / 面积(亩)',
      'row 5 / 用途',
    ]);
    expect((await db.select().from(parcels)).length).toBe(before);
    // The region is checked by the service, in the same all-or-nothing transaction.
    const outside = await upload(
      await book([
        ['X-1', '导入地块一', '3304Z1', '120', '工业', '是', '出让、先租后让'],
        ['X-3', '导入地块三', '220400', '80', '工业', '否', ''],
      ]),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'row 4 / 行政区划代码', row: 4 })]);
    expect((await db.select().from(parcels)).length).toBe(before);
    const good = await upload(
      await book([
        ['X-1', '导入地块一', '3304Z1', '120', '工业', '是', '出让、先租后让'],
        ['X-2', '导入地块二', '3304Z1', 80.5, 'logistics', '否', ''],
      ]),
    );
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body.created).toBe(2);
    const x1 = (await officer.get('/api/factors/parcels?q=X-1')).body.items[0];
    expect(x1).toMatchObject({ areaMu: '120', supplyModes: ['transfer', 'lease_then_transfer'], readyToBuild: true });
  });

  it('exports the filtered library in the import layout', async () => {
    const res = await officer.get('/api/factors/excel/parcels/export?q=X-');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('地块编号*');
    const codes = [3, 4].map((r) => sheet.getRow(r).getCell(1).value).sort();
    expect(codes).toEqual(['X-1', 'X-2']);
  });
});
