import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chinaDate } from '../src/domain/reporting';
import { rows } from '../src/server/db/client';
import type { Dashboard } from '../src/web/pages/dashboard/types';
import { formatWan } from '../src/web/pages/projects/labels';
import { DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();
let signed: { id: string; code: string; name: string };

beforeAll(async () => {
  // One demo project in 嘉兴 signed today, so this year's "signed projects" KPI surely counts it.
  const today = chinaDate(new Date());
  const [row] = await rows<{ id: string; code: string; name: string }>(
    suite.server.database.db,
    sql`update projects set stage = 'signed', signing_date = ${today},
          contract_amount_wan = total_investment_wan, stage_entered_on = ${today}
        where id = (select id from projects where host_region_code in
          (select code from regions where path like '%/330400/%') and confidentiality = 'normal'
          and stage in ('negotiating', 'intent') order by code limit 1)
        returning id, code, name`,
  );
  signed = row!;
});

/** The text of the map's tooltip, when one shows. */
function tooltipOf(map: Locator): Promise<string> {
  return map.evaluate((el) =>
    [...el.children]
      .filter((c) => !c.querySelector('canvas') && getComputedStyle(c).display !== 'none')
      .map((c) => c.textContent ?? '')
      .join(''),
  );
}

/** Moves the mouse over the map, as a person would, until the tooltip starts with `name`; where it did. */
async function findOnMap(page: Page, map: Locator, name: string): Promise<{ x: number; y: number }> {
  const box = (await map.boundingBox())!;
  for (let y = box.y + 8; y < box.y + box.height; y += 12) {
    for (let x = box.x + 8; x < box.x + box.width; x += 12) {
      await page.mouse.move(x, y);
      if ((await tooltipOf(map)).startsWith(name)) return { x, y };
    }
  }
  throw new Error(`no point of the map shows ${name}`);
}

describe('leader dashboard', () => {
  test('a leader opens the dashboard, clicks a KPI and lands on a project behind it', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/dashboard');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('jiaxing.leader');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: '嘉兴市领导驾驶舱' }).waitFor();
    // A city's districts have no boundaries shipped: each is a circle at its seat over the city.
    const map = page.getByTestId('region-map');
    await map.locator('canvas').waitFor();
    const dashboard = await page.evaluate(
      (y) => fetch(`/api/dashboard?year=${y}`).then((r) => r.json() as Promise<Dashboard>),
      new Date().getFullYear(),
    );
    expect(dashboard.region.code).toBe('330400');
    expect(dashboard.byRegion.every((r) => r.seat)).toBe(true);
    expect(await page.getByTestId('region-map-unseated').count()).toBe(0);
    // The biggest circle is the district with the most signed investment: point at it, then click it.
    const top = [...dashboard.byRegion].sort(
      (a, b) => Number(b.signedInvestmentWan) - Number(a.signedInvestmentWan),
    )[0]!;
    expect(Number(top.signedInvestmentWan)).toBeGreaterThan(0);
    const spot = await findOnMap(page, map, top.region.name);
    expect(await tooltipOf(map)).toContain(`签约项目总投资: ${formatWan(top.signedInvestmentWan)} 万元`);
    await page.mouse.click(spot.x, spot.y);
    await page.waitForURL(new RegExp(`/dashboard/drill\\?.*region=${top.region.code}`));
    await page.getByText(`共${top.signedProjects}个项目`).waitFor();
    await page.goBack();
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

  test('a province leader sees investment by city on the map and clicks a city to drill down', async () => {
    // A demo project of 辽源 signed today, so 辽源市 surely has signed investment this year.
    const today = chinaDate(new Date());
    const [liaoyuanSigned] = await rows<{ id: string; code: string }>(
      suite.server.database.db,
      sql`update projects set stage = 'signed', signing_date = ${today},
            contract_amount_wan = total_investment_wan, stage_entered_on = ${today}
          where id = (select id from projects where host_region_code in
            (select code from regions where path like '%/220400/%') and confidentiality = 'normal'
            and stage in ('negotiating', 'intent') order by code limit 1)
          returning id, code`,
    );
    expect(liaoyuanSigned).toBeDefined();

    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/dashboard');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('jilin.leader');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: '吉林省领导驾驶舱' }).waitFor();

    // The cities of 吉林省 on the map, each with the signed investment the API gives it.
    const map = page.getByTestId('region-map');
    await map.locator('canvas').waitFor();
    const year = new Date().getFullYear();
    const dashboard = await page.evaluate(
      (y) => fetch(`/api/dashboard?region=220000&year=${y}`).then((r) => r.json() as Promise<Dashboard>),
      year,
    );
    const liaoyuan = dashboard.byRegion.find((r) => r.region.code === '220400')!;
    expect(Number(liaoyuan.signedInvestmentWan)).toBeGreaterThan(0);
    const drawn = await map.getAttribute('aria-label');
    for (const r of dashboard.byRegion) {
      expect(drawn).toContain(`${r.region.name} ${formatWan(r.signedInvestmentWan)} 万元`);
    }

    // Point at the map until the tooltip names 辽源市, as a person would, then click there.
    const spot = await findOnMap(page, map, '辽源市');
    expect(await tooltipOf(map)).toContain(`签约项目总投资: ${formatWan(liaoyuan.signedInvestmentWan)} 万元`);
    await page.mouse.click(spot.x, spot.y);

    // The same drill list as the bar had: the projects signed in 辽源市 this year.
    await page.waitForURL(/\/dashboard\/drill\?.*region=220400/);
    expect(new URL(page.url()).searchParams.get('metric')).toBe('signed_investment');
    await page.getByText(`共${liaoyuan.signedProjects}个项目`).waitFor();
    await page.getByRole('link', { name: liaoyuanSigned!.code }).waitFor();
  });

  test('a city leader sees the demo projects on 辽源’s chains and drills from a chain to its projects', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/login');
    await page.getByLabel('用户名').fill('liaoyuan.leader');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '辽源市领导驾驶舱' }).waitFor();
    const dashboard = await page.evaluate(() => fetch('/api/dashboard').then((r) => r.json() as Promise<Dashboard>));
    // The seeded chains carry demo projects (the chain-link step of the demo world).
    expect(dashboard.byChain.length).toBeGreaterThan(3);
    const top = dashboard.byChain[0]!;
    const panel = page.locator('.ant-card').filter({ hasText: '分产业链项目' });
    const row = panel.getByRole('row').filter({ hasText: top.name });
    await row.getByRole('link', { name: String(top.count), exact: true }).click();
    await page.waitForURL(/\/dashboard\/drill\?.*metric=chain/);
    await page.getByText(`共${top.count}个项目`).waitFor();
    await page.context().close();
  });
});
