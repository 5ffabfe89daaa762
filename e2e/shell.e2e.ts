import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('web shell', () => {
  test('a signed-out visitor signs in, switches to English and signs out', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/');
    await page.waitForURL('**/login');
    await page.getByText('用户登录').waitFor();

    // A wrong password shows the server's reason, in Chinese.
    await signIn(page, 'liaoyuan.officer', 'wrong-password1');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
    const header = page.locator('header');
    await header.getByText('辽源市投促中心 刘洋').waitFor();
    await expect(header.getByText(/辽源市投资促进中心 · 辽源市/).isVisible()).resolves.toBe(true);
    // Chinese menu, the dashboard, and no admin menu for an officer.
    const menu = page.getByRole('menu');
    await menu.getByText('项目库').waitFor();
    await menu.getByText('工作台').waitFor();
    await expect(menu.getByText('系统管理').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/shell.png' });
    // The bell opens the notification inbox.
    await header.getByRole('button', { name: '通知' }).click();
    await page.waitForURL('**/notifications');
    await page.getByText('只看未读').waitFor();

    await header.getByText('English', { exact: true }).click();
    await menu.getByText('Projects', { exact: true }).waitFor();
    // The projects library opens to its five stage libraries.
    await menu.getByText('Projects', { exact: true }).click();
    await menu.getByText('Negotiating', { exact: true }).click();
    await page.waitForURL('**/projects/negotiating');
    await page.getByRole('heading', { name: 'Negotiating' }).waitFor();
    await expect(menu.getByText('Enterprises').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /New project/ }).waitFor();
    await expect(page.evaluate(() => localStorage.getItem('zs.lang'))).resolves.toBe('en');
    await page.screenshot({ path: '/tmp/shell-en.png' });

    await header.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    // The language choice survives signing out; the sign-in page is in English.
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Server errors come back in the chosen language.
    await page.getByLabel('Username').fill('liaoyuan.officer');
    await page.getByLabel('Password').fill('wrong-password1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
    await page.goto(suite.server.baseUrl + '/dashboard');
    await page.waitForURL('**/login');
    await page.context().close();
  });

  test('an administrator creates a user from the Users page', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/admin/users');
    await page.waitForURL('**/login');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    // Back where the administrator was going.
    await page.waitForURL('**/admin/users');
    await page.getByRole('cell', { name: 'liaoyuan.officer', exact: true }).waitFor();

    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    // First a taken username: the server's field error lands under the field.
    await dialog.getByLabel('用户名').fill('liaoyuan.officer');
    await dialog.getByLabel('姓名').fill('辽源市投促中心 新同事');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '招商专员' }).click();
    await dialog.getByLabel('所属单位').click();
    await page.keyboard.type('辽源市投资');
    await page.locator('.ant-select-item-option').filter({ hasText: '辽源市投资促进中心' }).first().click();
    await dialog.getByLabel('初始密码').fill('Newcomer-Harbour-2025');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '用户名已被使用' }).waitFor();

    await dialog.getByLabel('用户名').fill('e2e.newcomer');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已创建').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: 'e2e.newcomer' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/辽源市投促中心 新同事[\s\S]*招商专员[\s\S]*辽源市投资促进中心/);
    await page.screenshot({ path: '/tmp/shell-users.png' });

    // The new account can sign in.
    const other = await suite.newPage();
    await other.goto(suite.server.baseUrl + '/login');
    await signIn(other, 'e2e.newcomer', 'Newcomer-Harbour-2025');
    await other.locator('header').getByText('辽源市投促中心 新同事').waitFor();
    // …and change its own password from the user menu.
    await other.getByTestId('user-menu').click();
    await other.getByRole('menuitem', { name: '修改密码' }).click();
    const passwordDialog = other.getByRole('dialog');
    await passwordDialog.getByLabel('当前密码').fill('Newcomer-Harbour-2025');
    await passwordDialog.getByLabel('新密码', { exact: true }).fill('Changed-Lantern-2025');
    await passwordDialog.getByLabel('确认新密码').fill('Changed-Lantern-2025');
    await passwordDialog.getByRole('button', { name: /保\s*存/ }).click();
    await other.getByText('密码已修改').waitFor();
    await other.context().close();
    await page.context().close();
  });
});
