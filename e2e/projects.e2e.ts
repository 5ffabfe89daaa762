import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { computeCheckChar } from '../src/domain/credit-code';
import { chooseOption, DEMO_PASSWORD, e2eSuite } from './server';

const suite = e2eSuite();

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Picks an option of the antd Select / TreeSelect whose popup is open. */
/** A few days ago as YYYY-MM-DD: gate dates record facts and cannot be in the future. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('project pipeline', () => {
  test('an officer registers an investor, creates a project, signs it and reports on it', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/enterprises');
    await page.waitForURL('**/login');
    await signIn(page, 'liaoyuan.officer', DEMO_PASSWORD);
    await page.waitForURL('**/enterprises');
    await page.getByRole('heading', { name: '企业库' }).waitFor();

    // The investor: a wrong check character is named by position under the field.
    const first17 = '91220400MA17E2E0X';
    const creditCode = first17 + computeCheckChar(first17);
    const wrong = first17 + (creditCode.endsWith('1') ? '2' : '1');
    const investor = '辽源浩瀚新材料科技有限公司';
    await page.getByRole('button', { name: /新增企业/ }).click();
    const enterpriseDialog = page.getByRole('dialog');
    await enterpriseDialog.getByLabel('企业名称').fill(investor);
    await enterpriseDialog.getByLabel('统一社会信用代码').fill(wrong);
    await enterpriseDialog.getByRole('button', { name: /保\s*存/ }).click();
    await enterpriseDialog
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /统一社会信用代码有误.*第18位/ })
      .waitFor();
    await enterpriseDialog.getByLabel('统一社会信用代码').fill(creditCode);
    await enterpriseDialog.getByLabel('标签').click();
    await chooseOption(page, '专精特新');
    await enterpriseDialog.locator('.ant-modal-title').click();
    await enterpriseDialog.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await enterpriseDialog.getByRole('button', { name: /保\s*存/ }).click();
    await enterpriseDialog.waitFor({ state: 'hidden' });
    const enterpriseRow = page.getByRole('row').filter({ hasText: investor });
    await enterpriseRow.waitFor();
    await expect(enterpriseRow.innerText()).resolves.toMatch(/专精特新/);

    // A new project in the 洽谈库, through the modal.
    const menu = page.getByRole('menu');
    await menu.getByText('项目库', { exact: true }).click();
    await menu.getByText('洽谈库', { exact: true }).click();
    await page.waitForURL('**/projects/negotiating');
    await page.getByRole('button', { name: /新建项目/ }).click();
    const projectDialog = page.getByRole('dialog');
    const projectName = '浩瀚新材料年产5万吨锂电池负极材料项目';
    await projectDialog.getByLabel('项目名称').fill(projectName);
    await projectDialog.getByLabel('投资企业').click();
    await page.keyboard.type('浩瀚');
    await chooseOption(page, investor);
    // A multiple select keeps its list open over the fields below: close it as a user would.
    await projectDialog.locator('.ant-modal-title').click();
    await projectDialog.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await projectDialog.getByLabel('来源渠道').click();
    await chooseOption(page, '以商招商');
    await projectDialog.getByLabel('总投资（万元）').fill('52000');
    await projectDialog.getByLabel('新增就业（人）').fill('300');
    await projectDialog.getByRole('button', { name: /保\s*存/ }).click();
    await projectDialog.waitFor({ state: 'hidden' });
    const projectRow = page.getByRole('row').filter({ hasText: projectName });
    await projectRow.waitFor();
    await expect(projectRow.innerText()).resolves.toMatch(/洽谈[\s\S]*52,000/);
    await projectRow.getByRole('link', { name: projectName }).click();

    // The project page: code, stage, figures.
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(projectName) }).waitFor();
    await expect(page.getByTestId('project-code').innerText()).resolves.toMatch(/^ZS-\d{4}-/);
    await page
      .getByText(/^52,000(\.00)? 万元$/)
      .first()
      .waitFor();

    // Move to 签约: an empty gate form shows the server's reasons on the fields.
    await page.getByRole('button', { name: /推进阶段/ }).click();
    const gate = page.getByRole('dialog');
    await gate.getByLabel('目标阶段').click();
    await chooseOption(page, /^签约/);
    await gate.getByRole('button', { name: /提\s*交/ }).click();
    const fieldError = (text: string) => gate.locator('.ant-form-item-explain-error').filter({ hasText: text });
    await fieldError('请填写签约日期').waitFor();
    await fieldError('请填写合同金额').waitFor();
    await fieldError('请填写签约各方').waitFor();
    await fieldError('请填写投资协议文件').waitFor();
    await page.screenshot({ path: '/tmp/projects-gate.png' });

    const signingDate = daysAgo(3);
    await gate.getByLabel('签约日期').click();
    await gate.getByLabel('签约日期').fill(signingDate);
    await page.keyboard.press('Enter');
    await gate.getByLabel('合同金额（万元）').fill('50000');
    await gate.getByLabel('签约主体').fill('辽源市人民政府');
    await page.keyboard.press('Enter');
    await gate.getByLabel('签约主体').fill(investor);
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
    const header = page.locator('.ant-card').first();
    await header.locator('.ant-tag').filter({ hasText: '签约' }).waitFor();
    await expect(header.innerText()).resolves.toContain(signingDate);
    await expect(header.innerText()).resolves.toMatch(/辽源市人民政府、辽源浩瀚新材料科技有限公司/);

    // A monthly report.
    await page.getByRole('tab', { name: '进展月报' }).click();
    await page.getByRole('button', { name: /填报月报/ }).click();
    const reportDialog = page.getByRole('dialog');
    await reportDialog.getByLabel('进展情况').fill('已签订投资协议，企业完成工商注册前期准备。');
    await reportDialog.getByLabel('实质性进展').click();
    await reportDialog.getByLabel('到位资金（万元）').fill('1200');
    await reportDialog.getByRole('button', { name: /提交月报/ }).click();
    await page.getByText('月报已提交').waitFor();
    await reportDialog.waitFor({ state: 'hidden' });
    const reportRow = page.getByRole('row').filter({ hasText: '已签订投资协议' });
    await reportRow.waitFor();
    await expect(reportRow.innerText()).resolves.toMatch(/v1[\s\S]*现行[\s\S]*1,200(\.00)? 万元/);

    // The timeline shows the stage change and the report.
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByText('阶段：洽谈 → 签约').waitFor();
    await page.screenshot({ path: '/tmp/projects-page.png' });

    // The 签约库 now holds it.
    await menu.getByText('签约库', { exact: true }).click();
    await page.waitForURL('**/projects/signed');
    await page.getByRole('heading', { name: '签约库' }).waitFor();
    const signedRow = page.getByRole('row').filter({ hasText: projectName });
    await signedRow.waitFor();
    await expect(signedRow.innerText()).resolves.toContain(signingDate);

    // In English, the project page speaks English.
    await signedRow.getByRole('link', { name: projectName }).click();
    await page.getByRole('heading', { name: new RegExp(projectName) }).waitFor();
    await page.locator('header').getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: /Move stage/ }).waitFor();
    await page.getByRole('tab', { name: 'Monthly reports' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Details' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.ant-descriptions').getByText('Total investment (×10k yuan)').isVisible()).resolves.toBe(
      true,
    );
    await page.locator('.ant-steps').getByText('Construction started').waitFor();
    await page.locator('.ant-card').first().locator('.ant-tag').filter({ hasText: 'Signed' }).waitFor();
    await page.screenshot({ path: '/tmp/projects-en.png' });
    await page.context().close();
  });
  test('a leader sees the kanban and policies, and a stale save keeps the input', async () => {
    const page = await suite.newPage();
    await page.goto(suite.server.baseUrl + '/login');
    await signIn(page, 'liaoyuan.leader', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
    const me = (await (await page.request.get(suite.server.baseUrl + '/api/auth/me')).json()) as { csrfToken: string };
    const created = await page.request.post(suite.server.baseUrl + '/api/projects', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        name: '辽源智能装备产业园项目',
        totalInvestmentWan: '8000',
        sourceChannel: '政府谋划',
        hostRegionCode: '220400',
      },
    });
    expect(created.status()).toBe(201);
    const project = (await created.json()) as { id: string };

    await page.goto(suite.server.baseUrl + '/projects/kanban');
    await page.getByRole('heading', { name: '项目看板' }).waitFor();
    await page.getByRole('link', { name: /辽源智能装备产业园项目/ }).waitFor();

    // Two tabs on one project: the second save is refused and its input stays.
    const other = await page.context().newPage();
    await page.goto(`${suite.server.baseUrl}/projects/${project.id}`);
    await other.goto(`${suite.server.baseUrl}/projects/${project.id}`);
    await page.getByLabel('包保领导').fill('王副市长');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await other.getByLabel('包保领导').fill('李副市长');
    await other.getByRole('button', { name: /保\s*存/ }).click();
    await other.getByText('数据已被他人修改，请刷新').waitFor();
    await expect(other.getByLabel('包保领导').inputValue()).resolves.toBe('李副市长');
    await other.close();

    // The audit tab lists the change.
    await page.getByRole('tab', { name: '审计' }).click();
    await page.getByRole('cell', { name: /responsibleLeader.*王副市长/ }).waitFor();

    await page.goto(suite.server.baseUrl + '/policies');
    await page.getByRole('heading', { name: '政策参数' }).waitFor();
    const dueDay = page.getByRole('row').filter({ hasText: '月报截止日' });
    await dueDay.waitFor();
    await expect(dueDay.innerText()).resolves.toMatch(/每月 \d+ 日前/);
    await page.getByRole('row').filter({ hasText: '停滞认定月数' }).waitFor();

    await page.goto(suite.server.baseUrl + '/projects/stalled');
    await page.getByRole('heading', { name: '停滞项目' }).waitFor();
    await page.goto(suite.server.baseUrl + '/projects/overdue');
    await page.getByRole('heading', { name: '逾期未报' }).waitFor();
    await page.getByText(/本月截止日：\d{4}-\d{2}-\d{2}/).waitFor();
    await page.context().close();
  });
});
