import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { type ApiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';
import { seedDatabase } from '../../seed';
import type { TRegionNode } from './schema';

let t: TestApp;
let admin: ApiClient & { userId: string; unitId: string };
/** The audit administrator reads the history (三权分立: the system admin does not). */
let auditor: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn({ role: 'admin', regionCode: '000000' });
  auditor = await t.signIn({ role: 'auditor', regionCode: '000000' });
});
afterAll(() => t.close());

function flatten(nodes: TRegionNode[]): TRegionNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

let seq = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;

describe('regions', () => {
  it('gives a Liaoyuan officer the tree of 辽源市 only, with real GB codes', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const res = await officer.get('/api/regions');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const root = res.body.items[0] as TRegionNode;
    expect(root).toMatchObject({ code: '220400', name: '辽源市', level: 'city', parentCode: '220000' });
    const children = root.children.map((c) => `${c.code} ${c.name}`);
    expect(children).toEqual(['220402 龙山区', '220403 西安区', '220421 东丰县', '220422 东辽县', '2204Z1 辽源高新区']);
    const zone = root.children.find((c) => c.code === '2204Z1')!;
    expect(zone).toMatchObject({ level: 'zone', zoneLevel: 'provincial' });
    const all = flatten(res.body.items);
    expect(all.some((r) => r.code.startsWith('62') || r.name.includes('甘肃'))).toBe(false);
    expect(all).toHaveLength(6);
  });

  it('offers a county officer every region of its province as a transfer target, and no other province', async () => {
    const county = await t.signIn({ role: 'officer', regionCode: '220403' });
    const res = await county.get('/api/regions/transfer-targets');
    expect(res.status).toBe(200);
    const [root] = res.body.items as TRegionNode[];
    expect(root).toMatchObject({ code: '220000', name: '吉林省' });
    const codes = flatten(res.body.items).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['220100', '220400', '220402', '2204Z1']));
    expect(codes.some((c) => !c.startsWith('22'))).toBe(false);
    // Its own project scope stays the county: the wider list is geography, not data.
    expect((await county.get('/api/regions/220100')).status).toBe(404);
    const national = await admin.get('/api/regions/transfer-targets');
    expect((national.body.items as TRegionNode[])[0]!.code).toBe('000000');
  });

  it('answers one region in scope and 404 outside it', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const dongfeng = await officer.get('/api/regions/220421');
    expect(dongfeng.status).toBe(200);
    expect(dongfeng.body).toEqual({
      code: '220421',
      name: '东丰县',
      nameEn: 'Dongfeng County',
      level: 'county',
      zoneLevel: null,
      parentCode: '220400',
      seat: { lng: 125.53, lat: 42.68 },
    });
    expect(dongfeng.body.children).toBeUndefined();
    expect((await officer.get('/api/regions/620000')).status).toBe(404);
    expect((await officer.get('/api/regions/220000')).status).toBe(404);
  });

  it('gives the national admin the whole tree: four provinces and five zones', async () => {
    const res = await admin.get('/api/regions');
    expect(res.status).toBe(200);
    const [root] = res.body.items as TRegionNode[];
    expect(root!.code).toBe('000000');
    expect(root!.children.map((p) => p.name)).toEqual(['吉林省', '甘肃省', '广东省', '浙江省']);
    const guangdong = root!.children.find((p) => p.code === '440000')!;
    expect(guangdong.children.map((c) => c.name)).toEqual(['江门市']);
    const zhejiang = root!.children.find((p) => p.code === '330000')!;
    expect(zhejiang.children.map((c) => c.name)).toEqual(['嘉兴市']);
    const jilin = root!.children.find((p) => p.code === '220000')!;
    expect(jilin.children.find((c) => c.code === '220400')!.children.map((c) => c.code)).toContain('220421');
    const zones = flatten([root!]).filter((r) => /Z\d$/.test(r.code));
    expect(zones.map((z) => z.code).sort()).toEqual(['2204Z1', '3304Z1', '3304Z2', '4407Z1', '6201Z1']);
    expect(zones.find((z) => z.code === '6201Z1')).toMatchObject({
      name: '兰州新区',
      zoneLevel: 'national',
      parentCode: '620100',
    });
  });
});

describe('region seats', () => {
  const seatOf = async (c: ApiClient, code: string) => (await c.get(`/api/regions/${code}`)).body.seat as unknown;
  const treeSeat = async (c: ApiClient, code: string) =>
    flatten((await c.get('/api/regions')).body.items).find((r) => r.code === code)?.seat;

  it('lets an admin set a seat, read back as numbers in the tree and the region; the audit keeps before and after', async () => {
    const set = await admin.patch('/api/regions/220422', { seat: { lng: 125.123456, lat: 42.654321 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ code: '220422', name: '东辽县', seat: { lng: 125.123456, lat: 42.654321 } });
    expect(await seatOf(admin, '220422')).toEqual({ lng: 125.123456, lat: 42.654321 });
    expect(await treeSeat(admin, '220422')).toEqual({ lng: 125.123456, lat: 42.654321 });
    // Every region response carries seats, for any role that may see the region.
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    expect(await treeSeat(officer, '220422')).toEqual({ lng: 125.123456, lat: 42.654321 });
    const targets = flatten((await officer.get('/api/regions/transfer-targets')).body.items);
    expect(targets.find((r) => r.code === '220422')?.seat).toEqual({ lng: 125.123456, lat: 42.654321 });
    expect(targets.find((r) => r.code === '220400')?.seat).toEqual({ lng: 125.14, lat: 42.89 });

    const history = await auditor.get('/api/audit?entity=region&id=220422');
    expect(history.status).toBe(200);
    expect(history.body.items.map((r: { action: string }) => r.action)).toEqual(['region.updated']);
    expect(history.body.items[0].before.seat).toEqual({ lng: 124.99, lat: 42.93 });
    expect(history.body.items[0].after.seat).toEqual({ lng: 125.123456, lat: 42.654321 });
  });

  it('clears a seat with null, and a province admin may set one in their own subtree', async () => {
    const cleared = await admin.patch('/api/regions/2204Z1', { seat: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.seat).toBeNull();
    expect(await seatOf(admin, '2204Z1')).toBeNull();
    expect(await treeSeat(admin, '2204Z1')).toBeNull();
    // The next start of the server (its seeding step) leaves the cleared seat cleared.
    await seedDatabase(t.database.db, { demoPassword: TEST_PASSWORD, demo: false });
    expect(await seatOf(admin, '2204Z1')).toBeNull();

    const jilinAdmin = await t.signIn({ role: 'admin', regionCode: '220000' });
    const set = await jilinAdmin.patch('/api/regions/2204Z1', { seat: { lng: 125.2, lat: 42.85 } });
    expect(set.status).toBe(200);
    expect(await seatOf(admin, '2204Z1')).toEqual({ lng: 125.2, lat: 42.85 });
  });

  it('refuses non-admins with 403 and changes nothing', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const leader = await t.signIn({ role: 'leader', regionCode: '220000' });
    for (const c of [officer, leader]) {
      const res = await c.patch('/api/regions/220403', { seat: { lng: 125.5, lat: 43 } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await seatOf(admin, '220403')).toEqual({ lng: 125.15, lat: 42.95 });
  });

  it('answers 404 outside the admin’s subtree exactly as for a region that does not exist, and changes nothing', async () => {
    const liaoyuanAdmin = await t.signIn({ role: 'admin', regionCode: '220400' });
    const missing = await liaoyuanAdmin.patch('/api/regions/229999', { seat: { lng: 125, lat: 43 } });
    expect(missing.status).toBe(404);
    for (const code of ['620100', '220100', '220000']) {
      const res = await liaoyuanAdmin.patch(`/api/regions/${code}`, { seat: { lng: 125, lat: 43 } });
      expect(res.status).toBe(404);
      expect({ ...res.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
    }
    expect(await seatOf(admin, '620100')).toEqual({ lng: 103.83, lat: 36.06 });
    expect(await seatOf(admin, '220100')).toEqual({ lng: 125.32, lat: 43.82 });
    expect(await seatOf(admin, '220000')).toBeNull();
    const cleared = await liaoyuanAdmin.patch('/api/regions/620100', { seat: null });
    expect(cleared.status).toBe(404);
    expect(await seatOf(admin, '620100')).toEqual({ lng: 103.83, lat: 36.06 });
    expect((await auditor.get('/api/audit?entity=region&id=620100')).status).toBe(404);
  });

  it('validates the seat at the boundary, naming the field in both languages, and changes nothing', async () => {
    const outOfChina = await admin.patch('/api/regions/220403', { seat: { lng: 200, lat: 43 } });
    expect(outOfChina.status).toBe(400);
    expect(outOfChina.headers.get('content-type')).toContain('application/problem+json');
    expect(outOfChina.body.code).toBe('VALIDATION');
    expect(outOfChina.body.errors).toHaveLength(1);
    expect(outOfChina.body.errors[0]).toMatchObject({
      field: 'body.seat.lng',
      'zh-CN': expect.stringContaining('经度'),
      en: expect.stringContaining('Longitude'),
    });

    const swapped = await admin.patch('/api/regions/220403', { seat: { lng: 42.95, lat: 125.15 } });
    expect(swapped.status).toBe(400);
    expect(swapped.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.seat.lat',
      'body.seat.lng',
    ]);

    const notNumbers = await admin.patch('/api/regions/220403', { seat: { lng: '125.5', lat: 43 } });
    expect(notNumbers.status).toBe(400);
    expect(notNumbers.body.errors[0].field).toBe('body.seat.lng');

    const halfSeat = await admin.patch('/api/regions/220403', { seat: { lng: 125.5 } });
    expect(halfSeat.status).toBe(400);
    expect(halfSeat.body.errors[0].field).toBe('body.seat.lat');

    const noSeat = await admin.patch('/api/regions/220403', {});
    expect(noSeat.status).toBe(400);
    expect(noSeat.body.errors[0].field).toBe('body.seat');

    expect(await seatOf(admin, '220403')).toEqual({ lng: 125.15, lat: 42.95 });
    expect((await auditor.get('/api/audit?entity=region&id=220403')).status).toBe(404);
  });
});

describe('units', () => {
  it('lists only units in my scope; a region filter includes its subtree', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const all = await officer.get('/api/units?pageSize=100');
    expect(all.status).toBe(200);
    const names = all.body.items.map((u: { name: string }) => u.name);
    expect(names).toContain('辽源市商务局');
    expect(names).toContain('东丰县人民政府');
    expect(names).not.toContain('甘肃省商务厅');
    expect(names).not.toContain('吉林省商务厅');

    const dongfeng = await officer.get('/api/units?regionCode=220421');
    expect(dongfeng.body.items.map((u: { name: string }) => u.name)).toEqual(['东丰县人民政府']);
    expect(dongfeng.body.items[0]).toMatchObject({ kind: 'government', regionName: '东丰县', active: true });

    const gansu = await officer.get('/api/units?regionCode=620000');
    expect(gansu.body).toEqual({ items: [], total: 0 });

    const searched = await officer.get(`/api/units?q=${encodeURIComponent('投资促进')}`);
    expect(searched.body.items.map((u: { name: string }) => u.name)).toEqual(['辽源市投资促进中心']);

    const depts = await officer.get('/api/units?kind=department&pageSize=2&page=1');
    expect(depts.body.items).toHaveLength(2);
    expect(depts.body.total).toBe(4);
    expect(depts.body.items.every((u: { kind: string }) => u.kind === 'department')).toBe(true);
    // A page past the end is empty but still says how many there are.
    expect((await officer.get('/api/units?kind=department&pageSize=2&page=3')).body).toEqual({ items: [], total: 4 });
  });

  it('lets an admin create and edit a unit; duplicates and stale versions are refused; history shows both', async () => {
    const name = uniqueName('东丰县招商服务站');
    const created = await admin.post('/api/units', { name, kind: 'outpost', regionCode: '220421' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, nameEn: '', kind: 'outpost', regionName: '东丰县', version: 1 });
    const id = created.body.id as string;

    const dup = await admin.post('/api/units', { name, kind: 'centre', regionCode: '220421' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CONFLICT');
    expect(dup.body.errors[0].field).toBe('body.name');
    // the same name in another region is fine
    expect((await admin.post('/api/units', { name, kind: 'centre', regionCode: '220422' })).status).toBe(201);

    const edited = await admin.patch(`/api/units/${id}`, { version: 1, nameEn: 'Dongfeng Service Post' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name, nameEn: 'Dongfeng Service Post', version: 2 });

    const stale = await admin.patch(`/api/units/${id}`, { version: 1, nameEn: 'Overwritten', active: false });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const [kept] = (await admin.get(`/api/units?regionCode=220421&q=${encodeURIComponent(name)}`)).body.items;
    expect(kept).toMatchObject({ nameEn: 'Dongfeng Service Post', active: true, version: 2 });

    const history = await auditor.get(`/api/audit?entity=unit&id=${id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((r: { action: string }) => r.action)).toEqual(['unit.created', 'unit.updated']);
    expect(history.body.items[1].before).toMatchObject({ nameEn: '', version: 1 });
    expect(history.body.items[1].after).toMatchObject({ nameEn: 'Dongfeng Service Post', version: 2 });
  });

  it('creates one unit when admins race to add the same name', async () => {
    const name = uniqueName('并发单位');
    const results = await Promise.all(
      [1, 2, 3].map(() => admin.post('/api/units', { name, kind: 'centre', regionCode: '220402' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.errors[0].field === 'body.name')).toBe(true);
    expect((await admin.get(`/api/units?q=${encodeURIComponent(name)}`)).body.total).toBe(1);
  });

  it('keeps a province admin to their province', async () => {
    const jilinAdmin = await t.signIn({ role: 'admin', regionCode: '220000' });
    const outside = await jilinAdmin.post('/api/units', {
      name: uniqueName('兰州'),
      kind: 'centre',
      regionCode: '620100',
    });
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('NOT_FOUND');
    expect(outside.body.errors).toEqual([]);

    const [gansuUnit] = (await admin.get(`/api/units?regionCode=620000&q=${encodeURIComponent('甘肃省商务厅')}`)).body
      .items;
    expect((await jilinAdmin.patch(`/api/units/${gansuUnit.id}`, { version: 1, active: false })).status).toBe(404);
    expect(
      (await jilinAdmin.post('/api/units', { name: uniqueName('辽源'), kind: 'centre', regionCode: '220400' })).status,
    ).toBe(201);
  });
});

describe('users', () => {
  const userHistory = (id: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id), like(auditLog.action, 'user.%')))
      .orderBy(auditLog.seq);

  it('lets an admin create a user who can then sign in', async () => {
    const [unit] = (await admin.get(`/api/units?q=${encodeURIComponent('辽源市投资促进中心')}`)).body.items;
    const username = uniqueName('ly.new.').toLowerCase();
    const res = await admin.post('/api/users', {
      username,
      displayName: '辽源投促 新同事',
      role: 'officer',
      unitId: unit.id,
      password: 'Kettle-Orbit-Plum-42',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username,
      role: 'officer',
      unit: { id: unit.id, name: '辽源市投资促进中心' },
      region: { code: '220400', name: '辽源市' },
      active: true,
      lockedUntil: null,
      version: 1,
    });
    expect(res.body.passwordHash).toBeUndefined();

    const c = t.client();
    expect((await c.login(username, 'Kettle-Orbit-Plum-42')).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.region.code).toBe('220400');

    const dup = await admin.post('/api/users', {
      username: username.toUpperCase(),
      displayName: 'x',
      role: 'viewer',
      unitId: unit.id,
      password: 'Kettle-Orbit-Plum-42',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('body.username');

    const weak = await admin.post('/api/users', {
      username: uniqueName('weak').toLowerCase(),
      displayName: 'x',
      role: 'viewer',
      unitId: unit.id,
      password: 'onlyletters',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field)).toContain('body.password');

    const bad = await admin.post('/api/users', {
      username: 'a b',
      displayName: 'x',
      role: 'viewer',
      unitId: unit.id,
      password: 'Kettle-Orbit-Plum-42',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.username');

    // 三权分立: the system admin no longer reads the trail; the rows are read here as the auditor would.
    const history = await userHistory(res.body.id);
    expect(history.map((r) => r.action)).toEqual(['user.created']);
    expect(JSON.stringify(history)).not.toMatch(/argon2|passwordHash|Kettle-Orbit-Plum-42/);
  });

  it('lists and edits users; stale versions are refused; deactivation signs the user out', async () => {
    const target = await t.signIn({ role: 'viewer', regionCode: '220421' });
    const list = await admin.get(`/api/users?unitId=${target.unitId}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect((await admin.get(`/api/users?unitId=${target.unitId}&page=2`)).body).toMatchObject({ items: [], total: 1 });
    const [user] = list.body.items;
    expect(user).toMatchObject({ id: target.userId, role: 'viewer', region: { code: '220421', name: '东丰县' } });

    const promoted = await admin.patch(`/api/users/${user.id}`, { version: 1, role: 'officer', displayName: '赵磊' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'officer', displayName: '赵磊', version: 2 });
    expect((await target.get('/api/auth/me')).body.role).toBe('officer');

    const stale = await admin.patch(`/api/users/${user.id}`, { version: 1, displayName: '覆盖' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await target.get('/api/auth/me')).body.displayName).toBe('赵磊');

    const off = await admin.patch(`/api/users/${user.id}`, { version: 2, active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await target.get('/api/auth/me')).status).toBe(401);
    const username = user.username as string;
    expect((await t.client().login(username)).status).toBe(401);

    const history = await userHistory(user.id);
    expect(history.map((r) => r.action)).toEqual(['user.role_changed', 'user.deactivated']);
    expect(history[0]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'officer' } });
    expect(history[1]!.after).toMatchObject({ active: false });
  });

  it('resets a password: ends old sessions, forces a change, and leaves the lock-out to the security admin', async () => {
    const target = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await target.get('/api/auth/me')).body.username as string;
    const c = t.client();
    for (let i = 0; i < 5; i++) await c.login(username, 'wrong-pass-1');
    expect((await c.login(username)).status).toBe(423);
    const [locked] = (await admin.get(`/api/users?q=${username}`)).body.items;
    expect(locked.lockedUntil).not.toBeNull();

    const reset = await admin.post(`/api/users/${target.userId}/reset-password`, {
      password: 'Violet-Harbour-Quill-77',
    });
    expect(reset.status).toBe(204);
    expect((await target.get('/api/auth/me')).status).toBe(401);
    // 三权分立: the system admin's reset does not unlock; the security admin does.
    expect((await t.client().login(username, 'Violet-Harbour-Quill-77')).status).toBe(423);
    const security = await t.signIn({ role: 'security', regionCode: '000000' });
    expect((await security.post(`/api/security/users/${target.userId}/unlock`)).status).toBe(204);
    expect((await t.client().login(username, TEST_PASSWORD)).status).toBe(401);
    const fresh = await t.client().login(username, 'Violet-Harbour-Quill-77');
    expect(fresh.status).toBe(200);
    expect(fresh.body.pending).toBe('change-password');
    const [after] = (await admin.get(`/api/users?q=${username}`)).body.items;
    expect(after.lockedUntil).toBeNull();

    const weak = await admin.post(`/api/users/${target.userId}/reset-password`, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.password');
  });

  it('keeps a Jilin admin away from Gansu users (404), but lets them manage Liaoyuan', async () => {
    const jilinAdmin = await t.signIn({ role: 'admin', regionCode: '220000' });
    const gansu = await t.signIn({ role: 'officer', regionCode: '620000' });
    const liaoyuan = await t.signIn({ role: 'officer', regionCode: '220400' });
    const gansuName = (await gansu.get('/api/auth/me')).body.username as string;

    const listed = await jilinAdmin.get(`/api/users?q=${gansuName}`);
    expect(listed.body).toEqual({ items: [], total: 0 });
    expect((await jilinAdmin.get(`/api/users?unitId=${gansu.unitId}`)).body.total).toBe(0);
    const edit = await jilinAdmin.patch(`/api/users/${gansu.userId}`, { version: 1, active: false });
    expect(edit.status).toBe(404);
    expect(edit.body.code).toBe('NOT_FOUND');
    expect(
      (await jilinAdmin.post(`/api/users/${gansu.userId}/reset-password`, { password: 'Granite-Meadow-Lantern-19' }))
        .status,
    ).toBe(404);
    // nothing changed: the Gansu officer is still signed in
    expect((await gansu.get('/api/auth/me')).status).toBe(200);

    const intoGansu = await jilinAdmin.post('/api/users', {
      username: uniqueName('gs.').toLowerCase(),
      displayName: 'x',
      role: 'officer',
      unitId: gansu.unitId,
      password: 'Kettle-Orbit-Plum-42',
    });
    expect(intoGansu.status).toBe(404);
    const moveToGansu = await jilinAdmin.patch(`/api/users/${liaoyuan.userId}`, { version: 1, unitId: gansu.unitId });
    expect(moveToGansu.status).toBe(404);

    const ok = await jilinAdmin.patch(`/api/users/${liaoyuan.userId}`, { version: 1, displayName: '辽源 同事' });
    expect(ok.status).toBe(200);
    expect(ok.body.region.code).toBe('220400');
  });

  it('refuses non-admins on every admin route with 403', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const leader = await t.signIn({ role: 'leader', regionCode: '220000' });
    const unitId = officer.unitId;
    for (const c of [officer, leader]) {
      const attempts = await Promise.all([
        c.get('/api/users'),
        c.post('/api/users', {
          username: uniqueName('x').toLowerCase(),
          displayName: 'x',
          role: 'admin',
          unitId,
          password: 'Kettle-Orbit-Plum-42',
        }),
        c.patch(`/api/users/${officer.userId}`, { version: 1, role: 'admin' }),
        c.post(`/api/users/${officer.userId}/reset-password`, { password: 'Kettle-Orbit-Plum-42' }),
        c.post('/api/units', { name: uniqueName('x'), kind: 'centre', regionCode: '220400' }),
        c.patch(`/api/units/${unitId}`, { version: 1, active: false }),
      ]);
      expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
      expect(attempts[0]!.body.code).toBe('FORBIDDEN');
    }
    expect((await officer.get('/api/auth/me')).body.role).toBe('officer');
  });

  it('will not let an admin deactivate themselves', async () => {
    const res = await admin.patch(`/api/users/${admin.userId}`, { version: 1, active: false });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.active');
  });
});

describe('openapi', () => {
  it('documents the routes with bilingual summaries', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    expect(doc.paths['/api/regions'].get.summary).toMatch(/ \/ .*行政区/);
    expect(doc.paths['/api/users/{id}/reset-password'].post.summary).toContain('重置用户密码');
    expect(doc.paths['/api/regions/{code}'].patch.summary).toMatch(/seat .* \/ .*驻地/);
    expect(doc.paths['/api/regions/{code}'].patch.tags).toEqual(['regions']);
    // The region tree is described in full, with no reference to a component that is not there.
    const tree = JSON.stringify(doc.paths['/api/regions'].get.responses['200']);
    for (const [, id] of tree.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components?.schemas?.[id!]).toBeDefined();
    }
    expect(tree).toContain('"children"');
    expect(tree).toContain('"zoneLevel"');
  });
});
