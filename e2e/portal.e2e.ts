import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chooseOption, DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

interface SupplyPage {
  items: { code: string; name: string; region: { code: string; name: string } }[];
  total: number;
}

describe('investor portal', () => {
  test('a visitor enquires about a published parcel of 辽源, and an officer of 辽源 takes it up as a project', async () => {
    const visitor = await suite.newPage();
    await visitor.goto(suite.server.baseUrl + '/portal');
    // Public: no sign-in asked for.
    await visitor.getByRole('heading', { name: '招商引资服务门户' }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe('/portal');
    const supply = visitor.getByRole('tabpanel', { name: '要素资源' });
    await supply.locator('.ant-table-row').first().waitFor();

    // Only 辽源: the list the server sends for 辽源 and its counties, and nothing else.
    const filtered = visitor.waitForResponse(
      (r) => r.url().includes('/api/public/supply') && r.url().includes('region=220400') && r.ok(),
    );
    await supply.locator('.ant-select', { has: visitor.getByText('选择地区') }).click();
    await visitor.keyboard.type('辽源');
    await chooseOption(visitor, /^辽源市$/);
    const liaoyuan = (await (await filtered).json()) as SupplyPage;
    expect(liaoyuan.total).toBeGreaterThan(0);
    await supply.getByText(`共 ${liaoyuan.total} 条`).waitFor();
    const first = supply.locator('.ant-table-row').filter({ hasText: liaoyuan.items[0]!.code });
    await first.waitFor();
    const regions = await supply.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(regions.length).toBe(Math.min(liaoyuan.total, 20));
    for (const region of regions) expect(region).toMatch(/辽源|龙山|西安|东丰|东辽/);

    // 咨询 on the first parcel opens the form about it.
    const parcel = liaoyuan.items[0]!;
    await first.getByRole('button', { name: /咨\s*询/ }).click();
    await visitor.getByTestId('inquiry-item').getByText(parcel.code, { exact: false }).waitFor();

    const company = `辽河新材料科技有限公司${Date.now() % 100000}`;
    const message = '计划建设年产五万吨新材料生产线，需要工业用地约八十亩，希望了解供地条件。';
    await visitor.getByLabel('企业名称').fill(company);
    await visitor.getByLabel('联系人').fill('王经理');
    await visitor.getByLabel('联系电话').fill('12345');
    await visitor.getByLabel('计划投资').fill('5000');
    await visitor.getByLabel('投资意向说明').fill(message);

    // A bad phone number: the server's reason shows on the field, in Chinese, and nothing typed is lost.
    const refused = visitor.waitForResponse((r) => r.url().endsWith('/api/public/inquiries'));
    await visitor.getByRole('button', { name: '提交投资意向' }).click();
    expect((await refused).status()).toBe(400);
    const phoneItem = visitor.locator('.ant-form-item', { has: visitor.getByLabel('联系电话') });
    await phoneItem
      .locator('.ant-form-item-explain-error')
      .getByText(/手机号/)
      .waitFor();
    await expect(visitor.getByLabel('企业名称').inputValue()).resolves.toBe(company);
    await expect(visitor.getByLabel('联系人').inputValue()).resolves.toBe('王经理');
    await expect(visitor.getByLabel('联系电话').inputValue()).resolves.toBe('12345');
    await expect(visitor.getByLabel('计划投资').inputValue()).resolves.toBe('5000');
    await expect(visitor.getByLabel('投资意向说明').inputValue()).resolves.toBe(message);
    await visitor.getByTestId('inquiry-item').getByText(parcel.code, { exact: false }).waitFor();

    // Corrected, it goes through and the visitor gets a reference.
    await visitor.getByLabel('联系电话').fill('13912345678');
    await visitor.getByRole('button', { name: '提交投资意向' }).click();
    await visitor.getByText('我们会尽快与您联系').waitFor();
    const reference = (await visitor.getByTestId('inquiry-reference').innerText()).trim();
    expect(reference).toMatch(/^YX-\d{8}-\d{4}$/);

    // An officer of 辽源 finds it in 投资意向 and accepts it as a project.
    const officer = await suite.newPage();
    await officer.goto(suite.server.baseUrl + '/login');
    await officer.getByRole('link', { name: '投资者门户' }).waitFor();
    await signIn(officer, 'liaoyuan.officer', DEMO_PASSWORD);
    await officer.getByRole('menu').getByText('投资意向').click();
    await officer.waitForURL('**/inquiries');
    await officer.getByPlaceholder('编号、企业、联系人或电话').fill(reference);
    await officer.getByPlaceholder('编号、企业、联系人或电话').press('Enter');
    const row = officer.locator('.ant-table-row').filter({ hasText: reference });
    await row.filter({ hasText: company }).filter({ hasText: '新提交' }).waitFor();
    await expect(row.innerText()).resolves.toContain(parcel.code);
    await row.click();
    const drawer = officer.locator('.ant-drawer');
    await drawer.getByTestId('inquiry-message').getByText(message).waitFor();
    await drawer.getByRole('button', { name: '受理并立项' }).click();

    const dialog = officer.getByRole('dialog').filter({ hasText: `受理投资意向 ${reference}` });
    await expect.poll(() => dialog.getByLabel('项目名称').inputValue(), { timeout: 45_000 }).toBe(`${company}投资项目`);
    expect(Number(await dialog.getByLabel('总投资').inputValue())).toBe(5000);
    await dialog.getByRole('button', { name: '受理并立项' }).click();

    await officer.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const heading = officer.getByRole('heading', { name: `${company}投资项目` });
    await heading.waitFor();
    await expect(heading.innerText()).resolves.toContain('洽谈');
  });

  test('a visitor reads the published quarterly ranking of 辽源, the same as the server publishes', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/portal');
    await page.getByRole('tab', { name: '招商实绩' }).click();
    const panel = page.getByRole('tabpanel', { name: '招商实绩' });
    await panel.locator('.ant-table-row').first().waitFor();

    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/public/rankings?') && r.url().includes('region=220400') && r.ok(),
    );
    await panel.getByLabel('地区').click();
    await chooseOption(page, /^辽源市$/);
    const ranking = (await (await answered).json()) as {
      period: { key: string };
      rows: { region: { name: string }; rank: number | null }[];
    };
    expect(ranking.rows.length).toBeGreaterThan(1);
    await panel.getByText(/发布于 \d{4}-\d{2}-\d{2}/).waitFor();
    expect(ranking.rows.map((r) => r.rank)).toContain(1);
    const top = ranking.rows.find((r) => r.rank === 1)!;
    const firstRow = panel.locator('.ant-table-row').first();
    await firstRow.filter({ hasText: top.region.name }).waitFor();
    await expect(panel.locator('.ant-table-row').count()).resolves.toBe(ranking.rows.length);
    for (const row of ranking.rows)
      await panel.locator('.ant-table-row').filter({ hasText: row.region.name }).waitFor();
  });
});
