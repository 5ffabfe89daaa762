import { purgeExpiredRateLimits } from '../lib/rate-limit';
import type { JobDefinition } from './queue';

/** Counters of ended rate-limit windows are dead weight: drop them every quarter hour, in batches. */
export const rateLimitPurgeJob: JobDefinition = {
  name: 'rate-limits.purge',
  cron: '*/15 * * * *',
  handler: async ({ db, now }) => {
    await purgeExpiredRateLimits(db, now);
  },
};
