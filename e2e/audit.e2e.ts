import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

describe('audit page (审计)', () => {
  test('the audit administrator signs in, filters the trail, opens a row and verifies the chain', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/login');
    await page.getByLabel('用户名').fill('auditor');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // The auditor holds audit.read and nothing else: the trail is the page they land on.
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: '审计记录' }).waitFor();
    await expect(page.getByRole('menu').innerText()).resolves.not.toContain('项目');

    // Their own sign-in is on the trail.
    await page.getByLabel('操作人用户名').fill('auditor');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const ownRow = page.locator('.ant-table-row').filter({ hasText: 'auth.login' }).first();
    await ownRow.waitFor();

    // Narrow to project rows: every row shown is a project's.
    await page.getByLabel('操作人用户名').fill('');
    await page.getByLabel('对象类型').fill('project');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(async () => {
        const entities = await page.locator('.ant-table-row td:nth-child(5)').allInnerTexts();
        return entities.length > 0 && entities.every((e) => e.startsWith('project '));
      })
      .toBe(true);

    // A row opens to its before/after.
    await page.locator('.ant-table-row .ant-table-row-expand-icon').first().click();
    await page.locator('.ant-table-expanded-row').getByText('变更后').waitFor();

    await page.getByRole('button', { name: /校验审计链/ }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toMatch(/审计链完整：已校验 \d+ 条记录/);
    await page.getByText('审计链校验通过').waitFor();
    await page.screenshot({ path: '/tmp/audit.png' });

    // The page's reads are themselves on the trail.
    const reads = await page.request.get(suite.server.baseUrl + '/api/audit/log?action=audit.');
    const body = (await reads.json()) as { items: Array<{ action: string }> };
    expect(body.items.map((r) => r.action)).toEqual(expect.arrayContaining(['audit.read', 'audit.verify']));
  });
});
