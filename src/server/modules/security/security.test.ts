import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function lockOut(username: string) {
  const c = t.client();
  for (let i = 0; i < 5; i++) await c.login(username, 'not-the-password');
  expect((await c.login(username)).status).toBe(423);
}

describe('三权分立: the security administrator', () => {
  it('alone reads and sets the password and session policy', async () => {
    const security = await t.signIn({ role: 'security', regionCode: '000000' });
    const policy = await security.get('/api/security/policy');
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({
      passwordMinLength: 12,
      passwordHistory: 5,
      sessionIdleMinutes: 30,
      sessionTtlHours: 12,
      maxFailedLogins: 5,
      lockMinutes: 15,
      mfaRequired: false,
      version: 0,
    });
    const tooLax = await security.put('/api/security/policy', { ...policy.body, passwordMinLength: 8 });
    expect(tooLax.status).toBe(400);
    const set = await security.put('/api/security/policy', {
      ...policy.body,
      passwordMinLength: 16,
      sessionIdleMinutes: 10,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ passwordMinLength: 16, sessionIdleMinutes: 10, version: 1 });
    expect((await security.put('/api/security/policy', policy.body)).status).toBe(409);

    for (const role of ['admin', 'auditor', 'leader'] as const) {
      const other = await t.signIn({ role, regionCode: '000000' });
      expect((await other.get('/api/security/policy')).status, role).toBe(403);
      expect((await other.put('/api/security/policy', { ...set.body })).status, role).toBe(403);
    }

    // The new policy applies: a 14-character password is now too short, a 10-minute idle session ends.
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const short = await officer.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Kettle-Orbit42',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].en).toContain('16');
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - make_interval(mins => 11)` })
      .where(eq(sessions.userId, officer.userId));
    expect((await officer.get('/api/auth/me')).status).toBe(401);

    const restored = await security.put('/api/security/policy', { ...policy.body, version: 1 });
    expect(restored.status).toBe(200);
  });

  it('alone lists and unlocks locked accounts; each unlock is recorded', async () => {
    const victim = await t.signIn({ role: 'viewer', regionCode: '220400' });
    const username = (await victim.get('/api/auth/me')).body.username as string;
    await lockOut(username);
    const security = await t.signIn({ role: 'security', regionCode: '000000' });
    const locked = await security.get('/api/security/locked-users');
    expect(locked.status).toBe(200);
    expect(locked.body.items).toContainEqual(
      expect.objectContaining({ id: victim.userId, username, regionName: '辽源市', failedLogins: 5 }),
    );

    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    expect((await admin.get('/api/security/locked-users')).status).toBe(403);
    expect((await admin.post(`/api/security/users/${victim.userId}/unlock`)).status).toBe(403);
    expect((await t.client().login(username)).status).toBe(423);

    expect((await security.post(`/api/security/users/${victim.userId}/unlock`)).status).toBe(204);
    expect((await t.client().login(username)).status).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.unlocked'), eq(auditLog.entityId, victim.userId)));
    expect(row).toMatchObject({ before: { failedLogins: 5 }, after: { lockedUntil: null, failedLogins: 0 } });
  });

  it('holds no business action', async () => {
    const security = await t.signIn({ role: 'security', regionCode: '000000' });
    expect((await security.get('/api/projects')).status).toBe(403);
    expect((await security.get('/api/users')).status).toBe(403);
  });
});

describe('三权分立: what the system admin may not do to the other administrators', () => {
  it('changes no role to or from security or auditor, and resets their password only with two-factor on', async () => {
    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    const auditor = await t.signIn({ role: 'auditor', regionCode: '000000' });
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });

    const demote = await admin.patch(`/api/users/${auditor.userId}`, { version: 1, role: 'viewer' });
    expect(demote.status).toBe(403);
    const promote = await admin.patch(`/api/users/${officer.userId}`, { version: 1, role: 'security' });
    expect(promote.status).toBe(403);

    const reset = await admin.post(`/api/users/${auditor.userId}/reset-password`, { password: 'Kettle-Orbit-Plum-42' });
    expect(reset.status).toBe(403);
    await t.database.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, auditor.userId));
    expect(
      (await admin.post(`/api/users/${auditor.userId}/reset-password`, { password: 'Kettle-Orbit-Plum-42' })).status,
    ).toBe(204);
  });

  it('keeps at least one active account of each separated role', async () => {
    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    await t.database.db.update(users).set({ active: false }).where(eq(users.role, 'security'));
    const only = await t.signIn({ role: 'security', regionCode: '000000' });
    const off = await admin.patch(`/api/users/${only.userId}`, { version: 1, active: false });
    expect(off.status).toBe(403);
    expect((await only.get('/api/security/policy')).status).toBe(200);

    const second = await t.signIn({ role: 'security', regionCode: '000000' });
    const ok = await admin.patch(`/api/users/${only.userId}`, { version: 1, active: false });
    expect(ok.status).toBe(200);
    expect((await second.get('/api/security/policy')).status).toBe(200);
  });

  it('creates accounts of any role, recorded in the trail', async () => {
    const admin = await t.signIn({ role: 'admin', regionCode: '000000' });
    const created = await admin.post('/api/users', {
      username: 'new.auditor',
      displayName: '新审计员',
      role: 'auditor',
      unitId: admin.unitId,
      password: 'Kettle-Orbit-Plum-42',
    });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('auditor');
  });
});
