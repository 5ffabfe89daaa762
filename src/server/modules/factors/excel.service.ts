import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError, type Bilingual } from '../../../domain/errors';
import { LAND_USE_LABELS } from '../../../domain/matching';
import type { Db } from '../../db/client';
import { BUILDING_KINDS, FUND_STAGES, SUPPLY_MODES } from '../../db/schema/factors';
import type { AuthContext } from '../../lib/auth-context';
import { unsafeCells } from '../../lib/excel-import';
import * as library from './library.service';
import { presentBuilding, presentFund, presentParcel } from './presenter';
import * as repo from './repository';
import {
  type TBuilding,
  type TFund,
  type TParcel,
  ZBuildingQuery,
  ZCreateBuilding,
  ZCreateFund,
  ZCreateParcel,
  ZFundQuery,
  ZParcelQuery,
} from './schema';

/**
 * Excel import and export of the supply library. One column table per kind drives the template,
 * the reader and the export, so an exported file imports again. Import is all or nothing: every
 * row is checked, and only a file without a bad cell is written, in one transaction.
 */

export type LibraryKind = 'parcels' | 'buildings' | 'funds';

export const SUPPLY_MODE_LABELS: Record<(typeof SUPPLY_MODES)[number], Bilingual> = {
  transfer: { zh: '出让', en: 'transfer' },
  long_lease: { zh: '长期租赁', en: 'long lease' },
  lease_then_transfer: { zh: '先租后让', en: 'lease then transfer' },
  flexible_term: { zh: '弹性年期', en: 'flexible term' },
};
export const BUILDING_KIND_LABELS: Record<(typeof BUILDING_KINDS)[number], Bilingual> = {
  standard_factory: { zh: '标准厂房', en: 'standard factory' },
  factory: { zh: '厂房', en: 'factory' },
  office: { zh: '楼宇', en: 'office building' },
  warehouse: { zh: '仓库', en: 'warehouse' },
};
export const FUND_STAGE_LABELS: Record<(typeof FUND_STAGES)[number], Bilingual> = {
  seed: { zh: '种子期', en: 'seed' },
  early: { zh: '初创期', en: 'early' },
  growth: { zh: '成长期', en: 'growth' },
  mature: { zh: '成熟期', en: 'mature' },
};
const PRICE_KIND_LABELS: Record<'listed' | 'reference', Bilingual> = {
  listed: { zh: '挂牌价', en: 'listed' },
  reference: { zh: '参考价', en: 'reference' },
};

type Cell = string | number | null;
type Item = TParcel | TBuilding | TFund;

interface Column<T extends Item> {
  /** The create-request field it fills; columns without one are exported only. */
  field?: string;
  zh: string;
  en: string;
  width: number;
  required?: boolean;
  /** Cell text → request value; an error when the text means nothing. */
  read?: (text: string) => { value: unknown } | { error: Bilingual };
  write: (item: T, lang: 'zh' | 'en') => Cell;
}

const text = (t: string) => ({ value: t });
const optionalText = (t: string) => ({ value: t === '' ? null : t });
const decimalText = (t: string) => ({ value: t === '' ? null : t.replace(/,/g, '') });
const intText = (t: string): { value: unknown } | { error: Bilingual } => {
  if (t === '') return { value: null };
  return /^\d+$/.test(t) ? { value: Number(t) } : { error: { zh: '应为整数', en: 'Must be a whole number' } };
};
const boolText = (t: string): { value: unknown } | { error: Bilingual } => {
  if (t === '') return { value: false };
  if (/^(是|y|yes|true|1)$/i.test(t)) return { value: true };
  if (/^(否|n|no|false|0)$/i.test(t)) return { value: false };
  return { error: { zh: '应填“是”或“否”', en: 'Must be yes or no' } };
};
const yesNo = (v: boolean, lang: 'zh' | 'en') => (v ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否');

/** A label (Chinese or English) or the code itself → the code. */
function enumText<K extends string>(labels: Record<K, Bilingual>, what: Bilingual) {
  return (t: string): { value: unknown } | { error: Bilingual } => {
    if (t === '') return { value: undefined };
    const s = t.trim().toLowerCase();
    for (const [key, label] of Object.entries(labels) as [K, Bilingual][]) {
      if (s === key || s === label.zh || s === label.en.toLowerCase()) return { value: key };
    }
    const options = Object.values<Bilingual>(labels);
    return {
      error: {
        zh: `${what.zh}应为：${options.map((o) => o.zh).join('、')}`,
        en: `${what.en} must be one of: ${options.map((o) => o.en).join(', ')}`,
      },
    };
  };
}

/** A list in one cell, separated by 、 , ; or spaces. */
function listText<K extends string>(labels: Record<K, Bilingual> | null, what: Bilingual) {
  return (t: string): { value: unknown } | { error: Bilingual } => {
    const parts = t
      .split(/[、,，;；\s]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (!labels) return { value: parts };
    const out: string[] = [];
    for (const p of parts) {
      const one = enumText(labels, what)(p);
      if ('error' in one) return one;
      out.push(one.value as string);
    }
    return { value: out };
  };
}

const label = (l: Bilingual, lang: 'zh' | 'en') => (lang === 'en' ? l.en : l.zh);

const COMMON_TAIL = <T extends TParcel | TBuilding>(): Column<T>[] => [
  { field: 'address', zh: '地址', en: 'Address', width: 28, read: optionalText, write: (i) => i.address },
  { field: 'lng', zh: '经度', en: 'Longitude', width: 12, read: decimalText, write: (i) => i.lng },
  { field: 'lat', zh: '纬度', en: 'Latitude', width: 12, read: decimalText, write: (i) => i.lat },
  {
    field: 'availableOn',
    zh: '可供日期',
    en: 'Available on',
    width: 12,
    read: optionalText,
    write: (i) => i.availableOn,
  },
];

const PARCEL_COLUMNS: Column<TParcel>[] = [
  { field: 'code', zh: '地块编号', en: 'Parcel code', width: 16, required: true, read: text, write: (p) => p.code },
  { field: 'name', zh: '地块名称', en: 'Parcel name', width: 26, required: true, read: text, write: (p) => p.name },
  {
    field: 'regionCode',
    zh: '行政区划代码',
    en: 'Region code',
    width: 12,
    required: true,
    read: text,
    write: (p) => p.region.code,
  },
  { zh: '所在地区', en: 'Region', width: 16, write: (p) => p.region.name },
  {
    field: 'areaMu',
    zh: '面积(亩)',
    en: 'Area (mu)',
    width: 10,
    required: true,
    read: decimalText,
    write: (p) => p.areaMu,
  },
  {
    field: 'use',
    zh: '用途',
    en: 'Use',
    width: 10,
    required: true,
    read: enumText(LAND_USE_LABELS, { zh: '用途', en: 'Use' }),
    write: (p, l) => label(LAND_USE_LABELS[p.use], l),
  },
  { field: 'zoning', zh: '规划用地性质', en: 'Zoning', width: 16, read: optionalText, write: (p) => p.zoning },
  ...COMMON_TAIL<TParcel>(),
  {
    field: 'priceWanPerMu',
    zh: '价格(万元/亩)',
    en: 'Price (10k yuan/mu)',
    width: 12,
    read: decimalText,
    write: (p) => p.priceWanPerMu,
  },
  {
    field: 'priceKind',
    zh: '价格类型',
    en: 'Price kind',
    width: 10,
    read: enumText(PRICE_KIND_LABELS, { zh: '价格类型', en: 'Price kind' }),
    write: (p, l) => label(PRICE_KIND_LABELS[p.priceKind], l),
  },
  {
    field: 'supplyModes',
    zh: '供地方式',
    en: 'Supply modes',
    width: 20,
    read: listText(SUPPLY_MODE_LABELS, { zh: '供地方式', en: 'Supply mode' }),
    write: (p, l) => p.supplyModes.map((m) => label(SUPPLY_MODE_LABELS[m], l)).join(l === 'en' ? ', ' : '、'),
  },
  {
    field: 'plotRatioMin',
    zh: '容积率下限',
    en: 'Plot ratio min',
    width: 10,
    read: decimalText,
    write: (p) => p.plotRatioMin,
  },
  {
    field: 'plotRatioMax',
    zh: '容积率上限',
    en: 'Plot ratio max',
    width: 10,
    read: decimalText,
    write: (p) => p.plotRatioMax,
  },
  {
    field: 'readyToBuild',
    zh: '拿地即开工',
    en: 'Ready to build',
    width: 10,
    read: boolText,
    write: (p, l) => yesNo(p.readyToBuild, l),
  },
  {
    field: 'published',
    zh: '对外发布',
    en: 'Published',
    width: 10,
    read: boolText,
    write: (p, l) => yesNo(p.published, l),
  },
  { zh: '状态', en: 'Status', width: 8, write: (p) => p.status },
  { zh: '维护单位', en: 'Maintained by', width: 20, write: (p) => p.unit.name },
  { field: 'note', zh: '备注', en: 'Note', width: 24, read: optionalText, write: (p) => p.note },
];

const BUILDING_COLUMNS: Column<TBuilding>[] = [
  {
    field: 'code',
    zh: '楼宇厂房编号',
    en: 'Building code',
    width: 16,
    required: true,
    read: text,
    write: (b) => b.code,
  },
  { field: 'name', zh: '名称', en: 'Name', width: 26, required: true, read: text, write: (b) => b.name },
  {
    field: 'kind',
    zh: '类型',
    en: 'Kind',
    width: 12,
    required: true,
    read: enumText(BUILDING_KIND_LABELS, { zh: '类型', en: 'Kind' }),
    write: (b, l) => label(BUILDING_KIND_LABELS[b.kind], l),
  },
  {
    field: 'regionCode',
    zh: '行政区划代码',
    en: 'Region code',
    width: 12,
    required: true,
    read: text,
    write: (b) => b.region.code,
  },
  { zh: '所在地区', en: 'Region', width: 16, write: (b) => b.region.name },
  {
    field: 'floorAreaM2',
    zh: '建筑面积(平方米)',
    en: 'Floor area (m²)',
    width: 14,
    required: true,
    read: intText,
    write: (b) => b.floorAreaM2,
  },
  { field: 'floors', zh: '层数', en: 'Floors', width: 8, read: intText, write: (b) => b.floors },
  {
    field: 'floorHeightM',
    zh: '层高(米)',
    en: 'Floor height (m)',
    width: 10,
    read: decimalText,
    write: (b) => b.floorHeightM,
  },
  { field: 'loadKnM2', zh: '荷载(kN/㎡)', en: 'Load (kN/m²)', width: 10, read: decimalText, write: (b) => b.loadKnM2 },
  { field: 'craneTons', zh: '行车(吨)', en: 'Crane (t)', width: 10, read: intText, write: (b) => b.craneTons },
  {
    field: 'rentYuanM2Month',
    zh: '租金(元/㎡·月)',
    en: 'Rent (yuan/m²/month)',
    width: 12,
    read: decimalText,
    write: (b) => b.rentYuanM2Month,
  },
  ...COMMON_TAIL<TBuilding>(),
  {
    field: 'published',
    zh: '对外发布',
    en: 'Published',
    width: 10,
    read: boolText,
    write: (b, l) => yesNo(b.published, l),
  },
  { zh: '状态', en: 'Status', width: 8, write: (b) => b.status },
  { zh: '维护单位', en: 'Maintained by', width: 20, write: (b) => b.unit.name },
  { field: 'note', zh: '备注', en: 'Note', width: 24, read: optionalText, write: (b) => b.note },
];

const FUND_COLUMNS: Column<TFund>[] = [
  { field: 'name', zh: '基金名称', en: 'Fund name', width: 30, required: true, read: text, write: (f) => f.name },
  {
    field: 'regionCode',
    zh: '行政区划代码',
    en: 'Region code',
    width: 12,
    required: true,
    read: text,
    write: (f) => f.region.code,
  },
  { zh: '所在地区', en: 'Region', width: 16, write: (f) => f.region.name },
  {
    field: 'sizeWan',
    zh: '规模(万元)',
    en: 'Size (10k yuan)',
    width: 14,
    required: true,
    read: decimalText,
    write: (f) => f.sizeWan,
  },
  {
    field: 'focusIndustries',
    zh: '投资领域',
    en: 'Focus industries',
    width: 26,
    read: listText(null, { zh: '投资领域', en: 'Focus industries' }),
    write: (f, l) => f.focusIndustries.join(l === 'en' ? ', ' : '、'),
  },
  {
    field: 'stages',
    zh: '投资阶段',
    en: 'Stages',
    width: 20,
    read: listText(FUND_STAGE_LABELS, { zh: '投资阶段', en: 'Stage' }),
    write: (f, l) => f.stages.map((s) => label(FUND_STAGE_LABELS[s], l)).join(l === 'en' ? ', ' : '、'),
  },
  { field: 'manager', zh: '管理机构', en: 'Manager', width: 24, read: optionalText, write: (f) => f.manager },
  {
    field: 'published',
    zh: '对外发布',
    en: 'Published',
    width: 10,
    read: boolText,
    write: (f, l) => yesNo(f.published, l),
  },
  { zh: '维护单位', en: 'Maintained by', width: 20, write: (f) => f.unit.name },
  { field: 'note', zh: '备注', en: 'Note', width: 24, read: optionalText, write: (f) => f.note },
];

interface KindSpec {
  sheet: Bilingual;
  columns: Column<Item>[];
  schema: z.ZodTypeAny;
  create: (tx: Db, auth: AuthContext, input: never) => Promise<unknown>;
}

const SPECS: Record<LibraryKind, KindSpec> = {
  parcels: {
    sheet: { zh: '地块', en: 'Parcels' },
    columns: PARCEL_COLUMNS as Column<Item>[],
    schema: ZCreateParcel,
    create: library.createParcel as KindSpec['create'],
  },
  buildings: {
    sheet: { zh: '楼宇厂房', en: 'Buildings' },
    columns: BUILDING_COLUMNS as Column<Item>[],
    schema: ZCreateBuilding,
    create: library.createBuilding as KindSpec['create'],
  },
  funds: {
    sheet: { zh: '基金', en: 'Funds' },
    columns: FUND_COLUMNS as Column<Item>[],
    schema: ZCreateFund,
    create: library.createFund as KindSpec['create'],
  },
};

export const MAX_IMPORT_ROWS = 5000;

export interface ImportRowError {
  row: number;
  column: string;
  zh: string;
  en: string;
}
export type ImportResult = { ok: true; created: number } | { ok: false; errors: ImportRowError[] };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
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

/** Excel keeps floating-point noise (0.1+0.2); a number cell is read to the 6 decimals any column keeps. */
function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

function headerMatches(cell: string, column: { zh: string; en: string }): boolean {
  const norm = (s: string) => s.replace(/\*$/, '').replace(/\s+/g, '').toLowerCase();
  const t = norm(cell);
  return t === norm(column.zh) || t === norm(column.en);
}

async function workbook(spec: KindSpec, lang: 'zh' | 'en', items: Item[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhaoshang 招商引资平台';
  const sheet = book.addWorksheet(`${spec.sheet.zh} ${spec.sheet.en}`, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  sheet.addRow(spec.columns.map((c) => (c.required ? `${c.zh}*` : c.zh)));
  sheet.addRow(spec.columns.map((c) => c.en));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  for (const item of items) sheet.addRow(spec.columns.map((c) => c.write(item, lang)));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An empty workbook with the columns (Chinese headers over English ones; * = required). */
export async function importTemplate(kind: LibraryKind): Promise<Buffer> {
  return workbook(SPECS[kind], 'zh', []);
}

/** The library as filtered, in the import layout, values in the caller's language. */
export async function exportLibrary(
  db: Db,
  auth: AuthContext,
  kind: LibraryKind,
  query: Record<string, unknown>,
  lang: 'zh' | 'en',
): Promise<Buffer> {
  const page = { page: 1, pageSize: null };
  let items: Item[];
  if (kind === 'parcels') {
    const f = ZParcelQuery.parse(query);
    items = (await repo.listParcels(db, auth.scope, f, page)).rows.map(presentParcel);
  } else if (kind === 'buildings') {
    const f = ZBuildingQuery.parse(query);
    items = (await repo.listBuildings(db, auth.scope, f, page)).rows.map(presentBuilding);
  } else {
    const f = ZFundQuery.parse(query);
    items = (await repo.listFunds(db, auth.scope, f, page)).rows.map(presentFund);
  }
  return workbook(SPECS[kind], lang, items);
}

class ImportRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import refused');
  }
}

/**
 * Reads a workbook of one kind, checks every row (cell meanings, then the request schema), and
 * creates every record in one transaction through the library service, so each row meets the same
 * rules as one entered by hand. Any bad cell, here or from the service, and nothing is written.
 */
export async function importLibrary(db: Db, auth: AuthContext, kind: LibraryKind, file: Buffer): Promise<ImportResult> {
  library.requireWriter(auth, kind === 'parcels' ? 'parcel' : kind === 'buildings' ? 'building' : 'fund');
  const spec = SPECS[kind];
  const fileError = (zh: string, en: string) => new AppError('VALIDATION', { fields: [{ field: 'file', zh, en }] });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw fileError('文件不是有效的 Excel (.xlsx) 文件', 'The file is not a valid Excel (.xlsx) file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw fileError('文件没有工作表', 'The file has no sheet');
  const at = new Map<Column<Item>, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const found = spec.columns.find((c) => headerMatches(cellText(cell.value), c));
    if (found && !at.has(found)) at.set(found, col);
  });
  const missing = spec.columns.filter((c) => c.required && !at.has(c));
  if (missing.length) {
    throw new AppError('VALIDATION', {
      fields: missing.map((c) => ({
        field: 'file',
        zh: `缺少“${c.zh}”列（请使用导入模板）`,
        en: `The column "${c.en}" is missing (use the import template)`,
      })),
    });
  }
  const second = sheet.getRow(2);
  const englishRow = [...at].some(([c, col]) => headerMatches(cellText(second.getCell(col).value), c));
  const first = englishRow ? 3 : 2;
  const last = sheet.actualRowCount === 0 ? 0 : (sheet.lastRow?.number ?? 0);
  if (last - first + 1 > MAX_IMPORT_ROWS) {
    throw fileError(`一次最多导入 ${MAX_IMPORT_ROWS} 行`, `At most ${MAX_IMPORT_ROWS} rows can be imported at once`);
  }

  const errors: ImportRowError[] = [];
  const parsed: { row: number; input: unknown }[] = [];
  for (let r = first; r <= last; r++) {
    const row = sheet.getRow(r);
    const texts = new Map([...at].map(([c, col]) => [c, cellText(row.getCell(col).value)]));
    if ([...texts.values()].every((t) => t === '')) continue;
    const unsafe = unsafeCells(
      r,
      [...texts].map(([c, t]) => [c.zh, t] as const),
    );
    if (unsafe.length) {
      errors.push(...unsafe);
      continue;
    }
    const input: Record<string, unknown> = {};
    // Every bad cell is reported: those whose text means nothing, then what the request schema refuses.
    const badFields = new Set<string>();
    for (const [c, t] of texts) {
      if (!c.field || !c.read) continue;
      if (c.required && t === '') {
        errors.push({ row: r, column: c.zh, zh: `“${c.zh}”必填`, en: `"${c.en}" is required` });
        badFields.add(c.field);
        continue;
      }
      const out = c.read(t);
      if ('error' in out) {
        errors.push({ row: r, column: c.zh, zh: out.error.zh, en: out.error.en });
        badFields.add(c.field);
      } else if (out.value !== undefined) input[c.field] = out.value;
    }
    const checked = spec.schema.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (badFields.has(field)) continue;
        const column = spec.columns.find((c) => c.field === field) ?? spec.columns[0]!;
        const [zh, en] = issue.message.includes('|') ? issue.message.split('|') : [issue.message, issue.message];
        errors.push({ row: r, column: column.zh, zh: zh!, en: en! });
      }
      continue;
    }
    if (badFields.size) continue;
    parsed.push({ row: r, input: checked.data });
  }
  if (errors.length) return { ok: false, errors };
  if (parsed.length === 0) throw fileError('文件中没有数据行', 'The file has no data rows');

  try {
    await db.transaction(async (tx) => {
      const rowErrors: ImportRowError[] = [];
      for (const p of parsed) {
        try {
          await spec.create(tx, auth, p.input as never);
        } catch (err) {
          if (!(err instanceof AppError) || (err.code !== 'VALIDATION' && err.code !== 'CONFLICT')) throw err;
          const fields = err.fields.length ? err.fields : [{ field: '', ...(err.detail ?? { zh: '', en: '' }) }];
          for (const f of fields) {
            const name = f.field.replace(/^body\./, '').split('.')[0] ?? '';
            const column = spec.columns.find((c) => c.field === name) ?? spec.columns[0]!;
            rowErrors.push({ row: p.row, column: column.zh, zh: f.zh, en: f.en });
          }
        }
      }
      if (rowErrors.length) throw new ImportRefused(rowErrors);
    });
    return { ok: true, created: parsed.length };
  } catch (err) {
    if (err instanceof ImportRefused) return { ok: false, errors: err.errors };
    throw err;
  }
}
