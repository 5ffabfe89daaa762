import type { FastifyInstance } from 'fastify';

/** Feature modules register here, one line each. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  void app;
}
