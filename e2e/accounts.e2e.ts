import { sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { rows } from '../src/server/db/client';
import { ApiClient } from '../src/server/test/harness';
import { ADMIN_PASSWORD, DEMO_PASSWORD, e2eSuite } from './server';

// antd may leave its finished loading icon (aria-label "loading") in the button while the icon's
// leave motion has not ended, so the name is matched at its end only.
const VERIFY = /验\s*证$/;

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.goto(suite.server.baseUrl + '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

/** The authenticator app: the code for the next 30-second step (the server accepts ±1 step). */
function nextCode(secret: string): string {
  return new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });
}

async function userRow(username: string) {
  const [row] = await rows<{ locked_until: Date | null; must_change_password: boolean }>(
    suite.server.database.db,
    sql`select locked_until, must_change_password from users where username = ${username}`,
  );
  return row!;
}

describe('accounts', () => {
  test('a user turns two-step sign-in on, then signs in with a code, and with a recovery code only once', async () => {
    const page = await suite.newPage();
    await signIn(page, 'liaoyuan.viewer', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');

    // 账号安全 from the user menu: enrol with the secret shown for manual entry.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '账号安全' }).click();
    await page.waitForURL('**/account/security');
    await page.getByRole('button', { name: '设置两步验证' }).click();
    const enrolment = page.getByTestId('totp-enrolment');
    await enrolment.locator('canvas, svg').first().waitFor(); // the QR code
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code is refused; the right one answers ten recovery codes, shown once.
    await enrolment.getByLabel('动态码').fill('000000');
    await enrolment.getByRole('button', { name: '确认启用' }).click();
    await enrolment.getByRole('alert').waitFor();
    await enrolment.getByLabel('动态码').fill(new TOTP({ secret }).generate());
    await enrolment.getByRole('button', { name: '确认启用' }).click();
    const codesPanel = page.getByTestId('recovery-codes');
    await codesPanel.waitFor();
    const recoveryCodes = await codesPanel.locator('.zs-recovery-code').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code.trim()).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    await codesPanel.getByRole('button', { name: '我已保存' }).click();
    await page.getByText('两步验证已启用').waitFor();
    await page.getByTestId('mfa-status').filter({ hasText: '已启用' }).waitFor();
    await expect(page.getByRole('button', { name: '设置两步验证' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('recovery-codes').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/accounts-security.png' });
    await signOut(page);

    // (a) Password, then the authenticator's code.
    await signIn(page, 'liaoyuan.viewer', DEMO_PASSWORD);
    await page.getByText('请输入身份验证器应用中显示的 6 位动态码').waitFor();
    // Nothing behind the sign-in opens while the code is owed.
    await page.goto(suite.server.baseUrl + '/dashboard');
    await page.waitForURL('**/login');
    await page.getByLabel('动态码').fill(nextCode(secret));
    await page.getByRole('button', { name: VERIFY }).click();
    await page.waitForURL('**/dashboard');
    await page.locator('header').getByText('辽源市 观察员').first().waitFor();
    await signOut(page);

    // (b) A recovery code instead of the code: works once.
    const recovery = recoveryCodes[0]!.trim();
    await signIn(page, 'liaoyuan.viewer', DEMO_PASSWORD);
    await page.getByRole('button', { name: '无法使用验证器？改用恢复码' }).click();
    await page.getByLabel('恢复码').fill(recovery);
    await page.getByRole('button', { name: VERIFY }).click();
    await page.waitForURL('**/dashboard');
    await signOut(page);

    await signIn(page, 'liaoyuan.viewer', DEMO_PASSWORD);
    await page.getByRole('button', { name: '无法使用验证器？改用恢复码' }).click();
    await page.getByLabel('恢复码').fill(recovery);
    await page.getByRole('button', { name: VERIFY }).click();
    await page.getByRole('alert').filter({ hasText: '动态验证码或恢复码不正确' }).waitFor();
    expect(page.url()).toMatch(/\/login$/);
    // Another unused code still works.
    await page.getByLabel('恢复码').fill(recoveryCodes[1]!.trim());
    await page.getByRole('button', { name: VERIFY }).click();
    await page.waitForURL('**/dashboard');
    await page.context().close();
  });

  test('a password an administrator reset must be changed at the next sign-in, under the policy', async () => {
    const admin = await suite.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    await admin.goto(suite.server.baseUrl + '/admin/users');
    const row = admin.getByRole('row').filter({ hasText: 'liaoyuan.liaison' });
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = admin.getByRole('dialog');
    // The dialog states the policy and that the user must change the password.
    await dialog.getByText('用户下次登录时须修改此密码').waitFor();
    await dialog.getByTestId('password-policy').getByText('至少 12 个字符').waitFor();
    await dialog.getByLabel('新密码').fill('Harbour-Lantern-4821');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('密码已重置').waitFor();
    await expect(userRow('liaoyuan.liaison')).resolves.toMatchObject({ must_change_password: true });
    await admin.context().close();

    // (c) The user signs in and meets a full page, not a dialog, that explains why and shows the policy.
    const page = await suite.newPage();
    await signIn(page, 'liaoyuan.liaison', 'Harbour-Lantern-4821');
    await page.getByText('您正在使用初始密码或管理员重置的密码').waitFor();
    const policy = page.getByTestId('password-policy');
    for (const rule of ['至少 12 个字符', '不包含用户名', '不与最近 5 次使用过的密码相同', '不是常见密码'])
      await policy.getByText(rule).waitFor();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.getByRole('menu').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/accounts-forced.png' });

    // A common password passes the length check here but the server refuses it, under the field.
    await page.getByLabel('当前密码').fill('Harbour-Lantern-4821');
    await page.getByLabel('新密码', { exact: true }).fill('password1234');
    await page.getByLabel('确认新密码').fill('password1234');
    await page.getByRole('button', { name: '修改密码并继续' }).click();
    const newPasswordItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('新密码', { exact: true }) });
    await newPasswordItem.locator('.ant-form-item-explain-error').waitFor();
    await expect(newPasswordItem.locator('.ant-form-item-explain-error').innerText()).resolves.toMatch(/常见|猜/);
    await expect(userRow('liaoyuan.liaison')).resolves.toMatchObject({ must_change_password: true });

    await page.getByLabel('新密码', { exact: true }).fill('Quiet-Meadow-Fox-77');
    await page.getByLabel('确认新密码').fill('Quiet-Meadow-Fox-77');
    await page.getByRole('button', { name: '修改密码并继续' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('menu').getByText('项目库').waitFor();
    await expect(userRow('liaoyuan.liaison')).resolves.toMatchObject({ must_change_password: false });
    await page.context().close();
  });

  test('the security administrator changes the idle timeout and unlocks a locked account', async () => {
    // Five wrong passwords lock 辽源's leader (the default policy).
    const anonymous = new ApiClient(suite.server.baseUrl);
    for (let i = 0; i < 5; i++) await anonymous.login('liaoyuan.leader', 'Wrong-Password-' + i);
    expect((await userRow('liaoyuan.leader')).locked_until).not.toBeNull();
    await expect(anonymous.login('liaoyuan.leader', DEMO_PASSWORD)).resolves.toMatchObject({ status: 423 });

    const page = await suite.newPage();
    await signIn(page, 'security', DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(suite.server.baseUrl + '/security');
    const idle = page.getByLabel('空闲超时（分钟）');
    await expect.poll(() => idle.inputValue()).toBe('30');
    await idle.fill('45');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();

    // Saved: a reload reads it back, and the server applies it.
    await page.reload();
    await expect.poll(() => page.getByLabel('空闲超时（分钟）').inputValue()).toBe('45');
    const securityApi = new ApiClient(suite.server.baseUrl);
    await securityApi.login('security', DEMO_PASSWORD);
    const policy = await securityApi.get<{ sessionIdleMinutes: number; version: number }>('/api/security/policy');
    expect(policy.body.sessionIdleMinutes).toBe(45);

    // Someone else saves in between: this page's save is refused and the latest version loads.
    await securityApi.put('/api/security/policy', { ...policy.body, sessionIdleMinutes: 50 });
    await page.getByLabel('空闲超时（分钟）').fill('20');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('alert').filter({ hasText: '策略已被他人修改' }).waitFor();
    await expect.poll(() => page.getByLabel('空闲超时（分钟）').inputValue(), { timeout: 30_000 }).toBe('50');

    // The locked account is listed; unlocking it lets its owner sign in again.
    const row = page.getByRole('row').filter({ hasText: 'liaoyuan.leader' });
    await row.waitFor();
    await page.screenshot({ path: '/tmp/accounts-policy.png' });
    await row.getByRole('button', { name: /解\s*锁/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已解锁').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await userRow('liaoyuan.leader')).locked_until).toBeNull();
    await expect(anonymous.login('liaoyuan.leader', DEMO_PASSWORD)).resolves.toMatchObject({ status: 200 });
    await page.context().close();
  });

  test('once the policy requires two-step sign-in, an administrator without it must enrol before anything opens', async () => {
    // The system administrator is at work when the policy changes.
    const admin = await suite.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    await admin.goto(suite.server.baseUrl + '/admin/users');
    await admin.locator('.ant-table-row').first().waitFor();

    const securityApi = new ApiClient(suite.server.baseUrl);
    await securityApi.login('security', DEMO_PASSWORD);
    const policy = await securityApi.get<{ version: number }>('/api/security/policy');
    const saved = await securityApi.put('/api/security/policy', { ...policy.body, mfaRequired: true });
    expect(saved.status).toBe(200);

    // The administrator's next call is refused with the step owed, and the app shows that step.
    await admin.getByPlaceholder('用户名或姓名').fill('liaoyuan');
    await admin.getByPlaceholder('用户名或姓名').press('Enter');
    await admin.getByText('您的角色须使用两步验证登录').waitFor();
    await expect(admin.getByRole('menu').count()).resolves.toBe(0);
    await admin.context().close();

    const page = await suite.newPage();
    await signIn(page, 'auditor', DEMO_PASSWORD);
    await page.getByText('您的角色须使用两步验证登录').waitFor();
    await expect(page.getByRole('menu').count()).resolves.toBe(0);
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await page.getByLabel('动态码').fill(new TOTP({ secret }).generate());
    await page.getByRole('button', { name: '确认启用' }).click();
    // The codes stay on screen until the person confirms, although the session no longer owes the step.
    const codesPanel = page.getByTestId('recovery-codes');
    await codesPanel.waitFor();
    await expect(codesPanel.locator('.zs-recovery-code').count()).resolves.toBe(10);
    await codesPanel.getByRole('button', { name: '我已保存' }).click();
    await page.getByRole('menu').waitFor();
    await page.locator('header').getByText('审计管理员').first().waitFor();
    expect(page.url()).not.toMatch(/\/login/);
    await page.context().close();
  });
});
