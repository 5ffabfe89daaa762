import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

const LEADER = '孙县长';

/** The leader's trips cell on the quota tab ("1 / 5"), or null while the leader has no row. */
async function tripsOf(page: Page): Promise<string | null> {
  const table = page.getByTestId('leader-quotas');
  await table.waitFor();
  const row = table.getByRole('row').filter({ hasText: LEADER });
  if ((await row.count()) === 0) return null;
  const cells = await row.getByRole('cell').allInnerTexts();
  return cells[2]!.trim();
}

async function recordTrip(page: Page, title: string) {
  await page.getByRole('tab', { name: '活动与外出招商' }).click();
  await page.getByRole('button', { name: /登记活动/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('活动名称').fill(title);
  await dialog.getByLabel('目的地 / 举办地').fill('上海');
  await dialog.getByLabel('带队领导').fill(LEADER);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: title }).waitFor();
}

describe('activities', () => {
  test('a county officer records trips and sees the county head’s trip quota (liaoyuan §二) go up', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/activities');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('dongfeng.officer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/activities');
    await page.getByRole('heading', { name: '招商活动' }).waitFor();

    await page.getByRole('tab', { name: '任务进度' }).click();
    await page.getByText('县区主要负责同志招商任务').waitFor();
    expect(await tripsOf(page)).toBeNull();

    await recordTrip(page, '赴上海汽车零部件专题招商');
    await page.getByRole('tab', { name: '任务进度' }).click();
    await expect.poll(() => tripsOf(page)).toBe('1 / 5');
    const row = page.getByTestId('leader-quotas').getByRole('row').filter({ hasText: LEADER });
    await expect(row.innerText()).resolves.toContain('liaoyuan §二');

    await recordTrip(page, '赴深圳新能源产业链招商');
    await page.getByRole('tab', { name: '任务进度' }).click();
    await expect.poll(() => tripsOf(page)).toBe('2 / 5');
  });
});
