import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { JOB_DEFINITIONS } from './definitions';
import { enqueue, type JobDefinition, runDueJobs } from './queue';

export interface Scheduler {
  instanceId: string;
  stop(): void;
}

/**
 * Starts the cron timers of this instance. Each tick enqueues the occurrence under a key made
 * of the scheduled minute, so N instances enqueue it once; workers then claim it from the table.
 */
export function startScheduler(
  db: Db,
  log: FastifyBaseLogger,
  definitions: JobDefinition[] = JOB_DEFINITIONS,
): Scheduler {
  const instanceId = randomUUID();
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      const n = await runDueJobs(db, definitions, instanceId);
      if (n) log.info({ jobs: n }, 'jobs ran');
    } catch (err) {
      log.error({ err }, 'job runner failed');
    } finally {
      draining = false;
    }
  };
  const timers = definitions.map(
    (def) =>
      new Cron(def.cron, { protect: true }, async (self: Cron) => {
        const at = self.currentRun() ?? new Date();
        try {
          await enqueue(db, def.name, at.toISOString().slice(0, 16));
        } catch (err) {
          // a database hiccup must not kill the timer; the next tick enqueues again
          log.error({ err, job: def.name }, 'job enqueue failed');
          return;
        }
        await drain();
      }),
  );
  // Jobs enqueued by other means (or left by a crashed instance) are picked up every minute.
  const poll = setInterval(() => void drain(), 60_000);
  poll.unref();
  return {
    instanceId,
    stop() {
      timers.forEach((t) => t.stop());
      clearInterval(poll);
    },
  };
}
