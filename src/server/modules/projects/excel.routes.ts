import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, sendImportErrors, uploadedWorkbook, XLSX, ZBinary, zImportProblem } from '../../lib/excel-import';
import { pickLang } from '../../lib/problem';
import { auditClient, recordExport } from '../audit/service';
import * as excel from './excel.service';
import { PROJECT_SORTS, ZProjectFilters } from './schema';

const ZImportResult = z.object({ created: z.number().int().describe('How many projects were created') });
const ZImportProblem = zImportProblem({
  field: "'row 5 / 总投资(万元)'",
  row: 'The spreadsheet row number',
  column: 'The column header',
});

/** Excel import template, import and export of projects. */
export const projectExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/projects/import-template',
    {
      config: { action: 'read' },
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
      config: { action: 'project.write' },
      schema: {
        tags: ['projects'],
        summary: 'Import projects from an Excel ledger, all or nothing / 从 Excel 台账导入项目',
        consumes: ['multipart/form-data'],
        response: { 201: ZImportResult, 400: ZImportProblem },
      },
    },
    async (req, reply) => {
      const result = await excel.importProjects(db, req.auth, await uploadedWorkbook(req));
      if (result.ok) return reply.code(201).send({ created: result.created });
      return sendImportErrors(req, reply, result.errors, '项目');
    },
  );

  app.get(
    '/api/projects/export',
    {
      config: { action: 'read' },
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
      await recordExport(db, req.auth, { what: 'projects', filters: req.query, name }, auditClient(req));
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );
};
