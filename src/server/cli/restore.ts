/**
 * `npm run db:restore -- FILE`: restores a backup into the configured database, which must be
 * empty and freshly migrated (a new DATA_DIR, or a new PostgreSQL database). Start the server
 * afterwards; it finds the restored data and seeds nothing.
 */
import path from 'node:path';
import { BackupError, restoreFrom } from '../db/backup';
import { CliError, openForCli, runCli } from './open';

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new CliError('Usage: npm run db:restore -- FILE / 用法：npm run db:restore -- 文件名');
  const database = await openForCli(process.env);
  try {
    const header = await restoreFrom(database.db, path.resolve(file));
    const total = header.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Restored ${total} rows of ${header.tables.length} tables (backup of ${header.createdAt}, version ${header.appVersion}) into ${database.engine}. ` +
        `/ 已恢复 ${header.tables.length} 张表共 ${total} 行（备份时间 ${header.createdAt}，版本 ${header.appVersion}）。`,
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message);
    throw err;
  } finally {
    await database.close();
  }
});
