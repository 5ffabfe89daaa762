import ExcelJS from 'exceljs';
import { validateCreditCode } from '../../../domain/credit-code';
import { AppError, type Bilingual } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import { STAGE_LABELS } from '../../../domain/lifecycle';
import { parseWan } from '../../../domain/money';
import { foldName } from '../../../domain/names';
import { SOURCE_CHANNELS, SOURCE_CHANNEL_LABELS, type SourceChannel } from '../../../domain/project-fields';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { regionCodeInScope } from '../../lib/scope';
import { unsafeCells } from '../../lib/excel-import';
import type { Lang } from '../../lib/problem';
import { createEnterprises } from '../enterprises/service';
import * as excelRepo from './excel.repository';
import { presentProjectListItem } from './presenter';
import * as coreRepo from './repository';
import type { TCreateProjectRequest, TProjectFilters, ProjectSort } from './schema';
import { createProjects, foldSearch } from './service';

/**
 * Project ledgers in Excel (officers live in Excel): a template to fill in, an all-or-nothing
 * import that names every bad cell, and an export of the list as filtered.
 */

type ImportKey =
  | 'name'
  | 'stage'
  | 'enterpriseName'
  | 'creditCode'
  | 'totalInvestmentWan'
  | 'foreignInvestmentUsdWan'
  | 'fixedAssetInvestmentWan'
  | 'landDemandMu'
  | 'jobs'
  | 'expectedTaxWan'
  | 'sourceChannel'
  | 'hostRegionCode'
  | 'industryDivision'
  | 'responsibleLeader';

interface ImportColumn {
  key: ImportKey;
  zh: string;
  en: string;
  required?: boolean;
  width: number;
  hint: Bilingual;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', zh: '项目名称', en: 'Project name', required: true, width: 32, hint: { zh: '必填', en: 'Required' } },
  {
    key: 'stage',
    zh: '项目阶段',
    en: 'Stage',
    width: 10,
    hint: { zh: '谋划 或 洽谈，空白为洽谈', en: 'Planned or negotiating; blank means negotiating' },
  },
  {
    key: 'enterpriseName',
    zh: '投资企业名称',
    en: 'Investor name',
    width: 30,
    hint: {
      zh: '已登记的企业可只填名称；新企业须同时填写统一社会信用代码',
      en: 'A registered enterprise may be named alone; a new one needs its credit code too',
    },
  },
  {
    key: 'creditCode',
    zh: '统一社会信用代码',
    en: 'Unified social credit code',
    width: 22,
    hint: { zh: '18位，可选', en: '18 characters, optional' },
  },
  {
    key: 'totalInvestmentWan',
    zh: '总投资(万元)',
    en: 'Total investment (10k yuan)',
    required: true,
    width: 16,
    hint: { zh: '必填，数字，最多两位小数', en: 'Required; a number with at most two decimals' },
  },
  {
    key: 'foreignInvestmentUsdWan',
    zh: '外资(万美元)',
    en: 'Foreign investment (10k USD)',
    width: 14,
    hint: { zh: '数字，可选', en: 'A number, optional' },
  },
  {
    key: 'fixedAssetInvestmentWan',
    zh: '固定资产投资(万元)',
    en: 'Fixed-asset investment (10k yuan)',
    width: 18,
    hint: { zh: '数字，可选', en: 'A number, optional' },
  },
  {
    key: 'landDemandMu',
    zh: '用地需求(亩)',
    en: 'Land demand (mu)',
    width: 12,
    hint: { zh: '数字，可选', en: 'A number, optional' },
  },
  {
    key: 'jobs',
    zh: '新增就业(人)',
    en: 'New jobs',
    width: 12,
    hint: { zh: '整数，可选', en: 'A whole number, optional' },
  },
  {
    key: 'expectedTaxWan',
    zh: '预计年税收(万元)',
    en: 'Expected annual tax (10k yuan)',
    width: 16,
    hint: { zh: '数字，可选', en: 'A number, optional' },
  },
  {
    key: 'sourceChannel',
    zh: '招商方式',
    en: 'Source channel',
    required: true,
    width: 12,
    hint: { zh: '必填，从下拉列表选择', en: 'Required; pick from the list' },
  },
  {
    key: 'hostRegionCode',
    zh: '落地地区划代码',
    en: 'Host region code',
    required: true,
    width: 22,
    hint: {
      zh: '必填，从下拉列表选择（如“220421 东丰县”），或只填6位代码',
      en: 'Required; pick from the list (e.g. "220421 东丰县") or type the code alone',
    },
  },
  {
    key: 'industryDivision',
    zh: '行业大类代码',
    en: 'Industry division code',
    width: 12,
    hint: { zh: 'GB/T 4754-2017 两位代码，可选', en: 'GB/T 4754-2017 two-digit code, optional' },
  },
  {
    key: 'responsibleLeader',
    zh: '责任领导',
    en: 'Responsible leader',
    width: 12,
    hint: { zh: '可选', en: 'Optional' },
  },
];

const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));
const DATA_SHEET = '项目 Projects';
const LISTS_SHEET = '代码表 Lists';
const MAX_IMPORT_ROWS = 20_000;
const TEMPLATE_ROWS = 1000;
const IMPORT_STAGES = ['planned', 'negotiating'] as const;

/** One bad cell of an import, named by its spreadsheet row and column header. */
export interface ImportRowError {
  row: number;
  column: string;
  zh: string;
  en: string;
}

export type ImportResult = { ok: true; created: number } | { ok: false; errors: ImportRowError[] };

// ---------------------------------------------------------------- template

/** Assigns a list validation to a block of cells (exceljs types omit the sheet-level API). */
function listValidation(sheet: ExcelJS.Worksheet, colLetter: string, formula: string, title: Bilingual): void {
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(`${colLetter}3:${colLetter}${TEMPLATE_ROWS + 2}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: `${title.zh} ${title.en}`,
    error: '请从下拉列表中选择 / Pick a value from the list',
  });
}

function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The import template: Chinese headers over English ones, an instructions sheet, and lists. */
export async function importTemplate(db: Db, auth: AuthContext): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhaoshang 招商引资平台';
  const sheet = book.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(IMPORT_COLUMNS.map((c) => (c.required ? `${c.zh}*` : c.zh)));
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.en));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getCell(1, i + 1).note = `${c.hint.zh}\n${c.hint.en}`;
  });

  const lists = book.addWorksheet(LISTS_SHEET);
  const regionList = await excelRepo.regionsInScope(db, auth.scope);
  lists.getRow(1).values = ['项目阶段 Stage', '招商方式 Source channel', '落地地 Host region'];
  IMPORT_STAGES.forEach((s, i) => (lists.getCell(i + 2, 1).value = STAGE_LABELS[s].zh));
  SOURCE_CHANNELS.forEach((s, i) => (lists.getCell(i + 2, 2).value = s));
  regionList.forEach((r, i) => (lists.getCell(i + 2, 3).value = `${r.code} ${r.name}`));
  lists.state = 'hidden';

  const letter = (key: ImportKey) => columnLetter(IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1);
  const ref = (col: string, count: number) => `'${LISTS_SHEET}'!$${col}$2:$${col}$${Math.max(2, count + 1)}`;
  listValidation(sheet, letter('stage'), ref('A', IMPORT_STAGES.length), { zh: '项目阶段', en: 'Stage' });
  listValidation(sheet, letter('sourceChannel'), ref('B', SOURCE_CHANNELS.length), {
    zh: '招商方式',
    en: 'Source channel',
  });
  listValidation(sheet, letter('hostRegionCode'), ref('C', regionList.length), {
    zh: '落地地',
    en: 'Host region',
  });

  const help = book.addWorksheet('说明 Instructions');
  help.columns = [{ width: 24 }, { width: 60 }, { width: 60 }];
  help.addRow(['项目导入说明', 'How to import projects']).font = { bold: true, size: 14 };
  help.addRow([]);
  help.addRow([
    '填写',
    `在“${DATA_SHEET}”表第3行起每行填一个项目；第1行为中文表头，第2行为英文表头，请勿修改。带*的列必填。`,
    `Fill in one project per row from row 3 of "${DATA_SHEET}"; rows 1 and 2 are the Chinese and English headers, keep them. Columns marked * are required.`,
  ]);
  help.addRow([
    '校验',
    '导入时逐行校验；只要有一行有误，整个文件都不导入，并列出每个有误的单元格（行号/列名）。',
    'Every row is checked; if any row is wrong nothing is imported, and every bad cell is listed by row and column.',
  ]);
  help.addRow([
    '企业',
    '按统一社会信用代码或名称匹配已登记的企业；信用代码未登记时按所填名称新建企业。',
    'Enterprises are matched by credit code or by name; an unregistered credit code registers a new enterprise under the name given.',
  ]);
  help.addRow([
    '金额',
    '金额单位为万元（外资为万美元），最多两位小数，可带千分位逗号。',
    'Amounts are in 10k yuan (foreign investment in 10k USD), at most two decimals, thousands separators allowed.',
  ]);
  help.addRow([]);
  help.addRow(['列', '中文说明', 'English']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([`${c.zh} / ${c.en}`, c.hint.zh, c.hint.en]);
  help.addRow([]);
  help.addRow(['招商方式', '可选值', 'Values']).font = { bold: true };
  for (const s of SOURCE_CHANNELS) help.addRow(['', s, SOURCE_CHANNEL_LABELS[s].en]);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- import

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return '';
}

/** A numeric cell read from Excel keeps floating-point noise (0.1+0.2); round to the 2 decimals kept. */
function numberText(value: ExcelJS.CellValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.abs(value) < 1e15 ? String(Math.round(value * 100) / 100) : String(value);
  }
  return cellText(value);
}

interface ParsedRow {
  row: number;
  input: Omit<TCreateProjectRequest, 'enterpriseIds'>;
  enterprise: { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'new'; name: string; creditCode: string };
}

function headerKey(text: string): ImportKey | undefined {
  const t = text.replace(/\*$/, '').replace(/\s+/g, '').toLowerCase();
  for (const c of IMPORT_COLUMNS) {
    if (c.zh.replace(/\s+/g, '').toLowerCase() === t || c.en.replace(/\s+/g, '').toLowerCase() === t) return c.key;
  }
  return undefined;
}

const CREATE_FIELD_COLUMN: Record<string, ImportKey> = {
  name: 'name',
  hostRegionCode: 'hostRegionCode',
  industrySection: 'industryDivision',
  industryDivision: 'industryDivision',
  enterpriseIds: 'enterpriseName',
  totalInvestmentWan: 'totalInvestmentWan',
  sourceChannel: 'sourceChannel',
};

/** Rolls the import transaction back after the rows that the project rules refused were collected. */
class ImportRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import refused');
  }
}

/**
 * Reads a ledger, checks every row and, only when all are good, creates every new enterprise and
 * then every project in one transaction through the batch functions of the enterprises and
 * projects services (their rules; multi-row writes). Otherwise it writes nothing and returns
 * every bad cell.
 */
export async function importProjects(db: Db, auth: AuthContext, file: Buffer): Promise<ImportResult> {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '您的角色不能导入项目', en: 'Your role cannot import projects' },
    });
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'file', zh: '文件不是有效的 Excel (.xlsx) 文件', en: 'The file is not a valid Excel (.xlsx) file' },
      ],
    });
  }
  const sheet = book.getWorksheet(DATA_SHEET) ?? book.worksheets[0];
  if (!sheet)
    throw new AppError('VALIDATION', {
      fields: [{ field: 'file', zh: '文件没有工作表', en: 'The file has no sheet' }],
    });

  // Columns are found by their header (Chinese or English), so a reordered ledger still imports.
  const columns = new Map<ImportKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = headerKey(cellText(cell.value));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length) {
    throw new AppError('VALIDATION', {
      fields: missing.map((c) => ({
        field: 'file',
        zh: `缺少“${c.zh}”列（请使用导入模板）`,
        en: `The column "${c.en}" is missing (use the import template)`,
      })),
    });
  }
  const secondRow = sheet.getRow(2);
  const englishHeaders = [...columns.values()].some((col) => headerKey(cellText(secondRow.getCell(col).value)));
  const firstDataRow = englishHeaders ? 3 : 2;

  const errors: ImportRowError[] = [];
  const parsed: ParsedRow[] = [];
  const regionCache = new Map<string, boolean>();
  const lastRow = sheet.actualRowCount === 0 ? 0 : (sheet.lastRow?.number ?? 0);
  if (lastRow - firstDataRow + 1 > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'file',
          zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行`,
          en: `At most ${MAX_IMPORT_ROWS} rows can be imported at once`,
        },
      ],
    });
  }
  const cells: { r: number; raw: (key: ImportKey) => ExcelJS.CellValue; text: (key: ImportKey) => string }[] = [];
  for (let r = firstDataRow; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const raw = (key: ImportKey) => {
      const col = columns.get(key);
      return col ? row.getCell(col).value : null;
    };
    const text = (key: ImportKey) => cellText(raw(key));
    if (IMPORT_COLUMNS.every((c) => text(c.key) === '')) continue; // blank rows are skipped
    cells.push({ r, raw, text });
  }
  const unsafe = cells.flatMap(({ r, text }) =>
    unsafeCells(
      r,
      IMPORT_COLUMNS.map((c) => [c.zh, text(c.key)] as const),
    ),
  );
  if (unsafe.length) return { ok: false, errors: unsafe };
  const known = await knownEnterprises(db, auth, cells);
  for (const { r, raw, text } of cells) {
    const result = await parseRow(db, auth, r, raw, text, regionCache, known);
    if ('errors' in result) errors.push(...result.errors);
    else parsed.push(result);
  }
  if (errors.length) return { ok: false, errors };
  if (parsed.length === 0) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'file', zh: '文件中没有项目行', en: 'The file has no project rows' }],
    });
  }

  try {
    const created = await db.transaction(async (tx) => {
      // New enterprises first, each credit code once, through the enterprises module.
      const fresh = new Map<string, { name: string; creditCode: string }>();
      for (const p of parsed) {
        if (p.enterprise.kind === 'new' && !fresh.has(p.enterprise.creditCode)) {
          fresh.set(p.enterprise.creditCode, p.enterprise);
        }
      }
      const made = await createEnterprises(
        tx,
        auth,
        [...fresh.values()].map((e) => ({ name: e.name, creditCode: e.creditCode, hqCountry: 'CN', tags: [] })),
      );
      const newEnterprises = new Map([...fresh.keys()].map((code, i) => [code, made[i]!.id]));
      const enterpriseIds = (p: ParsedRow): string[] =>
        p.enterprise.kind === 'existing'
          ? [p.enterprise.id]
          : p.enterprise.kind === 'new'
            ? [newEnterprises.get(p.enterprise.creditCode)!]
            : [];
      // Then every project in one batch through the projects service (its rules, all or nothing).
      const result = await createProjects(
        tx,
        auth,
        parsed.map((p) => ({ ...p.input, enterpriseIds: enterpriseIds(p) })),
      );
      if (!result.ok) {
        const rowErrors: ImportRowError[] = [];
        for (const { index, fields } of result.refused) {
          for (const f of fields) {
            const key = CREATE_FIELD_COLUMN[f.field.replace(/^body\./, '').split('.')[0] ?? ''] ?? 'name';
            rowErrors.push({ row: parsed[index]!.row, column: COLUMN_BY_KEY.get(key)!.zh, zh: f.zh, en: f.en });
          }
        }
        throw new ImportRefused(rowErrors);
      }
      return result.created.length;
    });
    return { ok: true, created };
  } catch (err) {
    if (err instanceof ImportRefused) return { ok: false, errors: err.errors };
    throw err;
  }
}

/** The enterprises the rows name, looked up together: by credit code, and by name where no code is given. */
interface KnownEnterprises {
  byCreditCode: Map<string, string>;
  byName: Map<string, string[]>;
}

async function knownEnterprises(
  db: Db,
  auth: AuthContext,
  cells: { text: (key: ImportKey) => string }[],
): Promise<KnownEnterprises> {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const { text } of cells) {
    const code = text('creditCode');
    if (code) {
      const check = validateCreditCode(code);
      if (check.ok) codes.add(check.code);
    } else {
      const name = text('enterpriseName') ? foldName(text('enterpriseName')) : '';
      if (name) names.add(name);
    }
  }
  return {
    byCreditCode: await excelRepo.enterprisesByCreditCodes(db, [...codes]),
    byName: await excelRepo.enterprisesByNames(db, auth.scope, [...names]),
  };
}

async function parseRow(
  db: Db,
  auth: AuthContext,
  r: number,
  raw: (key: ImportKey) => ExcelJS.CellValue,
  text: (key: ImportKey) => string,
  regionCache: Map<string, boolean>,
  known: KnownEnterprises,
): Promise<ParsedRow | { errors: ImportRowError[] }> {
  const errors: ImportRowError[] = [];
  const bad = (key: ImportKey, zh: string, en: string) =>
    errors.push({ row: r, column: COLUMN_BY_KEY.get(key)!.zh, zh, en });

  for (const c of IMPORT_COLUMNS) {
    if (c.required && text(c.key) === '') bad(c.key, `请填写“${c.zh}”`, `"${c.en}" is required`);
  }

  const amount = (key: ImportKey): string | null => {
    const t = numberText(raw(key));
    if (t === '') return null;
    const parsed = parseWan(t);
    if (!parsed.ok) {
      bad(key, parsed.error.zh, parsed.error.en);
      return null;
    }
    if (parsed.units % 100n !== 0n) {
      bad(key, `“${t}”最多保留两位小数`, `"${t}" may have at most two decimals`);
      return null;
    }
    return parsed.text;
  };
  const totalInvestmentWan = amount('totalInvestmentWan');
  const foreignInvestmentUsdWan = amount('foreignInvestmentUsdWan');
  const fixedAssetInvestmentWan = amount('fixedAssetInvestmentWan');
  const landDemandMu = amount('landDemandMu');
  const expectedTaxWan = amount('expectedTaxWan');

  let jobs: number | null = null;
  const jobsText = numberText(raw('jobs'));
  if (jobsText !== '') {
    if (/^\d{1,8}$/.test(jobsText)) jobs = Number(jobsText);
    else bad('jobs', `“${jobsText}”不是有效的人数（整数）`, `"${jobsText}" is not a whole number of jobs`);
  }

  const stageText = text('stage');
  let stage: (typeof IMPORT_STAGES)[number] = 'negotiating';
  if (stageText) {
    const found = IMPORT_STAGES.find(
      (s) =>
        s === stageText.toLowerCase() ||
        STAGE_LABELS[s].zh === stageText ||
        STAGE_LABELS[s].en.toLowerCase() === stageText.toLowerCase(),
    );
    if (found) stage = found;
    else
      bad(
        'stage',
        `项目阶段“${stageText}”应为“谋划”或“洽谈”`,
        `The stage "${stageText}" must be planned or negotiating`,
      );
  }

  const channelText = text('sourceChannel');
  let sourceChannel: SourceChannel | undefined;
  if (channelText) {
    sourceChannel = SOURCE_CHANNELS.find(
      (s) => s === channelText || SOURCE_CHANNEL_LABELS[s].en.toLowerCase() === channelText.toLowerCase(),
    );
    if (!sourceChannel) {
      bad(
        'sourceChannel',
        `招商方式“${channelText}”不在可选范围内（${SOURCE_CHANNELS.join('、')}）`,
        `"${channelText}" is not a source channel (${SOURCE_CHANNELS.join(', ')})`,
      );
    }
  }

  const regionText = text('hostRegionCode');
  const hostRegionCode = regionText.split(/\s+/)[0] ?? '';
  if (hostRegionCode) {
    let visible = regionCache.get(hostRegionCode);
    if (visible === undefined) {
      visible = await regionCodeInScope(db, auth.scope, hostRegionCode);
      regionCache.set(hostRegionCode, visible);
    }
    if (!visible) {
      bad(
        'hostRegionCode',
        `区划代码“${hostRegionCode}”不存在或不在您的数据范围内`,
        `The region code "${hostRegionCode}" does not exist or is outside your scope`,
      );
    }
  }

  const division = text('industryDivision');
  if (division && !/^\d{2}$/.test(division)) {
    bad(
      'industryDivision',
      `行业大类代码“${division}”应为两位数字`,
      `The industry division "${division}" must be two digits`,
    );
  }

  const enterprise = resolveEnterprise(known, text('enterpriseName'), text('creditCode'), bad);

  if (errors.length || !totalInvestmentWan || !sourceChannel || !enterprise) return { errors };
  return {
    row: r,
    enterprise,
    input: {
      name: text('name'),
      stage,
      totalInvestmentWan,
      foreignInvestmentUsdWan,
      fixedAssetInvestmentWan,
      landDemandMu,
      jobs,
      expectedTaxWan,
      sourceChannel,
      hostRegionCode,
      industryDivision: division || null,
      responsibleLeader: text('responsibleLeader') || null,
      confidentiality: 'normal',
    },
  };
}

/** An existing enterprise by credit code or by (folded) name, or a new one when the credit code is valid and unknown. */
function resolveEnterprise(
  known: KnownEnterprises,
  nameText: string,
  codeText: string,
  bad: (key: ImportKey, zh: string, en: string) => void,
): ParsedRow['enterprise'] | null {
  const name = nameText ? foldName(nameText) : '';
  if (codeText) {
    const check = validateCreditCode(codeText);
    if (!check.ok) {
      bad('creditCode', `统一社会信用代码有误：${check.message.zh}`, `Invalid credit code: ${check.message.en}`);
      return null;
    }
    const existing = known.byCreditCode.get(check.code);
    if (existing) return { kind: 'existing', id: existing };
    if (!name) {
      bad(
        'enterpriseName',
        '该信用代码的企业尚未登记，请填写企业名称以便新建',
        'No enterprise has this credit code yet; give its name to register it',
      );
      return null;
    }
    return { kind: 'new', name, creditCode: check.code };
  }
  if (!name) return { kind: 'none' };
  const found = known.byName.get(name) ?? [];
  if (found.length === 1) return { kind: 'existing', id: found[0]! };
  if (found.length > 1) {
    bad(
      'enterpriseName',
      `有多家名为“${name}”的企业，请填写统一社会信用代码`,
      `Several enterprises are named "${name}"; give the credit code`,
    );
  } else {
    bad(
      'enterpriseName',
      `企业“${name}”尚未登记，请填写统一社会信用代码以便新建`,
      `No enterprise "${name}" is registered; give its credit code to register it`,
    );
  }
  return null;
}

// ---------------------------------------------------------------- export

interface ExportColumn {
  zh: string;
  en: string;
  width: number;
  money?: boolean;
  value: (p: ReturnType<typeof presentProjectListItem>, lang: Lang) => string | number | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** The columns of the project list, in its order. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { zh: '项目编号', en: 'Code', width: 22, value: (p) => p.code },
  { zh: '项目名称', en: 'Project name', width: 32, value: (p) => p.name },
  { zh: '阶段', en: 'Stage', width: 12, value: (p, l) => STAGE_LABELS[p.stage][l === 'en' ? 'en' : 'zh'] },
  { zh: '投资企业', en: 'Enterprises', width: 30, value: (p) => p.enterprises.map((e) => e.name).join('、') },
  {
    zh: '总投资(万元)',
    en: 'Total investment (10k yuan)',
    width: 16,
    money: true,
    value: (p) => num(p.totalInvestmentWan),
  },
  {
    zh: '外资(万美元)',
    en: 'Foreign investment (10k USD)',
    width: 14,
    money: true,
    value: (p) => num(p.foreignInvestmentUsdWan),
  },
  {
    zh: '招商方式',
    en: 'Source channel',
    width: 12,
    value: (p, l) => SOURCE_CHANNEL_LABELS[p.sourceChannel][l === 'en' ? 'en' : 'zh'],
  },
  { zh: '首谈单位', en: 'First-negotiation unit', width: 20, value: (p) => p.firstUnit.name },
  { zh: '落地地', en: 'Host region', width: 14, value: (p) => p.hostRegion.name },
  { zh: '责任单位', en: 'Responsible unit', width: 20, value: (p) => p.responsibleUnit.name },
  { zh: '责任领导', en: 'Responsible leader', width: 12, value: (p) => p.responsibleLeader },
  { zh: '进入阶段日期', en: 'Stage since', width: 12, value: (p) => p.stageEnteredOn },
  { zh: '签约日期', en: 'Signing date', width: 12, value: (p) => p.signingDate },
  { zh: '停滞起始', en: 'Stalled since', width: 12, value: (p) => p.stalledSince },
  { zh: '更新时间', en: 'Updated', width: 20, value: (p) => p.updatedAt.slice(0, 10) },
];

/** The project list as filtered, one row per project, headers in the caller's language. */
export async function exportProjects(
  db: Db,
  auth: AuthContext,
  query: TProjectFilters & { sort?: ProjectSort },
  lang: Lang,
): Promise<Buffer> {
  const { sort = '-updatedAt', ...filters } = query;
  const { rows } = await coreRepo.listProjects(db, auth.scope, foldSearch(filters), {
    sort,
    pageSize: null,
    withTotal: false,
  });
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhaoshang 招商引资平台';
  const sheet = book.addWorksheet(lang === 'en' ? 'Projects' : '项目清单', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: lang === 'en' ? c.en : c.zh,
    width: c.width,
    style: c.money ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const p = presentProjectListItem(row);
    sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(p, lang)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
