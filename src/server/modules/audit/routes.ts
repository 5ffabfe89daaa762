import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entityHistory } from './service';

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

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/api/audit',
    {
      config: { action: 'read' },
      schema: {
        tags: ['audit'],
        summary: "An entity's change history / 实体变更记录",
        querystring: z.object({ entity: z.string().min(1).max(40), id: z.string().min(1).max(80) }),
        response: { 200: z.object({ items: z.array(ZAuditRow) }) },
      },
    },
    async (req) => {
      const list = await entityHistory(db, req.auth.scope, req.query.entity, req.query.id);
      return {
        items: list.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          actorId: r.actorId,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
      };
    },
  );
};
