import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, chooseOption, e2eSuite } from './server';

const suite = e2eSuite();

describe('regions admin page', () => {
  test('an administrator sets a county’s seat and clears a zone’s, and the table shows both', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/dashboard');

    const menu = page.getByRole('menu');
    await menu.getByText('系统管理').click();
    await menu.getByText('地区', { exact: true }).click();
    await page.waitForURL('**/admin/regions');
    await page.getByRole('heading', { name: '地区管理' }).waitFor();

    // Down to 辽源市 through the header's region picker: its counties and zones show at once.
    await page.locator('header .ant-select').click();
    await page.keyboard.type('辽源');
    await chooseOption(page, '辽源市');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const dongfeng = page.getByRole('row').filter({ hasText: '东丰县' });
    await expect(dongfeng.innerText()).resolves.toMatch(/东丰县\s+220421\s+县（市、区）\s+125\.53, 42\.68/);

    await dongfeng.getByRole('button', { name: '标注驻地' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('标注驻地：东丰县').waitFor();
    await expect(dialog.getByLabel('经度').inputValue()).resolves.toBe('125.53');
    // Outside China's extent is refused before anything is sent.
    await dialog.getByLabel('经度').fill('200');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '经度应在 73 至 136 之间' }).waitFor();
    await dialog.getByLabel('经度').fill('125.61');
    await dialog.getByLabel('纬度').fill('42.71');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await dongfeng.getByText('125.61, 42.71').waitFor();

    // Clearing a seat: the zone shows 未标注.
    const zone = page.getByRole('row').filter({ hasText: '辽源高新区' });
    await zone.getByText('125.21, 42.86').waitFor();
    await zone.getByRole('button', { name: '标注驻地' }).click();
    await dialog.getByText('清除驻地').click();
    // The fields follow the checkbox on the next render, so the check waits for it.
    await expect.poll(() => dialog.getByLabel('经度').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await zone.getByText('未标注').waitFor();
    await page.screenshot({ path: '/tmp/regions.png' });

    // What the table shows is what the API holds.
    const saved = await page.request.get(suite.server.baseUrl + '/api/regions/220421');
    expect(((await saved.json()) as { seat: unknown }).seat).toEqual({ lng: 125.61, lat: 42.71 });
    const cleared = await page.request.get(suite.server.baseUrl + '/api/regions/2204Z1');
    expect(((await cleared.json()) as { seat: unknown }).seat).toBeNull();
    await page.context().close();
  });
});
