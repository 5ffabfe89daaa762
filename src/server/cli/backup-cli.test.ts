import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client';
import { notifications, users } from '../db/schema';
import { seedDatabase } from '../seed';
import { openTestDatabase, TEST_PASSWORD, TEST_AUDIT_KEY } from '../test/harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-backup-cli-'));
let source: (Database & { url?: string }) | undefined;

afterAll(async () => {
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function command(script: string, args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'TEST_DATABASE_URL']) delete clean[k];
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      // the rows were written under the test processes' audit key; a restore keeps the key it was written with
      env: { ...clean, AUDIT_KEY: TEST_AUDIT_KEY, ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// Child processes boot the whole server and seed it: slow on a loaded 2-core machine.
describe('npm run db:backup / db:restore', { timeout: 240_000 }, () => {
  it('backs up the configured database and restores it into a new data directory, once', async () => {
    let sourceEnv: Record<string, string>;
    if (process.env.TEST_DATABASE_URL) {
      source = await openTestDatabase();
      sourceEnv = { DATABASE_URL: source.url! };
    } else {
      const sourceDir = path.join(dir, 'source');
      source = await openDatabase({ dataDir: sourceDir });
      await seedDatabase(source.db, { adminPassword: TEST_PASSWORD, demoPassword: TEST_PASSWORD, demo: false });
      sourceEnv = { DATA_DIR: sourceDir };
    }
    const [admin] = await source.db.select().from(users);
    await source.db.insert(notifications).values({ userId: admin!.id, kind: 'k', titleZh: '标题', titleEn: 'Title' });
    const expectedUsers = await source.db.$count(users);
    if (!process.env.TEST_DATABASE_URL) {
      await source.close(); // the embedded database is one process's at a time
      source = undefined;
    }

    const file = path.join(dir, 'zhaoshang.ndjson.gz');
    expect(await command('src/server/cli/backup.ts', [], sourceEnv)).toMatchObject({ code: 2 });
    const backedUp = await command('src/server/cli/backup.ts', [file], sourceEnv);
    expect(backedUp.out).toMatch(/Backed up \d+ rows/);
    expect(backedUp.code).toBe(0);

    const targetEnv = { DATA_DIR: path.join(dir, 'restored') };
    const restored = await command('src/server/cli/restore.ts', [file], targetEnv);
    expect(restored.out).toMatch(/Restored \d+ rows/);
    expect(restored.code).toBe(0);

    const again = await command('src/server/cli/restore.ts', [file], targetEnv);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/empty, freshly migrated database.*users/);
    expect(again.out).toMatch(/空数据库/);

    expect((await command('src/server/cli/audit-verify.ts', [], targetEnv)).code).toBe(0);
    const check = await openDatabase({ dataDir: targetEnv.DATA_DIR });
    try {
      expect(await check.db.$count(users)).toBe(expectedUsers);
      expect(await check.db.$count(notifications)).toBe(1);
    } finally {
      await check.close();
    }
  });
});
