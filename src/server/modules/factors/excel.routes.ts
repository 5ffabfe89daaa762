import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { pickLang, problemFrom } from '../../lib/problem';
import * as excel from './excel.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZBinary = z.any().describe('An .xlsx workbook');
const ZKind = z.object({ kind: z.enum(['parcels', 'buildings', 'funds']) });
const NAMES = {
  parcels: { zh: '地块', en: 'parcels' },
  buildings: { zh: '楼宇厂房', en: 'buildings' },
  funds: { zh: '产业基金', en: 'funds' },
} as const;

const ZImportResult = z.object({ created: z.number().int() });
const ZImportProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  i18n: z.record(z.string(), z.object({ title: z.string(), detail: z.string() })),
  errors: z.array(
    z.object({
      field: z.string().describe("'row 5 / 面积(亩)'"),
      row: z.number().int(),
      column: z.string(),
      'zh-CN': z.string(),
      en: z.string(),
      message: z.string(),
    }),
  ),
});

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Excel template, all-or-nothing import and export of the supply library. */
export const factorExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/factors/excel/:kind/import-template',
    {
      schema: {
        tags: ['factors'],
        summary: 'Excel template for the supply library / 要素库导入模板',
        params: ZKind,
        produces: [XLSX],
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const file = await excel.importTemplate(req.params.kind);
      const name = `${NAMES[req.params.kind].zh}导入模板.xlsx`;
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );

  app.get(
    '/api/factors/excel/:kind/export',
    {
      schema: {
        tags: ['factors'],
        summary: 'Export the filtered supply library to Excel / 导出要素库',
        params: ZKind,
        querystring: z
          .object(
            Object.fromEntries(
              [
                'q',
                'regionCode',
                'use',
                'status',
                'minMu',
                'maxMu',
                'readyToBuild',
                'supplyMode',
                'published',
                'kind',
                'minM2',
                'maxM2',
                'crane',
                'stage',
                'industry',
              ].map((k) => [k, z.string().optional()]),
            ),
          )
          .describe('The list filters of that kind (see GET /api/factors/parcels, /buildings, /funds)'),
        produces: [XLSX],
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const lang = pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh';
      let file: Buffer;
      try {
        file = await excel.exportLibrary(db, req.auth, req.params.kind, req.query as Record<string, unknown>, lang);
      } catch (err) {
        if (err instanceof z.ZodError) {
          throw new AppError('VALIDATION', {
            fields: err.issues.map((i) => ({
              field: `querystring.${i.path.join('.')}`,
              zh: i.message.split('|')[0] ?? i.message,
              en: i.message.split('|')[1] ?? i.message,
            })),
          });
        }
        throw err;
      }
      const name = lang === 'en' ? `${NAMES[req.params.kind].en}.xlsx` : `${NAMES[req.params.kind].zh}清单.xlsx`;
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );

  app.post(
    '/api/factors/excel/:kind/import',
    {
      schema: {
        tags: ['factors'],
        summary: 'Import the supply library from Excel, all or nothing / 从 Excel 导入要素库',
        params: ZKind,
        consumes: ['multipart/form-data'],
        response: { 201: ZImportResult, 400: ZImportProblem },
      },
    },
    async (req, reply) => {
      const upload = req.isMultipart() ? await req.file() : undefined;
      if (!upload) {
        throw new AppError('VALIDATION', {
          fields: [
            { field: 'file', zh: '请上传 Excel 文件（字段名 file）', en: 'Upload an Excel file in the field "file"' },
          ],
        });
      }
      const result = await excel.importLibrary(db, req.auth, req.params.kind, await upload.toBuffer());
      if (result.ok) return reply.code(201).send({ created: result.created });
      const lang = pickLang(req.headers['accept-language']);
      const problem = problemFrom(
        'VALIDATION',
        lang,
        {
          zh: `导入文件有 ${result.errors.length} 处错误，未导入任何记录`,
          en: `The file has ${result.errors.length} error(s); nothing was imported`,
        },
        [],
      );
      const errors = result.errors.map((e) => ({
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
    },
  );
};
