import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chooseOption, DEMO_PASSWORD, e2eSuite } from './server';

// Exclusivity and pre-signing filing are Jiaxing rules of 2024-04-01…2025-12-31, which today's date
// is past; these tests use what holds today: Liaoyuan's escalation (≥5亿元, liaoyuan §三.三) and transfers.

const suite = e2eSuite();

async function signIn(page: Page, username: string) {
  await page.goto(suite.server.baseUrl + '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/dashboard');
}

/** Registers a project through the API as the page's signed-in user (the project form has its own test). */
async function createProject(page: Page, body: { name: string; totalInvestmentWan: string; hostRegionCode: string }) {
  const me = (await (await page.request.get(suite.server.baseUrl + '/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.post(suite.server.baseUrl + '/api/projects', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { ...body, sourceChannel: '以商招商' },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; code: string };
}

/** Picks an option of the antd Select / TreeSelect whose popup is open. */
/** A few days ago as YYYY-MM-DD in China: gate dates record facts and cannot be in the future. */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

describe('coordination', () => {
  test('a Liaoyuan signing of ≥5亿元 is escalated, flagged for 三个一, and the flag clears once they are filled', async () => {
    const page = await suite.newPage();
    await signIn(page, 'liaoyuan.officer');
    const name = '辽源新能源汽车零部件产业园项目';
    const project = await createProject(page, { name, totalInvestmentWan: '65000', hostRegionCode: '220400' });

    await page.goto(`${suite.server.baseUrl}/projects/${project.id}`);
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
    // Before signing: the first report, and no escalation.
    await page.getByRole('tab', { name: '区域协调' }).click();
    const first = page.getByTestId('coordination-first-report');
    await first.getByText('辽源市投资促进中心').waitFor();
    await expect(first.innerText()).resolves.toMatch(/首报地[\s\S]*辽源市/);
    await expect(page.getByTestId('coordination-escalation').count()).resolves.toBe(0);

    // Move to 签约 through the gate form with a contract of 6亿元.
    await page.getByRole('button', { name: /推进阶段/ }).click();
    const gate = page.getByRole('dialog');
    await gate.getByLabel('目标阶段').click();
    await chooseOption(page, /^签约/);
    await gate.getByLabel('签约日期').click();
    await gate.getByLabel('签约日期').fill(daysAgo(2));
    await page.keyboard.press('Enter');
    await gate.getByLabel('合同金额（万元）').fill('60000');
    await gate.getByLabel('签约主体').fill('辽源市人民政府');
    await page.keyboard.press('Enter');
    await gate.getByLabel('签约主体').fill('辽源新能源汽车零部件有限公司');
    await page.keyboard.press('Enter');
    await gate.locator('input[type=file]').setInputFiles({
      name: '投资协议.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% e2e agreement\n'),
    });
    await gate.getByRole('link', { name: /投资协议\.pdf/ }).waitFor();
    await gate.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('项目已进入“签约”阶段').waitFor();
    await gate.waitFor({ state: 'hidden' });

    // The coordination tab now shows the escalation, flagged for all three of 三个一.
    const escalation = page.getByTestId('coordination-escalation');
    await escalation.waitFor();
    await escalation.getByText('须落实“三个一”，缺：包抓领导、服务团队、行动方案').waitFor();
    await expect(escalation.innerText()).resolves.toMatch(/签约额 60,000 万元[\s\S]*≥ 50,000 万元（liaoyuan §三\.三）/);
    await page.screenshot({ path: '/tmp/coordination-escalated.png', fullPage: true });

    // The coordination page lists it among escalations missing 三个一.
    await page.goto(suite.server.baseUrl + '/coordination');
    await page.getByRole('tab', { name: '提级项目' }).click();
    await page.getByText('“三个一”未落实', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/缺：包抓领导、服务团队、行动方案/);

    // Part of 三个一 keeps the flag; all three clear it.
    await page.goto(`${suite.server.baseUrl}/projects/${project.id}`);
    await page.getByRole('tab', { name: '区域协调' }).click();
    await escalation.getByLabel('包抓领导').fill('辽源市 王副市长');
    await escalation.getByRole('button', { name: /保存“三个一”/ }).click();
    await escalation.getByText('须落实“三个一”，缺：服务团队、行动方案').waitFor();
    await escalation.getByLabel('服务团队').fill('市投促中心、市工信局、东丰县政府组成的服务专班');
    await escalation.getByLabel('行动方案').fill('11月完成项目备案，12月开工，次年三季度投产。');
    await escalation.getByRole('button', { name: /保存“三个一”/ }).click();
    await escalation.getByText('已落实', { exact: true }).waitFor();
    await expect(escalation.getByText(/须落实/).count()).resolves.toBe(0);
    // A reload shows what the server kept.
    await page.reload();
    await page.getByRole('tab', { name: '区域协调' }).click();
    await expect(escalation.getByLabel('包抓领导').inputValue()).resolves.toBe('辽源市 王副市长');
    await page.screenshot({ path: '/tmp/coordination-three-ones.png', fullPage: true });

    // …and the project is off the missing list.
    await page.goto(suite.server.baseUrl + '/coordination');
    await page.getByRole('tab', { name: '提级项目' }).click();
    const missingList = page.waitForResponse((r) => r.url().includes('/api/coordination/escalations?missing=true'));
    await page.getByText('“三个一”未落实', { exact: true }).click();
    await missingList;
    await page.locator('.ant-table-placeholder').waitFor();
    await expect(page.getByRole('row').filter({ hasText: name }).count()).resolves.toBe(0);
    await page.context().close();
  });

  test('a city officer offers a project to a county; the county accepts it on the coordination page and hosts it', async () => {
    const page = await suite.newPage();
    await signIn(page, 'liaoyuan.officer');
    const name = '辽源梅花鹿精深加工项目';
    const project = await createProject(page, { name, totalInvestmentWan: '12000', hostRegionCode: '220400' });

    await page.goto(`${suite.server.baseUrl}/projects/${project.id}`);
    await page.getByRole('tab', { name: '区域协调' }).click();
    await page.getByRole('button', { name: '流转至其他地区' }).click();
    const dialog = page.getByRole('dialog');
    // Both fields are required before anything is sent.
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请选择承接地区' }).waitFor();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请填写理由' }).waitFor();
    await dialog.getByLabel('承接地区').click();
    await page.keyboard.type('东丰');
    await chooseOption(page, '东丰县');
    // The tree's popup overlaps the buttons until it has closed.
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await dialog.getByLabel('理由').fill('东丰县梅花鹿养殖基地集中，原料就近供应');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/辽源市投资促进中心已将本项目由辽源市流转至东丰县，待答复/).waitFor();
    const offered = page.getByRole('row').filter({ hasText: '东丰县梅花鹿养殖基地集中' });
    await expect(offered.innerText()).resolves.toMatch(/流转[\s\S]*辽源市[\s\S]*东丰县[\s\S]*待答复/);
    // One offer at a time: the button is gone while it waits.
    await expect(page.getByRole('button', { name: '流转至其他地区' }).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/coordination-offered.png', fullPage: true });

    // Dongfeng's officer cannot open the project yet, but sees the offer on the coordination page.
    const county = await suite.newPage();
    await signIn(county, 'dongfeng.officer');
    await county.goto(suite.server.baseUrl + '/coordination');
    await county.getByRole('heading', { name: '区域协调' }).waitFor();
    // An officer arbitrates nothing: no conflicts tab.
    await expect(county.getByRole('tab', { name: '首报冲突' }).count()).resolves.toBe(0);
    await county.getByRole('tab', { name: '项目流转' }).click();
    const incoming = county.getByRole('row').filter({ hasText: name });
    await incoming.waitFor();
    await expect(incoming.innerText()).resolves.toMatch(/12,000[\s\S]*辽源市[\s\S]*东丰县[\s\S]*待答复/);
    await county.screenshot({ path: '/tmp/coordination-incoming.png', fullPage: true });
    await incoming.getByRole('button', { name: /接\s*收/ }).click();
    const answer = county.getByRole('dialog');
    await answer.getByLabel('理由').fill('县里已落实用地');
    await answer.getByRole('button', { name: /确\s*定/ }).click();
    await answer.waitFor({ state: 'hidden' });
    await incoming.getByText('已接收').waitFor();

    // The project is now Dongfeng's: hosted there, run by the county government.
    await incoming.getByRole('link', { name: new RegExp(name) }).click();
    await county.getByRole('heading', { name: new RegExp(name) }).waitFor();
    const header = county.locator('.ant-descriptions').first();
    await expect(header.innerText()).resolves.toMatch(/落地地区[\s\S]*东丰县/);
    await expect(header.innerText()).resolves.toMatch(/责任单位[\s\S]*东丰县人民政府/);
    await county.getByRole('tab', { name: '区域协调' }).click();
    const history = county.getByRole('row').filter({ hasText: '东丰县梅花鹿养殖基地集中' });
    await expect(history.innerText()).resolves.toMatch(/已接收[\s\S]*东丰县人民政府[\s\S]*县里已落实用地/);
    await county.screenshot({ path: '/tmp/coordination-accepted.png', fullPage: true });

    // In English the tab speaks English.
    await county.locator('header').getByText('English', { exact: true }).click();
    await county.getByRole('tab', { name: 'Coordination' }).waitFor();
    await county.getByText('First report', { exact: true }).waitFor();
    await county.getByRole('row').filter({ hasText: 'Accepted' }).waitFor();
    await county.screenshot({ path: '/tmp/coordination-en.png', fullPage: true });
    await county.context().close();

    // The offering officer sees the answer among outgoing transfers.
    await page.goto(suite.server.baseUrl + '/coordination');
    await page.getByRole('tab', { name: '项目流转' }).click();
    await page.getByText('本地流出', { exact: true }).click();
    const outgoing = page.getByRole('row').filter({ hasText: name });
    await expect(outgoing.innerText()).resolves.toMatch(/已接收[\s\S]*县里已落实用地/);
    await page.context().close();
  });
});
