/**
 * One server instance in its own worker thread (its own event loop and connection pool), for the
 * scale-out measurement: several instances on one PostgreSQL, as behind a load balancer.
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/client';
import { benchConfig, trackInflight } from './app-config';

export interface InstanceData {
  databaseUrl: string;
}

async function start({ databaseUrl }: InstanceData) {
  const database = await openDatabase({ databaseUrl });
  const app = await buildApp({ database, config: benchConfig({ DATABASE_URL: databaseUrl }), logger: false });
  const inflight = trackInflight(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  parentPort!.on('message', (message: unknown) => {
    if (message === 'inflight') parentPort!.postMessage({ inflight: inflight() });
    if (message !== 'close') return;
    void app
      .close()
      .then(() => database.close())
      .then(() => parentPort!.postMessage({ closed: true }));
  });
  parentPort!.postMessage({ port });
}

if (parentPort && workerData) void start(workerData as InstanceData);
