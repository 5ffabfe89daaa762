import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { type ApiClient, startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  // Two-factor required for the three administrators, as on a PostgreSQL deployment.
  t = await startTestApp({ MFA_REQUIRED: 'true' });
});
afterAll(() => t.close());

const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

/** Enrols the signed-in user; answers the secret and the recovery codes. */
async function enrol(c: ApiClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await c.post('/api/auth/totp/setup');
  expect(setup.status).toBe(200);
  expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Zhaoshang%20%E6%8B%9B%E5%95%86:/);
  const enabled = await c.post('/api/auth/totp/enable', { code: codeFor(setup.body.secret) });
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
}

describe('two-factor sign-in', () => {
  it('asks an enrolled user for a second factor and opens nothing before it', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const before = (await officer.get('/api/auth/me')).body;
    const username = before.username as string;
    // The account page reads the state before the user acts: off, and optional for an officer.
    expect(before).toMatchObject({ totpEnabled: false, mfaRequired: false });
    const { secret, recoveryCodes } = await enrol(officer);
    expect((await officer.get('/api/auth/me')).body).toMatchObject({ totpEnabled: true, mfaRequired: false });
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    const c = t.client('en');
    const login = await c.login(username);
    expect(login.status).toBe(200);
    expect(login.body.pending).toBe('totp');
    const blocked = await c.get('/api/projects');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_STEP_REQUIRED');
    expect(
      (await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Violet-Harbour-Quill-77' }))
        .status,
    ).toBe(403);

    const wrong = await c.post('/api/auth/totp', { code: '000000' === codeFor(secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('TOTP_INVALID');
    const failed = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.entityId, officer.userId)));
    expect(failed.map((r) => (r.after as { reason: string }).reason)).toEqual(['wrong second factor']);

    const code = codeFor(secret);
    const ok = await c.post('/api/auth/totp', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.pending).toBeNull();
    expect((await c.get('/api/projects')).status).toBe(200);

    // The same code does not open a second session while it is still valid.
    const replay = t.client();
    await replay.login(username);
    expect((await replay.post('/api/auth/totp', { code })).status).toBe(401);
  });

  it('takes each recovery code once', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await officer.get('/api/auth/me')).body.username as string;
    const { recoveryCodes } = await enrol(officer);
    const [first] = recoveryCodes;

    const c = t.client();
    await c.login(username);
    expect((await c.post('/api/auth/totp', { code: first!.toUpperCase() })).status).toBe(200);
    const used = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.recovery_used'), eq(auditLog.entityId, officer.userId)));
    expect(used[0]!.after).toEqual({ remaining: 9 });

    const again = t.client();
    await again.login(username);
    expect((await again.post('/api/auth/totp', { code: first })).status).toBe(401);

    const renewed = await officer.post('/api/auth/recovery-codes', { password: TEST_PASSWORD });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const old = t.client();
    await old.login(username);
    expect((await old.post('/api/auth/totp', { code: recoveryCodes[1] })).status).toBe(401);
  });

  it('counts wrong second factors toward the lock-out', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await officer.get('/api/auth/me')).body.username as string;
    const { secret } = await enrol(officer);
    const c = t.client();
    await c.login(username);
    const bad = codeFor(secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await c.post('/api/auth/totp', { code: bad });
    expect((await c.post('/api/auth/totp', { code: codeFor(secret) })).status).toBe(423);
  });

  it('makes the administrators enrol before anything else while MFA_REQUIRED is on', async () => {
    for (const role of ['admin', 'security', 'auditor'] as const) {
      const c = await t.signIn({ role, regionCode: '000000' });
      const me = await c.get('/api/auth/me');
      expect(me.body.pending, role).toBe('enrol-totp');
      expect(me.body, role).toMatchObject({ totpEnabled: false, mfaRequired: true });
      const blocked = await c.get(role === 'security' ? '/api/security/policy' : '/api/users');
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('AUTH_STEP_REQUIRED');
      await enrol(c);
      expect((await c.get('/api/auth/me')).body.pending).toBeNull();
      const off = await c.request('DELETE', '/api/auth/totp', { password: TEST_PASSWORD });
      expect(off.status).toBe(403);
    }
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    expect((await officer.get('/api/auth/me')).body.pending).toBeNull();
  });

  it('lets a user of another role turn two-factor off with the password', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await officer.get('/api/auth/me')).body.username as string;
    await enrol(officer);
    expect((await officer.request('DELETE', '/api/auth/totp', { password: 'wrong-password-1' })).status).toBe(400);
    expect((await officer.request('DELETE', '/api/auth/totp', { password: TEST_PASSWORD })).status).toBe(204);
    expect((await t.client().login(username)).body.pending).toBeNull();
  });
});
