/**
 * `npm run audit:verify`: recomputes the audit chain of the configured database.
 * Exit 0 when intact, 1 when a row was changed or removed (naming the first broken seq), 2 on error.
 */
import { verifyAuditChain } from '../modules/audit/service';
import { openForCli, runCli } from './open';

runCli(async () => {
  const database = await openForCli(process.env, { mustExist: true });
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(
        `Audit chain intact: ${report.checked} rows verified. / 审计链完整：已校验 ${report.checked} 条记录。`,
      );
      return 0;
    }
    console.error(
      `Audit chain BROKEN at seq ${report.brokenAt} (${report.reason}); ${report.checked} rows before it are intact. ` +
        `/ 审计链在 seq ${report.brokenAt} 处断裂（${reasonZh(report.reason)}）；此前 ${report.checked} 条记录完整。`,
    );
    return 1;
  } finally {
    await database.close();
  }
});

function reasonZh(reason: string | undefined): string {
  if (reason?.startsWith('link')) return '与上一条记录的链接断开，可能有记录被删除';
  if (reason?.startsWith('row content')) return '记录内容与其哈希不符，可能被篡改';
  return reason ?? '';
}
