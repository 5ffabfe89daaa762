import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPolicyPack } from '../../../domain/policy';
import { ZDate } from '../../lib/input';
import { effectivePolicy, loadPolicyPacks } from './service';

const ZResolved = z.object({
  value: z.unknown(),
  source: z.string(),
  packId: z.string().nullable(),
  regionCode: z.string().nullable(),
});

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  loadPolicyPacks();

  app.get(
    '/api/policies',
    {
      config: { action: 'read' },
      schema: {
        tags: ['policies'],
        summary: 'Policy packs of every jurisdiction / 各地政策包',
        response: { 200: z.object({ items: z.array(ZPolicyPack) }) },
      },
    },
    async () => ({ items: loadPolicyPacks() }),
  );

  app.get(
    '/api/policies/effective',
    {
      config: { action: 'read' },
      schema: {
        tags: ['policies'],
        summary: 'Resolved policy for a region on a date, with sources / 某地某日适用的政策参数及出处',
        querystring: z.object({
          region: z.string().min(2).max(12),
          date: ZDate.optional(),
        }),
        response: {
          200: z.object({ region: z.string(), date: z.string(), params: z.record(z.string(), ZResolved) }),
        },
      },
    },
    async (req) => {
      const date = req.query.date ?? new Date().toISOString().slice(0, 10);
      const params = await effectivePolicy(db, req.query.region, date);
      return { region: req.query.region, date, params: params as Record<string, z.infer<typeof ZResolved>> };
    },
  );
};
