import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { attachment, sendImportErrors, uploadedWorkbook, XLSX, ZBinary, zImportProblem } from '../../lib/excel-import';
import { pickLang } from '../../lib/problem';
import { auditClient, recordExport } from '../audit/service';
import * as excel from './excel.service';

const ZKind = z.object({ kind: z.enum(['parcels', 'buildings', 'funds']) });
const NAMES = {
  parcels: { zh: '地块', en: 'parcels' },
  buildings: { zh: '楼宇厂房', en: 'buildings' },
  funds: { zh: '产业基金', en: 'funds' },
} as const;

const ZImportResult = z.object({ created: z.number().int() });
const ZImportProblem = zImportProblem({ field: "'row 5 / 面积(亩)'" });

/** Excel template, all-or-nothing import and export of the supply library. */
export const factorExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/factors/excel/:kind/import-template',
    {
      config: { action: 'read' },
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
      config: { action: 'read' },
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
      await recordExport(
        db,
        req.auth,
        { what: `factors.${req.params.kind}`, filters: req.query, name },
        auditClient(req),
      );
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
    },
  );

  app.post(
    '/api/factors/excel/:kind/import',
    {
      config: { action: 'project.write' },
      schema: {
        tags: ['factors'],
        summary: 'Import the supply library from Excel, all or nothing / 从 Excel 导入要素库',
        params: ZKind,
        consumes: ['multipart/form-data'],
        response: { 201: ZImportResult, 400: ZImportProblem },
      },
    },
    async (req, reply) => {
      const result = await excel.importLibrary(db, req.auth, req.params.kind, await uploadedWorkbook(req));
      if (result.ok) return reply.code(201).send({ created: result.created });
      return sendImportErrors(req, reply, result.errors, '记录');
    },
  );
};
