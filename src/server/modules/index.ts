import type { FastifyInstance } from 'fastify';
import { policyRoutes } from './policies/routes';
import { regionsRoutes } from './regions/routes';

/** Feature modules register here, one line each. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  void app;
  await app.register(regionsRoutes);
  await app.register(policyRoutes);
}
