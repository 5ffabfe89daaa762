import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { rows } from '../src/server/db/client';
import { chooseOption, DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('factor supply', () => {
  test("an officer enters a project's demand, sees ranked parcels with reasons and reserves the first", async () => {
    // A demo project of 辽源 the officer sees, still active and not stalled.
    const [project] = await rows<{ id: string; name: string; code: string }>(
      suite.server.database.db,
      sql`select id, name, code from projects
          where host_region_code in (select code from regions where path like '/000000/220000/220400/%')
            and first_region_code in (select code from regions where path like '/000000/220000/220400/%')
            and stage in ('negotiating', 'intent', 'signed') and stalled_since is null and confidentiality = 'normal'
          order by code limit 1`,
    );
    expect(project).toBeDefined();

    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/factors');
    await page.waitForURL('**/login');
    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/factors');
    await page.getByRole('heading', { name: '要素资源' }).waitFor();
    // The library lists the demo parcels of 辽源.
    await page.locator('.ant-table-row').first().waitFor();

    // The saved demand arrives late, as on a loaded server: what the officer types must not be overwritten by it.
    await page.route('**/api/factors/demands/*', async (route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const demandLoaded = page.waitForResponse(
      (r) => r.url().includes('/api/factors/demands/') && r.request().method() === 'GET',
    );
    await page.getByRole('tab', { name: '要素匹配' }).click();
    await page.locator('.ant-select', { has: page.getByText('选择项目（名称、编号或拼音）') }).click();
    await page.keyboard.type(project!.name.slice(0, 6));
    await chooseOption(page, project!.code);
    await page.getByText('项目要素需求').waitFor();

    // The demand: 80 亩 of industrial land, ready to build.
    await page.getByLabel('用地（亩）').fill('80');
    await page.getByLabel('用途').click();
    await chooseOption(page, /^工业$/);
    await demandLoaded;
    await page.getByRole('button', { name: '保存需求并匹配' }).click();

    // Ranked candidates, each with its score and the reasons for it. The ranking on the project's
    // earlier figures (97 亩, no use) shows until the saved demand has been matched.
    const firstReasons = page.getByTestId('match-reasons').first();
    await page.getByTestId('match-reasons').filter({ hasText: '需求 80 亩' }).first().waitFor();
    await expect(firstReasons.innerText()).resolves.toMatch(/符合 \d+\/40 · 面积 [\d.]+ 亩/);
    await expect(firstReasons.innerText()).resolves.toMatch(/用途一致：工业/);
    const firstRow = page
      .locator('.ant-table-row')
      .filter({ has: page.getByTestId('match-reasons') })
      .first();
    const rowText = await firstRow.innerText();
    const code = /([A-Z0-9]+-[A-Z0-9-]+) · /.exec(rowText)?.[1];
    expect(code, rowText).toBeDefined();
    const scores = await page.getByTestId('match-score').allInnerTexts();
    const numbers = scores.map((s) => Number(/\d+/.exec(s)?.[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // Reserve the first one until a date a month ahead.
    await firstRow.getByRole('button', { name: /预\s*留/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(code!).waitFor();
    await dialog.getByRole('button', { name: /预\s*留/ }).click();
    await page
      .locator('.ant-message')
      .getByText(new RegExp(`已预留 ${code}`))
      .waitFor();

    // It is held for the project, and no longer offered.
    const holds = page.locator('.ant-card').filter({ hasText: '本项目的预留' });
    await holds.locator('.ant-table-row').filter({ hasText: code! }).filter({ hasText: '预留中' }).waitFor();
    await page.getByTestId('match-reasons').first().waitFor();
    await expect(
      page
        .locator('.ant-table-row')
        .filter({ hasText: `${code} · ` })
        .count(),
    ).resolves.toBe(0);

    // The library shows the parcel reserved.
    await page.getByRole('tab', { name: '地块' }).click();
    await page.getByPlaceholder('名称或编号').fill(code!);
    await page.getByPlaceholder('名称或编号').press('Enter');
    await page.locator('.ant-table-row').filter({ hasText: code! }).filter({ hasText: '已预留' }).waitFor();
  });

  test('an officer sees the parcels of 辽源 on the map of its cities, and the filters narrow the map', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/factors');
    await page.waitForURL('**/login');
    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/factors');
    await page.locator('.ant-table-row').first().waitFor();

    await page
      .locator('.ant-segmented-item', { hasText: /^地图$/ })
      .first()
      .click();
    const map = page.getByTestId('factor-map');
    await map.locator('canvas').waitFor();
    const count = (query: string) =>
      page.evaluate(
        (q) =>
          fetch(`/api/factors/map?kind=parcel${q}`)
            .then((r) => r.json() as Promise<{ points: unknown[] }>)
            .then((r) => r.points.length),
        query,
      );
    const all = await count('');
    expect(all).toBeGreaterThan(0);
    await expect.poll(() => map.getAttribute('aria-label')).toBe(`地块: ${all}; 楼宇厂房: 0`);

    // Point at a parcel: its tooltip names it and the city it lies in.
    const box = (await map.boundingBox())!;
    const tooltip = () =>
      map.evaluate((el) =>
        [...el.children]
          .filter((c) => !c.querySelector('canvas') && getComputedStyle(c).display !== 'none')
          .map((c) => c.textContent ?? '')
          .join(''),
      );
    // The map is zoomed to the points: look outwards from its centre.
    const spots: { x: number; y: number }[] = [];
    for (let y = box.y + 40; y < box.y + box.height; y += 8) {
      for (let x = box.x + 8; x < box.x + box.width; x += 8) spots.push({ x, y });
    }
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    spots.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
    let named = '';
    for (const { x, y } of spots) {
      await page.mouse.move(x, y);
      named = await tooltip();
      if (named.includes('亩')) break;
    }
    expect(named).toMatch(/辽源|东丰|东辽|龙山|西安/);

    // A filter of the list narrows the map the same way.
    await page.getByPlaceholder('最小面积（亩）').fill('100');
    const large = await count('&minMu=100');
    expect(large).toBeLessThan(all);
    await expect.poll(() => map.getAttribute('aria-label')).toBe(`地块: ${large}; 楼宇厂房: 0`);
  });
});
