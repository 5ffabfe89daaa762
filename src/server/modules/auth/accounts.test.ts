import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { auditLog, meta, sessions, users } from '../../db/schema';
import { seedDatabase } from '../../seed';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const STRONG = 'Kettle-Orbit-Plum-42';
const STRONG_2 = 'Violet-Harbour-Quill-77';
const STRONG_3 = 'Granite-Meadow-Lantern-19';

function auditRows(action: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.seq);
}

async function usernameOf(c: { get(path: string): Promise<{ body: { username: string } }> }): Promise<string> {
  return (await c.get('/api/auth/me')).body.username;
}

describe('sign-in events in the audit trail', () => {
  it('records a sign-in, a sign-out and a password change by the user', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const [login] = await auditRows('auth.login', officer.userId);
    expect(login).toMatchObject({ actorId: officer.userId, regionCode: '220400' });
    expect(login!.after).toMatchObject({ ip: '127.0.0.1', factors: 'password' });

    expect(
      (await officer.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: STRONG })).status,
    ).toBe(204);
    expect(await auditRows('auth.password_changed', officer.userId)).toHaveLength(1);

    expect((await officer.post('/api/auth/logout')).status).toBe(204);
    const [logout] = await auditRows('auth.logout', officer.userId);
    expect(logout).toMatchObject({ actorId: officer.userId });
  });

  it('records failed sign-ins with address, user agent and reason, unknown names included', async () => {
    const viewer = await t.signIn({ role: 'viewer', regionCode: '220400' });
    const username = await usernameOf(viewer);
    const c = t.client();
    const ua = { 'user-agent': 'probe/1.0' };
    await c.request('POST', '/api/auth/login', { username, password: 'not-the-password' }, ua);
    const [wrong] = await auditRows('auth.login_failed', viewer.userId);
    expect(wrong!.after).toEqual({ username, ip: '127.0.0.1', userAgent: 'probe/1.0', reason: 'wrong password' });

    const ghost = `Ghost.${'x'.repeat(100)}`;
    expect(
      (await c.request('POST', '/api/auth/login', { username: ghost.slice(0, 64), password: 'whatever' }, ua)).status,
    ).toBe(401);
    const [unknown] = await auditRows('auth.login_failed', ghost.slice(0, 64).toLowerCase());
    expect(unknown).toMatchObject({ entity: 'user', actorId: null });
    expect(unknown!.after).toMatchObject({ ip: '127.0.0.1', userAgent: 'probe/1.0', reason: 'unknown user' });

    for (let i = 0; i < 5; i++) await c.login(username, 'not-the-password');
    expect((await c.login(username)).status).toBe(423);
    const reasons = (await auditRows('auth.login_failed', viewer.userId)).map(
      (r) => (r.after as { reason: string }).reason,
    );
    expect(reasons.at(-1)).toBe('locked');
  });
});

describe('password policy', () => {
  it('refuses short, common, username-bearing and recent passwords, with a bilingual reason', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = await usernameOf(officer);
    const change = (currentPassword: string, newPassword: string) =>
      officer.post('/api/auth/password', { currentPassword, newPassword });

    for (const weak of ['password1', 'password1234', `${username}1234567`, 'qwertyuiop12']) {
      const res = await change(TEST_PASSWORD, weak);
      expect(res.status, weak).toBe(400);
      expect(res.body.errors[0].field).toBe('body.newPassword');
      expect(res.body.errors[0]['zh-CN']).toMatch(/密码/);
    }
    expect((await change(TEST_PASSWORD, STRONG)).status).toBe(204);
    expect((await change(STRONG, STRONG_2)).status).toBe(204);
    const back = await t.client('en').login(username, STRONG_2);
    expect(back.status).toBe(200);
    const again = await officer.post('/api/auth/password', { currentPassword: STRONG_2, newPassword: STRONG });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].en).toContain('last 5');
    expect((await change(STRONG_2, STRONG_3)).status).toBe(204);
  });

  it('holds administrators to it when they create a user or reset a password', async () => {
    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const created = await admin.post('/api/users', {
      username: 'weak.pw.user',
      displayName: 'x',
      role: 'viewer',
      unitId: officer.unitId,
      password: 'Welcome2025',
    });
    expect(created.status).toBe(400);
    expect(created.body.errors[0].field).toBe('body.password');
    const reset = await admin.post(`/api/users/${officer.userId}/reset-password`, { password: 'password1234' });
    expect(reset.status).toBe(400);
  });
});

describe('passwords set by someone else must be changed', () => {
  it('restricts a session after an admin reset to changing the password', async () => {
    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = await usernameOf(officer);
    expect((await admin.post(`/api/users/${officer.userId}/reset-password`, { password: STRONG })).status).toBe(204);
    const [reset] = await auditRows('user.password_reset', officer.userId);
    expect(reset).toMatchObject({
      actorId: admin.userId,
      before: { mustChangePassword: false },
      after: { mustChangePassword: true },
    });

    const c = t.client('en');
    const login = await c.login(username, STRONG);
    expect(login.status).toBe(200);
    expect(login.body.pending).toBe('change-password');
    const blocked = await c.get('/api/projects');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_STEP_REQUIRED');
    expect(blocked.body.detail).toContain('change-password');
    expect((await c.get('/api/auth/me')).body.pending).toBe('change-password');

    expect((await c.post('/api/auth/password', { currentPassword: STRONG, newPassword: STRONG_2 })).status).toBe(204);
    expect((await c.get('/api/auth/me')).body.pending).toBeNull();
    expect((await c.get('/api/projects')).status).toBe(200);
  });

  it('marks a generated admin password for change, and a chosen one not', async () => {
    const generated = await openDatabase({});
    try {
      const seed = await seedDatabase(generated.db, { demoPassword: TEST_PASSWORD, demo: false });
      expect(seed.generatedAdminPassword).toBeTruthy();
      const [admin] = await generated.db.select().from(users).where(eq(users.username, 'admin'));
      expect(admin!.mustChangePassword).toBe(true);
    } finally {
      await generated.close();
    }
    const [chosen] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(chosen!.mustChangePassword).toBe(false);
  });
});

describe('demo accounts', () => {
  it('adds the security and audit administrators to a demo database seeded before them', async () => {
    const db = t.database.db;
    expect(await db.select().from(users).where(eq(users.username, 'security'))).toHaveLength(0);
    await db
      .update(meta)
      .set({ value: sql`${meta.value} || '{"demo": true}'::jsonb` })
      .where(eq(meta.key, 'seed.v1'));
    await seedDatabase(db, { demoPassword: TEST_PASSWORD, demo: true });
    const login = await t.client().login('security');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ role: 'security', region: { code: '000000' } });
    expect((await t.client().login('auditor')).body.role).toBe('auditor');
  });
});

describe('sessions', () => {
  const idleFor = (sessionUserId: string, minutes: number) =>
    t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` })
      .where(eq(sessions.userId, sessionUserId));

  it('ends a session idle longer than SESSION_IDLE_MINUTES (30), not one idle less', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    await idleFor(officer.userId, 29);
    expect((await officer.get('/api/auth/me')).status).toBe(200);
    await idleFor(officer.userId, 31);
    const res = await officer.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, officer.userId))).toHaveLength(0);
  });

  it('answers every /api request with Cache-Control: no-store, errors included', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    for (const res of [
      await officer.get('/api/auth/me'),
      await t.client().get('/api/auth/me'),
      await officer.get('/api/no-such-route'),
      await t.client().post('/api/auth/login', { username: 'x', password: 'y' }),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
