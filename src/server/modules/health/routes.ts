import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';

export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, engine, version } = app.deps;
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database engine / 健康检查',
        security: [],
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (_req, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ok' as const, database: engine, version };
      } catch {
        return reply.code(503).send({ status: 'degraded' as const, database: engine, version });
      }
    },
  );
};
