import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chinaDate } from '../src/domain/reporting';
import { rows } from '../src/server/db/client';
import { DEMO_PASSWORD, type E2eServer, launchBrowser, startE2eServer } from './server';

let server: E2eServer;
let browser: Browser;
let signed: { id: string; code: string; name: string };

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  // One demo project in 嘉兴 signed today, so this year's "signed projects" KPI surely counts it.
  const today = chinaDate(new Date());
  const [row] = await rows<{ id: string; code: string; name: string }>(
    server.database.db,
    sql`update projects set stage = 'signed', signing_date = ${today},
          contract_amount_wan = total_investment_wan, stage_entered_on = ${today}
        where id = (select id from projects where host_region_code in
          (select code from regions where path like '%/330400/%') and confidentiality = 'normal'
          and stage in ('negotiating', 'intent') order by code limit 1)
        returning id, code, name`,
  );
  signed = row!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(45_000); // a loaded 2-core CI machine can take seconds per request
  return page;
}

describe('leader dashboard', () => {
  test('a leader opens the dashboard, clicks a KPI and lands on a project behind it', async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + '/dashboard');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('jiaxing.leader');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: '嘉兴市领导驾驶舱' }).waitFor();

    // The KPI card against its target, and its number is a link.
    const card = page.getByTestId('kpi-signedProjects');
    await card.getByText('签约项目数').waitFor();
    const shown = Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
    expect(shown).toBeGreaterThanOrEqual(1);
    await page.getByTestId('kpi-link-signedProjects').click();

    // The drill list holds exactly the projects counted, the one signed today among them.
    await page.waitForURL('**/dashboard/drill?**');
    await page.getByText(`共${shown}个项目`).waitFor();
    const link = page.getByRole('link', { name: signed.code });
    await link.click();

    await page.waitForURL(`**/projects/${signed.id}`);
    await page.getByText(signed.name).first().waitFor();
    expect(page.url()).toContain(signed.id);
  });
});
