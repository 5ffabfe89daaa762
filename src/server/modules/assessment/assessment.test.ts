/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are JSON; each test asserts the shape it needs */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';
import { enterprise, project, sign, transition } from './test-world';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let leader: Client; // 嘉兴市
let officer: Client; // 嘉兴市
let verifier: Client; // 嘉兴市
let gansuLeader: Client; // 甘肃省
const A = '330402'; // 南湖区
const B = '330411'; // 秀洲区

async function put(
  client: ApiClient,
  year: number,
  regionCode: string,
  indicator: string,
  value: string,
  version?: number,
) {
  return client.put('/api/assessment/targets', { year, regionCode, indicator, value, ...(version ? { version } : {}) });
}

async function ranking(client: ApiClient, period: string) {
  const res = await client.get(`/api/assessment/rankings?region=330400&period=${period}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const row = (r: any, code: string) => r.rows.find((x: any) => x.region.code === code);

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.signIn({ role: 'leader', regionCode: '330400' });
  officer = await t.signIn({ role: 'officer', regionCode: '330400' });
  verifier = await t.signIn({ role: 'verifier', regionCode: '330400' });
  gansuLeader = await t.signIn({ role: 'leader', regionCode: '620000' });

  // 2023: A lands one ≥10亿 project (target 1: met); B none (target 1: missed).
  const p0 = await project(officer, { hostRegionCode: A, totalInvestmentWan: '150000' });
  await sign(officer, p0.id, '2023-06-01');
  // 2024 Q1 (before the Jiaxing pack's review and filing rules start on 2024-04-01):
  const fortune = await enterprise(officer, ['fortune_global_500']);
  const p1 = await project(officer, {
    hostRegionCode: A,
    totalInvestmentWan: '600000',
    foreignInvestmentUsdWan: '20000',
    enterpriseIds: [fortune],
  });
  await sign(officer, p1.id, '2024-01-15');
  await transition(officer, p1.id, { to: 'registered', registeredDate: '2024-02-01' });
  await sign(officer, (await project(officer, { hostRegionCode: A, totalInvestmentWan: '150000' })).id, '2024-02-10');
  await sign(officer, (await project(officer, { hostRegionCode: A, totalInvestmentWan: '200000' })).id, '2024-03-05');

  for (const [year, region, indicator, value] of [
    // 2023 is judged by the platform default scheme (the Jiaxing scheme starts in 2024).
    [2023, A, 'projectsGe1Yi', '1'],
    [2023, B, 'projectsGe1Yi', '1'],
    [2024, A, 'projectsGe10Yi', '5'],
    [2024, A, 'projectsGe50Yi', '0.5'],
    [2024, A, 'fortune500Projects', '0.5'],
    [2024, A, 'foreignCapitalUsdWan', '10000'],
    [2024, A, 'projectsGt1YiUsd', '0.5'],
    [2024, B, 'projectsGe10Yi', '1'],
  ] as const) {
    const res = await put(leader, year, region, indicator, value);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(() => t.close());

describe('targets', () => {
  it('loads the seeds’ own figures for their jurisdictions, each caller seeing its scope', async () => {
    const jx = await leader.get('/api/assessment/targets?year=2024&region=330400');
    const own = jx.body.items.filter((i: any) => i.region.code === '330400');
    expect(Object.fromEntries(own.map((i: any) => [i.indicator, i.value]))).toEqual({
      foreignCapitalUsdWan: '300000',
      fortune500Projects: '25',
      projectsGt1YiUsd: '50',
      projectsGe10Yi: '80',
      projectsGe50Yi: '15',
      projectsGe100Yi: '5',
    });
    expect(own[0].origin).toBe('seed');
    expect(own[0].source).toBe('jiaxing §一(二)');
    const gs = await gansuLeader.get('/api/assessment/targets?year=2024');
    expect(gs.body.items.map((i: any) => [i.region.code, i.indicator, i.value])).toEqual([
      ['620000', 'fundsInPlaceWan', '70000000'],
    ]);
    expect((await gansuLeader.get('/api/assessment/targets?year=2024&region=330400')).status).toBe(404);
  });

  it('changes a target only with its current version, and only for leaders', async () => {
    const first = await put(leader, 2025, A, 'signedProjects', '12');
    expect(first.body).toMatchObject({ value: '12', origin: 'entered', version: 1 });
    const noVersion = await put(leader, 2025, A, 'signedProjects', '13');
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors[0].field).toBe('body.version');
    expect((await put(leader, 2025, A, 'signedProjects', '13', 1)).body).toMatchObject({ value: '13', version: 2 });
    expect((await put(leader, 2025, A, 'signedProjects', '14', 1)).status).toBe(409);
    expect((await put(officer, 2025, A, 'signedProjects', '14', 2)).status).toBe(403);
    const bad = await put(leader, 2025, A, 'noSuchIndicator', '1');
    expect(bad.status).toBe(400);
  });

  it('decomposes Gansu’s target at +20% while +15% is required (pack parameter)', async () => {
    const res = await gansuLeader.post('/api/assessment/targets/decompose', {
      year: 2025,
      parentRegionCode: '620000',
      indicator: 'fundsInPlaceWan',
      mode: 'growth',
      children: [
        { regionCode: '620100', baseValue: '1000' },
        { regionCode: '620200', baseValue: '3000' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.growth).toEqual({ required: 0.15, dispatched: 0.2, source: 'gansu §一' });
    expect(res.body.items.map((i: any) => [i.region.code, i.value, i.origin])).toEqual([
      ['620100', '1200', 'decomposed'],
      ['620200', '3600', 'decomposed'],
    ]);
    expect(res.body).toMatchObject({ parentRequired: '4600', parentDispatched: '4800', covers: true });
    // Split the seeded 2025 target (8050亿) by bases 1:3, scaled 1.20/1.15: 8400亿 → 2100亿 and 6300亿.
    const split = await gansuLeader.post('/api/assessment/targets/decompose', {
      year: 2025,
      parentRegionCode: '620000',
      indicator: 'fundsInPlaceWan',
      mode: 'split',
      children: [
        { regionCode: '620100', baseValue: '1' },
        { regionCode: '620200', baseValue: '3' },
      ],
    });
    expect(split.body.parentTarget).toBe('80500000');
    expect(split.body.items.map((i: any) => i.value)).toEqual(['21000000', '63000000']);
    const outside = await gansuLeader.post('/api/assessment/targets/decompose', {
      year: 2025,
      parentRegionCode: '620000',
      indicator: 'fundsInPlaceWan',
      mode: 'growth',
      children: [{ regionCode: '620102', baseValue: '1' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.children.0.regionCode');
  });
});

describe('rankings, snapshots and bulletins', () => {
  it('scores the quarter year-to-date and does not rate A excellent below 70% of its main target', async () => {
    const r = await ranking(leader, '2024-Q1');
    expect(r.status).toBe('open');
    expect(r.scheme.rules.source).toBe('jiaxing §三(一)');
    const a = row(r, A);
    expect(a.values).toMatchObject({
      projectsGe10Yi: '3',
      projectsGe50Yi: '1',
      fortune500Projects: '1',
      foreignCapitalUsdWan: '20000',
      projectsGt1YiUsd: '1',
    });
    expect(a.completion.projectsGe10Yi).toBe('60.00');
    // (30×60 + 20×120 + 20×120 + 15×120 + 15×120) / 100 = 102.00
    expect(a.score).toBe('102.00');
    expect(a.rank).toBe(1);
    expect(a.rating).toBe('good');
    expect(a.capped.zh).toContain('70%');
    expect(row(r, B)).toMatchObject({ score: '0.00', rank: 2, rating: 'fail' });
    expect(row(r, '330421')).toMatchObject({ score: null, rank: null });
  });

  it('freezes a closed period: later data and corrections do not change its figures silently', async () => {
    const closed = await leader.post('/api/assessment/snapshots', { regionCode: '330400', period: '2024-Q1' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.status).toBe('closed');
    expect((await leader.post('/api/assessment/snapshots', { regionCode: '330400', period: '2024-Q1' })).status).toBe(
      409,
    );
    expect((await officer.post('/api/assessment/snapshots', { regionCode: '330400', period: '2024-03' })).status).toBe(
      403,
    );

    // A late signing dated inside the closed quarter.
    await sign(officer, (await project(officer, { hostRegionCode: A, totalInvestmentWan: '100000' })).id, '2024-03-20');
    const frozen = await ranking(leader, '2024-Q1');
    expect(row(frozen, A).values.projectsGe10Yi).toBe('3');
    expect(row(await ranking(leader, '2024-H1'), A).values.projectsGe10Yi).toBe('4');

    const fix = await leader.post(`/api/assessment/snapshots/${closed.body.snapshotId}/corrections`, {
      regionCode: A,
      indicator: 'projectsGe10Yi',
      correctedValue: '4',
      reason: '补录3月20日签约项目',
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(201);
    const after = await ranking(leader, '2024-Q1');
    expect(row(after, A).values.projectsGe10Yi).toBe('3');
    expect(after.corrections).toEqual([
      expect.objectContaining({ regionCode: A, indicator: 'projectsGe10Yi', previousValue: '3', correctedValue: '4' }),
    ]);
    expect(after.closedAt).toBe(closed.body.closedAt);
  });

  it('generates the quarterly ranking as .xlsx and .docx, read back, with the correction shown as one', async () => {
    const xlsx = await leader.get('/api/assessment/bulletin?region=330400&period=2024-Q1&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.getWorksheet('排名')!;
    expect(String(sheet.getCell(1, 1).value)).toBe('嘉兴市2024年第一季度招商引资工作季度综合排名');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['排名', '地区', '签约10亿元以上项目数', '签约10亿元以上项目数完成率']);
    const lines = Array.from({ length: sheet.rowCount - 3 }, (_, i) =>
      (sheet.getRow(i + 4).values as unknown[]).slice(1),
    );
    const lineA = lines.find((l) => l[1] === '南湖区')!;
    expect(lineA.slice(0, 4)).toEqual(['1', '南湖区', '3（更正为4）', '60.00%']);
    expect(lineA).toContain('102.00');
    expect(lineA).toContain('良好');
    expect(book.getWorksheet('数据更正')!.getRow(2).values).toContain('补录3月20日签约项目');

    const docx = await leader.get('/api/assessment/bulletin?region=330400&period=2024-Q1&format=docx');
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('嘉兴市2024年第一季度招商引资工作季度综合排名');
    expect(text).toContain('南湖区（第1名，得分102.00）');
    expect(text).toContain('秀洲区（第2名，得分0.00），请加快推进');
    expect(text).toContain('南湖区签约10亿元以上项目数由3更正为4（补录3月20日签约项目）');
    expect(text).toContain('等次');

    const pub = await leader.get('/api/assessment/bulletin?region=330400&period=2024-Q1&format=docx&audience=public');
    const pubText = (await (await JSZip.loadAsync(pub.body)).file('word/document.xml')!.async('string')).replace(
      /<[^>]+>/g,
      '',
    );
    expect(pubText).toContain('（公开版）');
    expect(pubText).not.toContain('等次');
    expect(pubText).not.toContain('不得评定为优秀');
  });

  it('publishes closed rankings to the portal without sign-in, and nothing of open periods', async () => {
    const anon = t.client();
    const res = await anon.get('/api/public/rankings?region=330400&period=2024-Q1');
    expect(res.status).toBe(200);
    expect(row(res.body, A)).toEqual({
      region: { code: A, name: '南湖区' },
      values: expect.objectContaining({ projectsGe10Yi: '3' }),
      completion: expect.objectContaining({ projectsGe10Yi: '60.00' }),
      score: '102.00',
      rank: 1,
    });
    expect((await anon.get('/api/public/rankings?region=330400&period=2024-H1')).status).toBe(404);

    // The portal lists what is published: the closed quarter, not the open half-year.
    const published = await anon.get('/api/public/rankings/published?region=330400');
    expect(published.status).toBe(200);
    expect(published.body.items.map((i: { period: string }) => i.period)).toContain('2024-Q1');
    expect(published.body.items.map((i: { period: string }) => i.period)).not.toContain('2024-H1');
    expect(published.body.items.every((i: { region: { code: string } }) => i.region.code === '330400')).toBe(true);
  });
});

describe('sampling checks and the Jiaxing year-end rules', () => {
  it('draws a sample per unit; a verifier records findings; false data is flagged on the unit and the region', async () => {
    expect(
      (await verifier.post('/api/assessment/sampling', { regionCode: '330400', year: 2024, perUnit: 2 })).status,
    ).toBe(403);
    const check = await leader.post('/api/assessment/sampling', {
      regionCode: '330400',
      year: 2024,
      perUnit: 2,
      seed: 'q4',
    });
    expect(check.status, JSON.stringify(check.body)).toBe(201);
    expect(check.body.items).toHaveLength(2);
    expect(new Set(check.body.items.map((i: any) => i.unit.id))).toEqual(new Set([officer.unitId]));
    const [first, second] = check.body.items;
    expect(
      (await officer.post(`/api/assessment/sampling/items/${first.id}/finding`, { result: 'confirmed' })).status,
    ).toBe(403);
    const noNote = await verifier.post(`/api/assessment/sampling/items/${first.id}/finding`, { result: 'false' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0].field).toBe('body.note');
    expect(
      (
        await verifier.post(`/api/assessment/sampling/items/${first.id}/finding`, {
          result: 'false',
          note: '现场无此项目',
        })
      ).status,
    ).toBe(200);
    const done = await verifier.post(`/api/assessment/sampling/items/${second.id}/finding`, { result: 'confirmed' });
    expect(done.body.items.map((i: any) => i.result).sort()).toEqual(['confirmed', 'false']);

    const q = await leader.get('/api/assessment/data-quality?region=330400&year=2024');
    const unit = q.body.units.find((u: any) => u.unit.id === officer.unitId);
    // 5 projects × 6 required fields; each has its source channel, p1 also an investor: 6 of 30.
    expect(unit).toMatchObject({
      projects: 5,
      sampled: 2,
      verifiedPercent: '50.00',
      falseCount: 1,
      flagged: true,
      completenessPercent: '20.00',
    });
  });

  it('flags a reminder talk for two years of last place and missed target, and caps A for false data', async () => {
    const y2023 = await leader.post('/api/assessment/snapshots', { regionCode: '330400', period: '2023' });
    expect(y2023.status, JSON.stringify(y2023.body)).toBe(201);
    expect(y2023.body.scheme.name.en).toBe('Platform default scheme');
    expect(row(y2023.body, B)).toMatchObject({ rank: 2, reminder: null });
    const y2024 = await ranking(leader, '2024');
    expect(row(y2024, B).reminder.zh).toContain('连续2年考核排名末位');
    expect(row(y2024, A).reminder).toBeNull();
    // A reached 4 of 5 (80%): its band is excellent, but the sampling check found false data.
    expect(row(y2024, A)).toMatchObject({ falseData: true, rating: 'good' });
    expect(row(y2024, A).capped.en).toContain('False data');
  });
});
