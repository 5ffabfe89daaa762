import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPageQuery } from '../../lib/listing';
import { attachment } from '../../lib/excel-import';
import { auditClient } from './service';
import { auditKeyConfigured, checkpointDirOf, configureAudit } from './key';
import { entityHistory, exportTrail, ipOf, listTrail, verifyTrail } from './trail';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ZAuditRow = z.object({
  seq: z.number().int(),
  at: z.string().datetime(),
  actorId: z.string().uuid().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const ZTrailRow = ZAuditRow.extend({
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  ip: z.string().nullable().describe('The source address, where the row recorded one / 来源地址（如有记录）'),
  keyed: z.boolean().describe('Hash is an HMAC under the audit key / 哈希为密钥签名'),
});

const chinaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && v >= '2000-01-01' && v <= '2100-12-31';
  }, '不是有效日期|not a real date');

const ZTrailFilters = z.object({
  user: z.string().uuid().optional().describe('Actor user id / 操作人'),
  username: z.string().min(1).max(64).optional().describe('Actor user name / 操作人用户名'),
  entity: z.string().min(1).max(40).optional(),
  entityId: z.string().min(1).max(80).optional(),
  action: z.string().min(1).max(60).optional().describe('Action, or its prefix such as `auth.` / 操作（可为前缀）'),
  from: chinaDate.optional().describe('From this China date, inclusive / 起始日期（含）'),
  to: chinaDate.optional().describe('To this China date, inclusive / 截止日期（含）'),
  region: z.string().min(1).max(12).optional().describe('Region code; its subtree / 地区（含下级）'),
});

const ZVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  headHash: z.string(),
  checkpointsChecked: z.number().int(),
  problem: z
    .enum([
      'link',
      'content',
      'unkeyed-after-keyed',
      'checkpoint-forged',
      'checkpoint-unreadable',
      'truncated',
      'rewritten',
    ])
    .optional(),
  brokenAt: z.number().int().optional(),
  checkpointFile: z.string().optional().describe('File name of the checkpoint that failed / 未通过的检查点文件'),
  message: z.object({ zh: z.string(), en: z.string() }),
  written: z.string().optional().describe('File name of the checkpoint written / 新写入的检查点文件'),
});

function presentRow(r: {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  // The key is set once per process; a server started through main.ts has set it before seeding.
  if (!auditKeyConfigured()) configureAudit(config);
  const checkpointDir = checkpointDirOf(config);

  app.get(
    '/api/audit',
    {
      // Readers of the entity, or the audit administrator: decided per entity in entityHistory.
      config: { action: 'signed-in' },
      schema: {
        tags: ['audit'],
        summary: "An entity's change history, for whoever may read the entity / 实体变更记录（可查看该对象者）",
        querystring: z.object({ entity: z.string().min(1).max(40), id: z.string().min(1).max(80) }),
        response: { 200: z.object({ items: z.array(ZAuditRow) }) },
      },
    },
    async (req) => {
      const list = await entityHistory(db, req.auth, req.query.entity, req.query.id, auditClient(req));
      return { items: list.map(presentRow) };
    },
  );

  app.get(
    '/api/audit/log',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (audit administrator) / 审计记录（审计管理员）',
        querystring: ZTrailFilters.extend(ZPageQuery),
        response: {
          200: z.object({
            items: z.array(ZTrailRow),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const result = await listTrail(db, req.auth, req.query, auditClient(req));
      return {
        items: result.rows.map((r) => ({
          ...presentRow(r),
          actorName: r.actorName,
          actorUsername: r.actorUsername,
          regionCode: r.regionCode,
          regionName: r.regionName,
          ip: ipOf(r.after),
          keyed: r.keyed,
        })),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/log/export',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit trail as Excel (itself recorded) / 导出审计记录（导出本身留痕）',
        querystring: ZTrailFilters,
        produces: [XLSX],
        response: { 200: z.any().describe('An .xlsx workbook with bilingual headers / 双语表头的 Excel 文件') },
      },
    },
    async (req, reply) => {
      const file = await exportTrail(db, req.auth, req.query, auditClient(req));
      return reply.type(XLSX).header('content-disposition', attachment('审计记录-audit-trail.xlsx')).send(file);
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'Verify the audit chain and its signed checkpoints; writes a new checkpoint when it holds / 校验审计链与签名检查点',
        response: { 200: ZVerifyResult },
      },
    },
    async (req) => {
      const report = await verifyTrail(db, req.auth, checkpointDir, auditClient(req));
      return {
        ...report,
        checkpointFile: report.checkpointFile?.split(/[\\/]/).pop(),
        written: report.written?.split(/[\\/]/).pop(),
      };
    },
  );
};
