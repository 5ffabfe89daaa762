import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const DEPARTMENT = '辽源市工业和信息化局';

/** The figures row of the department: [opened, closed, overdue, closedLate] as numbers, zeros when absent. */
async function figuresOf(page: Page): Promise<number[]> {
  const table = page.getByTestId('department-figures');
  await table.waitFor();
  const row = table.getByRole('row').filter({ hasText: DEPARTMENT });
  if ((await row.count()) === 0) return [0, 0, 0, 0];
  const cells = await row.getByRole('cell').allInnerTexts();
  return cells.slice(1, 5).map((c) => Number(c.trim()));
}

/** A date a little ahead, as YYYY-MM-DD (a ticket's due date cannot be in the past). */
function daysAhead(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('service ledger', () => {
  test('an officer raises a ticket on a project, notes progress, closes it, and the department figures follow', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/services');
    await page.waitForURL('**/login');
    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/services');
    await page.getByRole('heading', { name: '服务台账' }).waitFor();
    const before = await figuresOf(page);

    // Raise the ticket through the form: a project, the problem, the department and a due date.
    await page.getByRole('button', { name: /登记服务事项/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目').click();
    const option = page.locator('.ant-select-item-option:visible').first();
    await option.waitFor();
    const projectLabel = (await option.innerText()).trim();
    const projectName = projectLabel.replace(/（[^（]*）$/, '');
    await option.click();
    const title = '二期用地农转用手续办理';
    await dialog.getByLabel('事项').fill(title);
    await dialog.getByLabel('问题描述').fill('项目二期用地需办理农用地转用审批');
    await dialog.getByLabel('承办部门').click();
    await page.keyboard.type('工业和信息化');
    await page.locator('.ant-select-item-option:visible').filter({ hasText: DEPARTMENT }).first().click();
    await dialog.getByLabel('办理期限').fill(daysAhead(10));
    await dialog.getByLabel('办理期限').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(projectName);
    await expect(row.innerText()).resolves.toMatch(/办理中/);
    await expect.poll(() => figuresOf(page)).toEqual([before[0]! + 1, before[1]!, before[2]!, before[3]!]);

    // The ticket: add a progress note, then close it with its resolution.
    await row.getByRole('button', { name: title }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '办理进展' });
    await drawer.getByText(DEPARTMENT).first().waitFor();
    await drawer.getByLabel('添加进展').fill('已完成组卷并报送省自然资源厅');
    await drawer.getByRole('button', { name: /添加进展/ }).click();
    await drawer.getByText('已完成组卷并报送省自然资源厅').waitFor();
    await drawer.getByLabel('办结情况').fill('省厅已批复，手续办结');
    await drawer.getByRole('button', { name: /办\s*结/ }).click();
    await expect.poll(() => drawer.getByTestId('ticket-status').innerText()).toBe('已办结');
    await drawer.getByText('省厅已批复，手续办结').waitFor();
    await drawer
      .getByRole('button', { name: /close|关闭/i })
      .first()
      .click();

    await expect.poll(() => row.innerText()).toMatch(/已办结/);
    await expect.poll(() => figuresOf(page)).toEqual([before[0]! + 1, before[1]! + 1, before[2]!, before[3]!]);

    // The other ledgers open: reviews with the risk checklist, agreements, visits with the due list.
    await page.getByRole('tab', { name: '项目评审' }).click();
    await page.getByRole('button', { name: /登记评审会/ }).click();
    const reviewDialog = page.getByRole('dialog').filter({ hasText: '风险清单' });
    await reviewDialog.getByText('市场准入负面清单').waitFor();
    await reviewDialog.getByText('优惠条款的政策依据（公平竞争审查）').waitFor();
    await reviewDialog.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('tab', { name: '协议履约' }).click();
    await page.getByRole('columnheader', { name: '协议编号' }).waitFor();
    await page.getByRole('tab', { name: '企业走访' }).click();
    await page.getByText('应访未访企业').waitFor();
  });
});
