/* eslint-disable @typescript-eslint/no-explicit-any -- problem bodies are read field by field */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../domain/credit-code';
import { XLSX } from './lib/excel-import';
import { type ApiClient, type ApiResponse, startTestApp, type TestApp } from './test/harness';

// Issue 15, finding 4: hostile input once answered 5xx on both engines. Each example of the issue,
// answered now as a 400 (or 414) problem+json that names the field, in both languages.

let t: TestApp;
let officer: ApiClient;
let liaison: ApiClient & { unitId: string };
let anonymous: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  liaison = await t.signIn({ role: 'liaison', regionCode: '220400', unitName: '辽源市工信局（输入测试）' });
  anonymous = t.client();
});
afterAll(() => t.close());

function expectRefused(res: ApiResponse, field: string, status = 400) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(status === 400 ? 'VALIDATION' : res.body.code);
  expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  const error = res.body.errors.find((e: any) => e.field === field);
  expect(error['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(error.en).toMatch(/[a-z]/i);
}

async function projectCount(): Promise<number> {
  const res = await officer.get('/api/projects?pageSize=1');
  expect(res.status).toBe(200);
  return res.body.total;
}

const project = (name: string) => ({
  name,
  totalInvestmentWan: '8000',
  sourceChannel: '以商招商',
  hostRegionCode: '220402',
});

describe('NUL characters', () => {
  it('in the portal search (anonymous) is a 400 naming querystring.q', async () => {
    expectRefused(await anonymous.get('/api/public/supply?q=%00'), 'querystring.q');
    expect((await anonymous.get('/api/public/supply?q=%E5%8E%82')).status).toBe(200);
  });

  it('in a sign-in user name is a 400, not a failed sign-in nor a 500', async () => {
    const res = await anonymous.post('/api/auth/login', { username: 'u\u0000', password: 'whatever-123' });
    expectRefused(res, 'body.username');
  });

  it('in a project name is a 400 and stores nothing', async () => {
    const before = await projectCount();
    expectRefused(await officer.post('/api/projects', project('a\u0000b')), 'body.name');
    expect(await projectCount()).toBe(before);
  });
});

describe('unpaired surrogates', () => {
  it('in a project name is a 400 (a surrogate pair, 😀, is fine)', async () => {
    expectRefused(await officer.post('/api/projects', project('新材料\ud800项目')), 'body.name');
    expect((await officer.post('/api/projects', project('新材料😀项目'))).status).toBe(201);
  });

  it('in a ticket note is a 400 and the ticket keeps its notes', async () => {
    const p = await officer.post('/api/projects', project('工单测试项目'));
    expect(p.status).toBe(201);
    const ticket = await officer.post('/api/services/tickets', {
      projectId: p.body.id,
      title: '用地手续办理',
      description: '项目二期用地需办理农转用手续',
      departmentId: liaison.unitId,
      dueDate: `${new Date().getUTCFullYear() + 1}-06-20`,
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const res = await liaison.post(`/api/services/tickets/${ticket.body.id}/notes`, { text: '进展\udfff' });
    expectRefused(res, 'body.text');
    const after = await officer.get(`/api/services/tickets/${ticket.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body.notes).toEqual([]);
  });

  it('in a portal inquiry (anonymous) is a 400', async () => {
    const res = await anonymous.post('/api/public/inquiries', {
      company: '测试新材料有限公司\ud800',
      contactName: '王经理',
      phone: '13800001111',
      regionCode: '220400',
      message: '希望了解用地条件。',
    });
    expectRefused(res, 'body.company');
  });

  it('in an object key is a 400 as well', async () => {
    const res = await officer.post('/api/projects', { ...project('键名测试'), ['x\ud800']: 1 });
    expectRefused(res, 'body');
  });
});

describe('found by the fuzz suite', () => {
  it('buildings asked for with a land use find nothing instead of sending an empty UNION to the database', async () => {
    const res = await anonymous.get('/api/public/supply?kind=building&use=logistics');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('Excel imports', () => {
  /** The project import template with one row whose name cell is `name` as escaped in the file's XML. */
  async function workbookWithName(escapedName: string): Promise<Blob> {
    const template = await officer.get('/api/projects/import-template');
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const col = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace(/\*$/, ''), n));
    const row: Record<string, string | number> = {
      项目名称: 'PLACEHOLDER-NAME',
      项目阶段: '洽谈',
      投资企业名称: '辽源输入测试袜业有限公司',
      统一社会信用代码: makeCreditCode(7915),
      '总投资(万元)': 52000,
      招商方式: '以商招商',
      落地地区划代码: '220402 龙山区',
    };
    for (const [header, value] of Object.entries(row)) sheet.getCell(3, col.get(header)!).value = value;
    // An .xlsx carries U+0000 and unpaired surrogates as `_x0000_` / `_xD800_` escapes, which exceljs decodes.
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      if (xml.includes('PLACEHOLDER-NAME')) zip.file(name, xml.replace('PLACEHOLDER-NAME', escapedName));
    }
    return new Blob([await zip.generateAsync({ type: 'arraybuffer' })], { type: XLSX });
  }

  it.each([
    ['a NUL', '袜业_x0000_产业园'],
    ['an unpaired surrogate', '袜业_xD800_产业园'],
  ])('a cell holding %s is a bad cell of its row, and nothing is imported', async (_label, escaped) => {
    const before = await projectCount();
    const form = new FormData();
    form.append('file', await workbookWithName(escaped), '台账.xlsx');
    const res = await officer.request('POST', '/api/projects/import', form);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: '项目名称', en: expect.stringContaining('NUL') }),
    ]);
    expect(await projectCount()).toBe(before);
  });

  it('the same workbook with a clean name imports', async () => {
    const form = new FormData();
    form.append('file', await workbookWithName('袜业产业园（输入测试）'), '台账.xlsx');
    const res = await officer.request('POST', '/api/projects/import', form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('a multipart text field holding a NUL is a 400 naming it', async () => {
    const form = new FormData();
    form.append('note', 'a\u0000b');
    form.append('file', await workbookWithName('袜业产业园（字段测试）'), '台账.xlsx');
    expectRefused(await officer.request('POST', '/api/projects/import', form), 'multipart.note');
  });
});

describe('impossible dates', () => {
  const activity = (startDate: string, endDate = '2026-03-02') => ({
    kind: 'trip',
    title: '赴深圳招商',
    startDate,
    endDate,
    destination: '深圳',
    leaderName: '张三',
  });

  it('2026-02-30 is a 400 naming the field', async () => {
    const res = await officer.post('/api/activities', activity('2026-02-30'));
    expectRefused(res, 'body.startDate');
    expect(res.body.errors[0].en).toContain('real date');
  });

  it('0000-01-01 is a 400 naming the field', async () => {
    expectRefused(await officer.post('/api/activities', activity('2026-03-01', '0000-01-01')), 'body.endDate');
  });

  it('?from=2026-13-45 is a 400 naming the query parameter', async () => {
    expectRefused(await officer.get('/api/activities?from=2026-13-45'), 'querystring.from');
    expect((await officer.get('/api/activities?from=2024-02-29')).status).toBe(200);
  });

  it('a month 2026-13 is a 400', async () => {
    expectRefused(await officer.get('/api/coordination/signed-report?month=2026-13'), 'querystring.month');
  });
});

describe('ids', () => {
  it('an id past the parameter limit answers 414 problem+json in both languages', async () => {
    const res = await t.client('en').get(`/api/projects/${'a'.repeat(500)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'URI_TOO_LONG', status: 414, title: expect.stringMatching(/too long/) });
    expect(res.body.i18n['zh-CN'].title).toMatch(/过长/);
  });

  it('a URL past the header limit answers 431 problem+json instead of a bare socket error', async () => {
    const res = await anonymous.get(`/api/public/supply?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('HEADERS_TOO_LARGE');
    expect(res.body.i18n.en.title).toMatch(/too large/);
  });

  it('an id that is not a uuid is a 400 or 404 problem, never a 500', async () => {
    for (const path of ['/api/projects/abc', '/api/services/tickets/abc', '/api/activities/abc']) {
      const res = await officer.get(path);
      expect([400, 404], `${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
