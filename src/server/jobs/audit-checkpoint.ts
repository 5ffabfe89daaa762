import { verifyAuditTrail } from '../modules/audit/checkpoint';
import { defaultAuditCheckpointDir } from '../modules/audit/key';
import type { JobDefinition } from './queue';

/**
 * Daily: verifies the audit chain against its checkpoints and, when it holds, signs a checkpoint of
 * the head into AUDIT_CHECKPOINT_DIR, so a later truncation or rewrite no longer passes unnoticed.
 * A failed verification fails the job (its error names the problem) and writes no checkpoint.
 */
export const auditCheckpointJob: JobDefinition = {
  name: 'audit.checkpoint',
  cron: '40 0 * * *',
  handler: async ({ db, now }) => {
    const report = await verifyAuditTrail(db, { checkpointDir: defaultAuditCheckpointDir(), now });
    if (!report.ok) throw new Error(`${report.message.en} / ${report.message.zh}`);
  },
};
