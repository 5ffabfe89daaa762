import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { pickLang, problemFrom } from '../../lib/problem';
import * as excel from './excel.service';
import { PROJECT_SORTS, ZProjectFilters } from './schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZBinary = z.any().describe('An .xlsx workbook');

const ZImportResult = z.object({ created: z.number().int().describe('How many projects were created') });
const ZImportProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  i18n: z.record(z.string(), z.object({ title: z.string(), detail: z.string() })),
  errors: z.array(
    z.object({
      field: z.string().describe("'row 5 / 总投资(万元)'"),
      row: z.number().int().describe('The spreadsheet row number'),
      column: z.string().describe('The column header'),
      'zh-CN': z.string(),
      en: z.string(),
      message: z.string(),
    }),
  ),
});

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Excel import template, import and export of projects. */
export const projectExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/projects/import-template',
    {
      schema: {
        tags: ['projects'],
        summary: 'Excel template for importing projects / 项目导入模板',
        produces: [XLSX],
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const file = await excel.importTemplate(db, req.auth);
      return reply.type(XLSX).header('content-disposition', attachment('项目导入模板.xlsx')).send(file);
    },
  );

  app.post(
    '/api/projects/import',
    {
      schema: {
        tags: ['projects'],
        summary: 'Import projects from an Excel ledger, all or nothing / 从 Excel 台账导入项目',
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
      const result = await excel.importProjects(db, req.auth, await upload.toBuffer());
      if (result.ok) return reply.code(201).send({ created: result.created });
      const lang = pickLang(req.headers['accept-language']);
      const problem = problemFrom(
        'VALIDATION',
        lang,
        {
          zh: `导入文件有 ${result.errors.length} 处错误，未导入任何项目`,
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

  app.get(
    '/api/projects/export',
    {
      schema: {
        tags: ['projects'],
        summary: 'Export the filtered project list to Excel / 导出项目清单',
        querystring: ZProjectFilters.extend({ sort: z.enum(PROJECT_SORTS).optional() }),
        produces: [XLSX],
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const lang = pickLang(req.headers['accept-language']);
      const file = await excel.exportProjects(db, req.auth, req.query, lang);
      const name = lang === 'en' ? 'projects.xlsx' : '项目清单.xlsx';
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );
};
