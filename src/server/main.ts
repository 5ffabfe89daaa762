import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { startScheduler } from './jobs/scheduler';
import { configureAudit } from './modules/audit/key';
import { seedDatabase } from './seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.resolve(config.DATA_DIR) });
  // The audit key before the first audit row (seeding writes some): read, or generated into DATA_DIR.
  const auditKeySource = configureAudit(config);
  const seed = await seedDatabase(database.db, {
    adminPassword: config.ADMIN_PASSWORD,
    demoPassword: config.DEMO_PASSWORD,
    demo: config.SEED_DEMO,
  });
  const app = await buildApp({ database, config, webDir: path.join(root, 'dist/web') });
  if (auditKeySource.source === 'data-dir' && database.engine !== 'pglite') {
    app.log.warn(
      { keyFile: auditKeySource.path },
      'The audit key is kept in the data directory; set AUDIT_KEY or AUDIT_KEY_FILE to a key held apart from the database server / 审计密钥保存在数据目录中，请设置 AUDIT_KEY 或 AUDIT_KEY_FILE，将密钥与数据库分开保管',
    );
  }
  if (seed.generatedAdminPassword) {
    // Printed once, on the console only: the log never holds it.
    process.stdout.write(
      `\n  admin password / 管理员初始密码: ${seed.generatedAdminPassword}\n  (set ADMIN_PASSWORD to choose it)\n\n`,
    );
  }
  const scheduler = config.JOBS ? startScheduler(database.db, app.log) : undefined;
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ engine: database.engine, port: config.PORT }, 'Zhaoshang is serving / 招商平台已启动');

  const stop = async () => {
    scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
