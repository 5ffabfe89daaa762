/**
 * `npm run audit:verify`: recomputes the audit chain of the configured database (HMAC rows under
 * the audit key, sha256 rows before it) and compares it with every signed checkpoint in
 * AUDIT_CHECKPOINT_DIR; when everything holds, signs a new checkpoint of the head.
 * Exit 0 when intact, 1 when rows were changed, removed, cut off or a checkpoint is forged, 2 on error.
 */
import { loadConfig } from '../config';
import { verifyAuditTrail } from '../modules/audit/checkpoint';
import { checkpointDirOf, configureAudit } from '../modules/audit/key';
import { openForCli, runCli } from './open';

runCli(async () => {
  const config = loadConfig(process.env);
  const database = await openForCli(process.env, { mustExist: true });
  try {
    configureAudit(config);
    const report = await verifyAuditTrail(database.db, { checkpointDir: checkpointDirOf(config) });
    if (report.ok) {
      console.log(
        `${report.message.en} ${report.checkpointsChecked} checkpoint(s) match. / ${report.message.zh}` +
          `${report.checkpointsChecked} 个检查点一致。`,
      );
      return 0;
    }
    console.error(`${report.message.en} / ${report.message.zh}`);
    return 1;
  } finally {
    await database.close();
  }
});
