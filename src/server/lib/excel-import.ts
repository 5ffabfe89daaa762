import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { isSafeText, unsafeTextField } from './input';
import { pickLang, problemFrom } from './problem';

/** What the Excel routes share: the workbook type, file names, the upload and the refused-import answer. */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZBinary = z.any().describe('An .xlsx workbook');

/** A download header that keeps a Chinese file name (RFC 6266 `filename*`) with an ASCII fallback. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** One bad cell of an import, in both languages. */
export interface ImportCellError {
  row: number;
  column: string;
  zh: string;
  en: string;
}

function described<T extends z.ZodType>(schema: T, description: string | undefined): T {
  return description ? schema.describe(description) : schema;
}

/**
 * The 400 answer of an all-or-nothing import: a problem+json whose `errors` name each bad cell.
 * `cell` describes the cell fields in the OpenAPI document (`field` with an example of that import).
 */
export function zImportProblem(cell: { field: string; row?: string; column?: string }) {
  return z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    i18n: z.record(z.string(), z.object({ title: z.string(), detail: z.string() })),
    errors: z.array(
      z.object({
        field: z.string().describe(cell.field),
        row: described(z.number().int(), cell.row),
        column: described(z.string(), cell.column),
        'zh-CN': z.string(),
        en: z.string(),
        message: z.string(),
      }),
    ),
  });
}

/**
 * Cells are text the database will store: a cell holding U+0000 or an unpaired surrogate (an
 * .xlsx can carry both, escaped as `_x0000_` / `_xD800_`) is a bad cell of its row, never a 500.
 * `texts` pairs each column header with the cell's text.
 */
export function unsafeCells(row: number, texts: Iterable<readonly [column: string, text: string]>): ImportCellError[] {
  const errors: ImportCellError[] = [];
  for (const [column, text] of texts) {
    if (!isSafeText(text)) {
      errors.push({
        row,
        column,
        zh: '单元格含有空字符（U+0000）或不成对的代理字符，无法保存',
        en: 'The cell holds a NUL (U+0000) or an unpaired surrogate and cannot be stored',
      });
    }
  }
  return errors;
}

/**
 * The bytes of the uploaded workbook (multipart field `file`); a request without one is refused, and
 * so is any multipart text field holding U+0000 or an unpaired surrogate (`multipart.<name>`).
 */
export async function uploadedWorkbook(req: FastifyRequest): Promise<Buffer> {
  const upload = req.isMultipart() ? await req.file() : undefined;
  for (const [name, field] of Object.entries(upload?.fields ?? {})) {
    for (const part of [field ?? []].flat()) {
      const value = part.type === 'field' ? part.value : undefined;
      if (typeof value === 'string' && !isSafeText(value)) {
        throw new AppError('VALIDATION', { fields: [unsafeTextField(`multipart.${name}`)] });
      }
    }
  }
  if (!upload) {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'file', zh: '请上传 Excel 文件（字段名 file）', en: 'Upload an Excel file in the field "file"' },
      ],
    });
  }
  return upload.toBuffer();
}

/**
 * Answers a refused import with 400 problem+json in the caller's language, listing every bad cell.
 * `nothingZh` ends the Chinese detail: 未导入任何{nothingZh}.
 */
export function sendImportErrors(
  req: FastifyRequest,
  reply: FastifyReply,
  cells: readonly ImportCellError[],
  nothingZh: string,
) {
  const lang = pickLang(req.headers['accept-language']);
  const problem = problemFrom(
    'VALIDATION',
    lang,
    {
      zh: `导入文件有 ${cells.length} 处错误，未导入任何${nothingZh}`,
      en: `The file has ${cells.length} error(s); nothing was imported`,
    },
    [],
  );
  const errors = cells.map((e) => ({
    field: `row ${e.row} / ${e.column}`,
    row: e.row,
    column: e.column,
    'zh-CN': e.zh,
    en: e.en,
    message: lang === 'en' ? e.en : e.zh,
  }));
  return reply
    .code(400)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, errors });
}
