import { purgeExpiredSessions } from '../modules/auth/repository';
import type { JobDefinition } from './queue';

/** Every scheduled job of the platform; features add theirs here. */
export const JOB_DEFINITIONS: JobDefinition[] = [
  {
    name: 'sessions.purge',
    cron: '17 3 * * *',
    handler: async ({ db }) => purgeExpiredSessions(db),
  },
];
