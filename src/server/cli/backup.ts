/** `npm run db:backup -- FILE`: writes every table to a gzip'd NDJSON file (see db/backup.ts). */
import path from 'node:path';
import { backupTo } from '../db/backup';
import { CliError, openForCli, runCli } from './open';

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new CliError('Usage: npm run db:backup -- FILE / 用法：npm run db:backup -- 文件名');
  const database = await openForCli(process.env, { mustExist: true });
  try {
    const header = await backupTo(database.db, path.resolve(file));
    const total = header.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Backed up ${total} rows of ${header.tables.length} tables (${database.engine}) to ${file}. ` +
        `/ 已将 ${header.tables.length} 张表共 ${total} 行备份至 ${file}。`,
    );
    return 0;
  } finally {
    await database.close();
  }
});
