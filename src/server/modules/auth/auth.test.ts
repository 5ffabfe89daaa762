import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in, tells who I am with my region, and signs out', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const me = await officer.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.region).toEqual({ code: '220400', name: '辽源市' });
    expect(me.body.role).toBe('officer');

    const out = await officer.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const after = await officer.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('sets an httpOnly SameSite session cookie', async () => {
    const admin = t.client();
    const res = await admin.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/zs_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a bilingual problem', async () => {
    const res = await t.client('en').post('/api/auth/login', { username: 'admin', password: 'wrong-password1' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe('Wrong username or password');
    expect(res.body.i18n['zh-CN'].title).toBe('用户名或密码错误');
  });

  it('locks the account after five wrong passwords, even for the right one', async () => {
    const victim = await t.signIn({ role: 'viewer', regionCode: '220400' });
    const me = await victim.get('/api/auth/me');
    const username = me.body.username as string;
    const c = t.client();
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/auth/login', { username, password: 'nope-nope-1' })).status).toBe(401);
    }
    const locked = await c.post('/api/auth/login', { username, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('rejects mutations without the CSRF header', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    officer.csrf = '';
    const res = await officer.post('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
  });

  it('changes the password; the old one stops working', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await officer.get('/api/auth/me')).body.username as string;
    const weak = await officer.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    const ok = await officer.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Kettle-Orbit-Plum-42',
    });
    expect(ok.status).toBe(204);
    expect((await t.client().login(username, TEST_PASSWORD)).status).toBe(401);
    expect((await t.client().login(username, 'Kettle-Orbit-Plum-42')).status).toBe(200);
  });

  it('validates the body and names the field in both languages', async () => {
    const res = await t.client().post('/api/auth/login', { username: '' });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.username');
    expect(fields).toContain('body.password');
    expect(res.body.errors[0]['zh-CN']).toBeTruthy();
    expect(res.body.errors[0].en).toBeTruthy();
  });
});

describe('rate limit', () => {
  it('answers 429 after too many sign-in attempts from one address', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const c = limited.client();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await c.post('/api/auth/login', { username: 'nobody', password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
