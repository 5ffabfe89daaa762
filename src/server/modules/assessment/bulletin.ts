import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { TRanking } from './schema';

/**
 * The monthly bulletin (月通报) and quarterly ranking (季度排名) as Word and Excel files in the
 * official style (GB/T 9704 fonts and margins): a table of regions with values, completion rates,
 * scores and ranks, then highlights (the leaders) and laggards (the last and those flagged).
 * The public version (portal) leaves out the internal flags: reminder talks and false data.
 */

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const BODY_SIZE = 32; // 三号
const TABLE_SIZE = 21; // 五号 (10.5pt)
const INDENT = 640;
const LINE = 560;

const KIND_TITLE: Record<TRanking['kind'], string> = {
  month: '招商引资工作月度通报',
  quarter: '招商引资工作季度综合排名',
  half: '招商引资工作半年督查通报',
  year: '招商引资工作年终总评',
};

const RATING_ZH = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;

export interface BulletinOptions {
  audience: 'internal' | 'public';
}

/** "2024-Q1" → "2024年第一季度", "2024-03" → "2024年3月". */
export function periodLabel(r: Pick<TRanking, 'period' | 'kind'>): string {
  const [y, rest] = r.period.split('-');
  if (r.kind === 'year') return `${y}年度`;
  if (r.kind === 'month') return `${y}年${Number(rest)}月`;
  if (r.kind === 'quarter') return `${y}年第${'一二三四'[Number(rest!.slice(1)) - 1]}季度`;
  return `${y}年${rest === 'H1' ? '上半年' : '下半年'}`;
}

export function bulletinTitle(r: TRanking): string {
  return `${r.region.name}${periodLabel(r)}${KIND_TITLE[r.kind]}`;
}

const pct = (v: string | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
const show = (v: string | null | undefined) => (v === null || v === undefined ? '—' : v);

/** The value a reader sees: the frozen figure, and the correction beside it when there is one. */
function shownValue(r: TRanking, region: string, key: string, value: string | null): string {
  const c = [...r.corrections].reverse().find((x) => x.regionCode === region && x.indicator === key);
  return c ? `${show(value)}（更正为${c.correctedValue}）` : show(value);
}

function highlights(r: TRanking): { good: string[]; laggards: string[] } {
  const ranked = r.rows.filter((x) => x.rank !== null);
  const good = ranked.slice(0, 3).map((x) => `${x.region.name}（第${x.rank}名，得分${x.score}）`);
  const last = Math.max(0, ...ranked.map((x) => x.rank ?? 0));
  const laggards = ranked
    .filter((x) => x.rank === last && ranked.length > 1)
    .map((x) => `${x.region.name}（第${x.rank}名，得分${x.score}）`);
  return { good, laggards };
}

function para(
  text: string,
  options: {
    indent?: boolean;
    font?: string;
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  } = {},
) {
  const font = options.font ?? BODY_FONT;
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    spacing: { line: LINE, lineRule: 'exact' },
    children: [new TextRun({ text, font: { eastAsia: font, ascii: font }, size: BODY_SIZE, bold: options.bold })],
  });
}

function cell(text: string, header = false): TableCell {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text,
            size: TABLE_SIZE,
            bold: header,
            font: { eastAsia: header ? HEADING_FONT : BODY_FONT, ascii: BODY_FONT },
          }),
        ],
      }),
    ],
  });
}

/** Header and body rows of the ranking table (shared by Word and Excel). */
export function rankingTable(r: TRanking, options: BulletinOptions): string[][] {
  const header = ['排名', '地区'];
  for (const ind of r.indicators) header.push(`${ind.name.zh}`, `${ind.name.zh}完成率`);
  header.push('综合得分');
  if (options.audience === 'internal') header.push('等次', '备注');
  const body = r.rows.map((row) => {
    const line = [row.rank === null ? '—' : String(row.rank), row.region.name];
    for (const ind of r.indicators)
      line.push(shownValue(r, row.region.code, ind.key, row.values[ind.key] ?? null), pct(row.completion[ind.key]));
    line.push(show(row.score));
    if (options.audience === 'internal') {
      const notes = [row.capped?.zh, row.falseData ? '抽样核查发现虚假数据' : null, row.reminder?.zh].filter(Boolean);
      line.push(row.rating ? RATING_ZH[row.rating] : '—', notes.join('；'));
    }
    return line;
  });
  return [header, ...body];
}

export async function bulletinDocx(r: TRanking, options: BulletinOptions): Promise<Buffer> {
  const title = bulletinTitle(r) + (options.audience === 'public' ? '（公开版）' : '');
  const table = rankingTable(r, options);
  const { good, laggards } = highlights(r);
  const corrections = r.corrections.map((c) => {
    const region = r.rows.find((x) => x.region.code === c.regionCode)?.region.name ?? c.regionCode;
    const ind = r.indicators.find((i) => i.key === c.indicator)?.name.zh ?? c.indicator;
    return para(`${region}${ind}由${show(c.previousValue)}更正为${c.correctedValue}（${c.reason}）。`);
  });
  const doc = new Document({
    creator: r.region.name,
    title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 400, after: 400 },
            children: [new TextRun({ text: title, font: { eastAsia: TITLE_FONT, ascii: TITLE_FONT }, size: 44 })],
          }),
          para(
            `现将${periodLabel(r)}（统计期间${r.from}至${r.to}，对照年度目标任务）各地招商引资主要指标完成情况通报如下。` +
              (r.status === 'closed'
                ? `本期数据已于${r.closedAt!.slice(0, 10)}关账。`
                : '本期尚未关账，数据为实时统计。'),
          ),
          para('一、主要指标完成情况及排名', { font: HEADING_FONT, indent: true }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: table.map(
              (line, i) => new TableRow({ tableHeader: i === 0, children: line.map((t) => cell(t, i === 0)) }),
            ),
          }),
          para('二、工作亮点', { font: HEADING_FONT }),
          para(good.length ? `排名靠前的是：${good.join('、')}。` : '本期暂无可排名地区。'),
          para('三、工作滞后', { font: HEADING_FONT }),
          para(laggards.length ? `排名末位的是：${laggards.join('、')}，请加快推进。` : '本期无排名末位地区。'),
          ...(options.audience === 'internal'
            ? r.rows
                .filter((x) => x.reminder || x.falseData)
                .map((x) =>
                  para(
                    `${x.region.name}：${[x.falseData ? '抽样核查发现虚假数据，不得评定为优秀' : null, x.reminder?.zh].filter(Boolean).join('；')}。`,
                  ),
                )
            : []),
          ...(corrections.length ? [para('四、数据更正', { font: HEADING_FONT }), ...corrections] : []),
          new Paragraph({ children: [] }),
          para(r.region.name, { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function bulletinXlsx(r: TRanking, options: BulletinOptions): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = r.region.name;
  const sheet = book.addWorksheet(r.kind === 'month' ? '月度通报' : '排名');
  const table = rankingTable(r, options);
  const width = table[0]!.length;
  sheet.mergeCells(1, 1, 1, width);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = bulletinTitle(r) + (options.audience === 'public' ? '（公开版）' : '');
  titleCell.font = { name: TITLE_FONT, size: 18 };
  titleCell.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value =
    `统计期间 ${r.from} 至 ${r.to}${r.status === 'closed' ? `，${r.closedAt!.slice(0, 10)} 关账` : '，未关账'}`;
  table.forEach((line, i) => {
    const row = sheet.addRow(line);
    row.eachCell((c) => {
      c.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (i === 0) c.font = { name: HEADING_FONT, bold: true };
    });
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 1 ? 16 : 14;
  });
  if (r.corrections.length) {
    const c = book.addWorksheet('数据更正');
    c.addRow(['地区', '指标', '原数', '更正为', '原因', '更正时间']);
    for (const x of r.corrections) {
      c.addRow([
        r.rows.find((row) => row.region.code === x.regionCode)?.region.name ?? x.regionCode,
        r.indicators.find((i) => i.key === x.indicator)?.name.zh ?? x.indicator,
        x.previousValue ?? '',
        x.correctedValue,
        x.reason,
        x.correctedAt.slice(0, 10),
      ]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
