import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeCreditCode } from '../src/domain/credit-code';
import { ApiClient } from '../src/server/test/harness';
import { DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();
const TARGET = '恒力化纤集团有限公司';

beforeAll(async () => {
  // The enterprise library holds a yarn maker the officer has not met yet.
  const api = new ApiClient(suite.server.baseUrl);
  expect((await api.login('liaoyuan.officer', DEMO_PASSWORD)).status).toBe(200);
  const created = await api.post('/api/enterprises', {
    name: TARGET,
    creditCode: makeCreditCode(880_001),
    industryDivision: '28',
    registeredCapitalWan: '500000',
    tags: ['china_top_500', 'listed'],
  });
  expect(created.status).toBe(201);
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('industry chains', () => {
  test('a Liaoyuan officer opens a chain, sees its map and converts a target into a project', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/chains');
    await page.waitForURL('**/login');
    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/chains');

    // The eight chains of liaoyuan §四; open the socks and textiles chain.
    await page.getByRole('link', { name: '未来经济产业链' }).waitFor();
    await page.getByRole('link', { name: '袜业纺织产业链' }).click();
    await page.waitForURL(/\/chains\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '袜业纺织产业链' }).waitFor();
    await page.getByText('产业链招商图谱').waitFor();
    // The demo world already has projects on the chain; the conversion adds one.
    const projectsTab = page.getByRole('tab', { name: /^链上项目（\d+）$/ });
    const before = Number(/（(\d+)）/.exec(await projectsTab.innerText())![1]);

    // The map is drawn on a canvas of real size.
    const canvas = page.getByTestId('chain-graph').locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(300);
    await page.screenshot({ path: '/tmp/chain-graph.png', fullPage: true });

    // The upstream gap: its owners' chain needs high-end yarn (必须招).
    const row = page.getByRole('row').filter({ hasText: '高端纱线研发制造' });
    await expect(row.innerText()).resolves.toMatch(/上游[\s\S]*断链\/缺失[\s\S]*必须招/);
    await row.getByRole('button', { name: '目标企业' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('环节：高端纱线研发制造').waitFor();

    // Recommended, with the parts of its score; put it on the target list.
    const recommended = drawer.getByRole('row').filter({ hasText: TARGET }).filter({ hasText: '加入目标清单' });
    await recommended.getByText('三个500强 +20').waitFor();
    await recommended.getByRole('button', { name: '加入目标清单' }).click();

    const target = drawer.getByRole('row').filter({ hasText: TARGET }).filter({ hasText: '转为项目' });
    await target.getByRole('button', { name: '转为项目' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: `将“${TARGET}”转为项目` });
    await modal.getByLabel('项目名称').fill('高端差别化纱线项目');
    await modal.getByLabel('总投资').fill('50000');
    await modal.getByRole('button', { name: '转为项目' }).click();

    const done = page.locator('.ant-message').getByText(/已创建项目 ZS-/);
    await done.waitFor();
    const code = (await done.innerText()).match(/ZS-[\w-]+/)![0];
    await page.screenshot({ path: '/tmp/chain-converted.png' });
    await drawer.getByRole('row').filter({ hasText: TARGET }).getByRole('link', { name: code }).waitFor();

    // The project is on the chain and opens in 洽谈.
    await drawer.locator('.ant-drawer-close').click();
    // Newest first, so the new project heads the list.
    await page.getByRole('tab', { name: `链上项目（${before + 1}）` }).click();
    await page.getByRole('link', { name: code }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByText('高端差别化纱线项目').first().waitFor();
    await page.getByText('洽谈').first().waitFor();
    await page.screenshot({ path: '/tmp/chain-project.png' });
    // …and in the negotiating library (洽谈库) with the other projects.
    await page.goto(suite.server.baseUrl + '/projects/negotiating');
    await page.getByRole('row').filter({ hasText: '高端差别化纱线项目' }).filter({ hasText: code }).waitFor();
    await page.context().close();
  });
});
