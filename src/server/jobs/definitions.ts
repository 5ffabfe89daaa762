import { purgeExpiredSessions } from '../modules/auth/service';
import { runCoordinationDaily } from '../modules/coordination/service';
import { runReservationsDaily } from '../modules/factors/reservations.service';
import { chinaDate } from '../../domain/reporting';
import { runOverdueReportsJob, runStalledProjectsJob } from '../modules/projects/reports.service';
import { runObligationMonitor } from '../modules/services/service';
import { runTicketEscalation } from '../modules/services/tickets.service';
import { auditCheckpointJob } from './audit-checkpoint';
import type { JobDefinition } from './queue';
import { rateLimitPurgeJob } from './rate-limit-purge';

/** Every scheduled job of the platform; features add theirs here. */
export const JOB_DEFINITIONS: JobDefinition[] = [
  auditCheckpointJob,
  {
    // Obligations marked due/met/late/breached (履约提醒函 for late ones); overdue tickets to the coordination list.
    name: 'services.daily',
    cron: '20 6 * * *',
    handler: async ({ db, now }) => {
      await runObligationMonitor(db, chinaDate(now));
      await runTicketEscalation(db, chinaDate(now));
    },
  },
  {
    name: 'sessions.purge',
    cron: '17 3 * * *',
    handler: async ({ db }) => purgeExpiredSessions(db),
  },
  rateLimitPurgeJob,
  {
    // Exclusivity windows ending in 7 days, and escalated projects still missing 三个一.
    name: 'coordination.daily',
    cron: '10 1 * * *',
    handler: async ({ db, now }) => {
      await runCoordinationDaily(db, now);
    },
  },
  {
    name: 'reports.overdue',
    cron: '0 8 * * *',
    handler: async ({ db, now }) => {
      await runOverdueReportsJob(db, chinaDate(now));
    },
  },
  {
    name: 'projects.stalled',
    cron: '30 7 * * *',
    handler: async ({ db, now }) => {
      await runStalledProjectsJob(db, chinaDate(now));
    },
  },
  {
    // Factor holds: notice first, then release on expiry or for stalled/terminated projects (after projects.stalled).
    name: 'factors.reservations',
    cron: '45 7 * * *',
    handler: async ({ db, now }) => {
      await runReservationsDaily(db, chinaDate(now));
    },
  },
];
