import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/credit-code';
import type { Db } from '../../db/client';
import { auditLog, coordinationConflicts, enterprises, projects } from '../../db/schema';
import { verifyAuditChain } from '../audit/service';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let db: Db;
let officer: Client;
let tmp: string;

const SOFFICE = spawnSync('soffice', ['--version']).status === 0;
const existingCode = makeCreditCode(7101);
const newCode = makeCreditCode(7102);

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-excel-'));
  const res = await officer.post('/api/enterprises', { name: '吉林省辽源袜业集团有限公司', creditCode: existingCode });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await t?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function template(): Promise<ExcelJS.Workbook> {
  const res = await officer.get('/api/projects/import-template');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  return book;
}

/** Fills the template's data sheet from row 3 on, by header, as an officer would. */
async function ledger(rows: Record<string, string | number>[]): Promise<Blob> {
  const book = await template();
  const sheet = book.worksheets[0]!;
  const col = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace(/\*$/, ''), n));
  rows.forEach((values, i) => {
    for (const [header, value] of Object.entries(values)) {
      const n = col.get(header);
      if (!n) throw new Error(`no column ${header}`);
      sheet.getCell(i + 3, n).value = value;
    }
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

function upload(file: Blob) {
  const form = new FormData();
  form.append('file', file, '台账.xlsx');
  return officer.request('POST', '/api/projects/import', form);
}

const rows = (thirdAmount: string, thirdRegion: string): Record<string, string | number>[] => [
  {
    项目名称: '辽源袜业智能制造产业园',
    项目阶段: '洽谈',
    投资企业名称: '吉林省辽源袜业集团有限公司',
    '总投资(万元)': 52000,
    招商方式: '以商招商',
    落地地区划代码: '220402 龙山区',
  },
  {
    项目名称: '东丰梅花鹿精深加工项目',
    投资企业名称: '吉林东丰鹿业科技有限公司',
    统一社会信用代码: newCode,
    '总投资(万元)': '12,000.50',
    '外资(万美元)': 800,
    招商方式: '展会招商',
    落地地区划代码: '220421',
    '新增就业(人)': 300,
  },
  {
    项目名称: '辽源高新区新材料项目',
    项目阶段: '谋划',
    统一社会信用代码: existingCode,
    '总投资(万元)': thirdAmount,
    招商方式: '政府谋划',
    落地地区划代码: thirdRegion,
  },
];

describe('Excel import and export of projects', () => {
  it('offers a template with Chinese and English headers, instructions and pick lists', async () => {
    const book = await template();
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['项目 Projects', '说明 Instructions']));
    const sheet = book.getWorksheet('项目 Projects')!;
    expect(sheet.getCell('A1').value).toBe('项目名称*');
    expect(sheet.getCell('A2').value).toBe('Project name');
    const listed = (header: string) => {
      let n = 0;
      sheet.getRow(1).eachCell((c, i) => {
        if (String(c.value).replace(/\*$/, '') === header) n = i;
      });
      return sheet.getCell(3, n).dataValidation;
    };
    expect(listed('项目阶段')).toMatchObject({ type: 'list' });
    expect(listed('招商方式')).toMatchObject({ type: 'list' });
    expect(listed('落地地区划代码')).toMatchObject({ type: 'list' });
    const lists = book.worksheets.find((s) => s.name.startsWith('代码表'))!;
    const regions = lists.getColumn(3).values.map(String);
    expect(regions).toContain('220421 东丰县');
    expect(regions.some((r) => r.startsWith('620100'))).toBe(false); // only the caller's scope
  });

  it('refuses a ledger with a bad row, naming every bad cell and writing nothing; imports it once fixed', async () => {
    const enterprisesBefore = await db.$count(enterprises);
    const bad = await upload(await ledger(rows('5,20a', '620100')));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['row 5 / 总投资(万元)', 'row 5 / 落地地区划代码']));
    expect(fields.every((f: string) => f.startsWith('row 5 / '))).toBe(true);
    const region = bad.body.errors.find((e: { column: string }) => e.column === '落地地区划代码');
    expect(region).toMatchObject({ row: 5 });
    expect(region['zh-CN']).toContain('620100');
    expect(region.en).toContain('outside your scope');
    expect(await db.$count(projects)).toBe(0);
    expect(await db.$count(enterprises)).toBe(enterprisesBefore);

    const good = await upload(await ledger(rows('8000', '2204Z1')));
    expect(good.status).toBe(201);
    expect(good.body).toEqual({ created: 3 });
    const list = await db.select().from(projects);
    expect(list.map((p) => p.name).sort()).toEqual(
      ['东丰梅花鹿精深加工项目', '辽源袜业智能制造产业园', '辽源高新区新材料项目'].sort(),
    );
    const deer = list.find((p) => p.name === '东丰梅花鹿精深加工项目')!;
    expect(deer).toMatchObject({
      totalInvestmentWan: '12000.50',
      jobs: 300,
      hostRegionCode: '220421',
      stage: 'negotiating',
    });
    const [created] = await db.select().from(enterprises).where(eq(enterprises.creditCode, newCode));
    expect(created?.name).toBe('吉林东丰鹿业科技有限公司');
  });

  it('exports the list with the same values, readable by LibreOffice, with headers in the caller’s language', async () => {
    const res = await officer.get('/api/projects/export?hostRegion=220400&sort=code');
    expect(res.status).toBe(200);
    const file = path.join(tmp, 'export.xlsx');
    fs.writeFileSync(file, res.body as Buffer);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['项目编号', '项目名称', '总投资(万元)', '落地地']));
    expect(sheet.rowCount).toBe(4);

    const en = new ExcelJS.Workbook();
    const resEn = await officer.request('GET', '/api/projects/export?hostRegion=220400', undefined, {
      'accept-language': 'en',
    });
    await en.xlsx.load(resEn.body as unknown as ArrayBuffer);
    expect(en.worksheets[0]!.getRow(1).values).toEqual(expect.arrayContaining(['Code', 'Project name', 'Host region']));

    if (!SOFFICE) {
      console.warn(
        'SKIPPED: soffice (LibreOffice) is not installed; the export was not read back with a second library',
      );
      return;
    }
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${tmp}/lo-profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        tmp,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const csv = fs.readFileSync(path.join(tmp, 'export.csv'), 'utf8').trim().split(/\r?\n/);
    const parse = (line: string) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, 15);
    const [header, ...body] = csv.map(parse);
    expect(header!.slice(0, 5)).toEqual(['项目编号', '项目名称', '阶段', '投资企业', '总投资(万元)']);
    const byName = new Map(body.map((r) => [r[1], r]));
    const deer = byName.get('东丰梅花鹿精深加工项目')!;
    expect(deer[2]).toBe('洽谈');
    expect(deer[3]).toBe('吉林东丰鹿业科技有限公司');
    expect(deer[4]!.replace(/,/g, '')).toBe('12000.50');
    expect(deer[5]!.replace(/,/g, '')).toBe('800.00');
    expect(deer[6]).toBe('展会招商');
    expect(deer[8]).toBe('东丰县');
    const zone = byName.get('辽源高新区新材料项目')!;
    expect(zone[2]).toBe('谋划');
    expect(zone[3]).toBe('吉林省辽源袜业集团有限公司');
    expect(zone[4]!.replace(/,/g, '')).toBe('8000.00');
    const codes = body.map((r) => r[0]);
    expect(codes).toEqual([...codes].sort());
    expect(codes.every((c) => /^ZS-\d{4}-/.test(c!))).toBe(true);
  });

  it('imports a ledger in one batch as if row by row: consecutive codes, in-file duplicates found, audit chain intact', async () => {
    const before = new Set((await db.select({ id: projects.id }).from(projects)).map((p) => p.id));
    const row = (name: string) => ({
      项目名称: name,
      投资企业名称: '辽源鹿乡新材料有限公司',
      统一社会信用代码: makeCreditCode(7103),
      '总投资(万元)': 3000,
      招商方式: '委托招商',
      落地地区划代码: '220421',
    });
    const res = await upload(
      await ledger([
        row('鹿乡碳纤维复合材料项目'),
        row('鹿乡碳纤维复合材料项目二期'),
        row('鹿乡碳纤维复合材料项目三期'),
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 3 });
    const added = (await db.select().from(projects)).filter((p) => !before.has(p.id));
    const byName = new Map(added.map((p) => [p.name, p]));
    const [first, second, third] = ['', '二期', '三期'].map((s) => byName.get(`鹿乡碳纤维复合材料项目${s}`)!);
    // One enterprise registered for the three rows.
    expect(await db.$count(enterprises, eq(enterprises.creditCode, makeCreditCode(7103)))).toBe(1);
    // Codes of one host region follow each other in the order of the rows.
    const seq = (code: string) => Number(code.split('-').at(-1));
    expect([seq(second!.code) - seq(first!.code), seq(third!.code) - seq(second!.code)]).toEqual([1, 1]);
    // Each later row is checked against the rows before it, never against those after it.
    const pairs = await db
      .select({
        id: coordinationConflicts.id,
        projectId: coordinationConflicts.projectId,
        other: coordinationConflicts.otherProjectId,
      })
      .from(coordinationConflicts)
      .where(inArray(coordinationConflicts.projectId, [first!.id, second!.id, third!.id]));
    const codeOf = new Map(added.map((p) => [p.id, p.code]));
    const found = pairs.map((c) => `${codeOf.get(c.projectId)}>${codeOf.get(c.other)}`);
    expect(found.sort()).toEqual(
      [`${second!.code}>${first!.code}`, `${third!.code}>${first!.code}`, `${third!.code}>${second!.code}`].sort(),
    );
    const audited = await db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'project.created'), inArray(auditLog.entityId, [first!.id, second!.id, third!.id])),
      );
    expect(audited).toHaveLength(3);
    // Each conflict found is audited once, in the same transaction.
    const conflictAudits = await db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'coordination_conflict'),
          inArray(
            auditLog.entityId,
            pairs.map((p) => p.id),
          ),
        ),
      );
    expect(conflictAudits.map((a) => a.id).sort()).toEqual(pairs.map((p) => p.id).sort());
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
