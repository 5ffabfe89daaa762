import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { type Database, openDatabase } from '../db/client';

export class CliError extends Error {}

/**
 * Opens the database the server uses (DATABASE_URL, else PGlite in DATA_DIR). PGlite is one
 * process per directory, so the command takes the server's lock and refuses while a server holds
 * it: reading beside a running server could see, or cause, diverging files.
 */
export async function openForCli(
  env: NodeJS.ProcessEnv = process.env,
  options: { mustExist?: boolean } = {},
): Promise<Database> {
  const config = loadConfig(env);
  if (config.DATABASE_URL) return openDatabase({ databaseUrl: config.DATABASE_URL });
  const dataDir = path.resolve(config.DATA_DIR);
  if (options.mustExist && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new CliError(
      `No database in ${dataDir}; set DATA_DIR or DATABASE_URL. / ${dataDir} 中没有数据库，请设置 DATA_DIR 或 DATABASE_URL。`,
    );
  }
  try {
    return await openDatabase({ dataDir, lock: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/in use by process/.test(message)) {
      throw new CliError(
        `The server is running on ${dataDir}; stop it first (the embedded database allows one process). ` +
          `/ 服务正在使用数据目录 ${dataDir}，请先停止服务再执行（内置数据库只允许一个进程访问）。\n${message}`,
      );
    }
    throw err;
  }
}

/** Runs a command body; a failure prints its message (no stack for expected errors) and exits 2. */
export function runCli(body: () => Promise<number>): void {
  body().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(2);
    },
  );
}
