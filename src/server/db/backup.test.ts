import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../modules/audit/service';
import { openTestDatabase } from '../test/harness';
import { backupTo, listTables, readBackupHeader, restoreFrom } from './backup';
import { type Database, type Db, openDatabase, rows } from './client';
import { jobs, notifications, units, users } from './schema';

const serverUrl = process.env.TEST_DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-backup-'));
const opened: Database[] = [];

/** A migrated database with no rows at all: what a restore starts from. */
async function emptyDatabase(engine: 'pglite' | 'postgres'): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    opened.push(database);
    return database;
  }
  const name = `zs_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const withDrop: Database = {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  opened.push(withDrop);
  return withDrop;
}

/** Every row of every table as the database prints it, time zone fixed so engines compare. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(tx)) {
      const list = await rows<{ j: string }>(
        tx,
        sql.raw(`select row_to_json(t)::text as j from "${t.name}" t order by row_to_json(t)::text`),
      );
      out[t.name] = list.map((r) => r.j);
    }
    return out;
  });
}

let source: Database;
beforeAll(async () => {
  source = await openTestDatabase();
  opened.push(source);
  const db = source.db;
  const [unit] = await db.select().from(units).limit(1);
  const [user] = await db
    .insert(users)
    .values({
      username: 'backup_officer',
      displayName: '备份测试员',
      role: 'officer',
      unitId: unit!.id,
      passwordHash: 'x',
    })
    .returning();
  await db.insert(notifications).values({
    userId: user!.id,
    kind: 'project.transfer',
    titleZh: '项目流转待处理',
    titleEn: 'A project transfer awaits you',
    bodyZh: '引号 " 反斜杠 \\ 换行\n结束',
    bodyEn: 'quote " backslash \\ newline\nend',
    entity: 'project',
    entityId: 'p-1',
  });
  await db.insert(jobs).values({ name: 'sessions.purge', dedupeKey: '2025-01-01T03:17', payload: { n: 1 } });
  for (let i = 0; i < 3; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: user!.id,
        action: 'user.update',
        entity: 'user',
        entityId: user!.id,
        regionCode: unit!.regionCode,
        before: { displayName: '旧名', n: i },
        after: { displayName: '新名', n: i + 1, nested: { list: [1, '二', null] } },
      }),
    );
  }
});

afterAll(async () => {
  for (const d of opened.reverse()) await d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a gzip NDJSON file whose header lists migrations and every table with its row count', async () => {
    const file = path.join(dir, 'header.ndjson.gz');
    await backupTo(source.db, file);
    const header = await readBackupHeader(file);
    expect(header.format).toBe('zhaoshang-backup');
    expect(header.migrations).toContain('0001_core');
    const names = header.tables.map((t) => t.name);
    expect(names).not.toContain('__drizzle_migrations');
    for (const t of ['regions', 'units', 'users', 'audit_log', 'notifications', 'jobs', 'meta'])
      expect(names).toContain(t);
    // parents before children
    expect(names.indexOf('regions')).toBeLessThan(names.indexOf('units'));
    expect(names.indexOf('units')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('notifications'));
    expect(header.tables.find((t) => t.name === 'notifications')!.rows).toBe(1);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text.trim().split('\n').length).toBe(
      1 + header.tables.length + header.tables.reduce((n, t) => n + t.rows, 0),
    );
  });

  it('restores into a fresh database (and across engines and back) with every row equal and the audit chain intact', async () => {
    const before = await snapshot(source.db);
    const auditRows = before.audit_log!.length;
    expect(auditRows).toBeGreaterThanOrEqual(4);

    // source → the other engine (PGlite when the source is PostgreSQL) → a fresh database like the source
    const middle = await emptyDatabase('pglite');
    const first = path.join(dir, 'first.ndjson.gz');
    await backupTo(source.db, first);
    await restoreFrom(middle.db, first);
    expect(await snapshot(middle.db)).toEqual(before);

    const second = path.join(dir, 'second.ndjson.gz');
    await backupTo(middle.db, second);
    const target = await emptyDatabase(source.engine);
    await restoreFrom(target.db, second);
    const after = await snapshot(target.db);
    for (const table of Object.keys(before)) expect(after[table]!.length, table).toBe(before[table]!.length);
    expect(after).toEqual(before);

    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: auditRows });

    // sequences moved past the restored ids: the chain keeps growing without a key clash
    const [admin] = await target.db.select().from(users).where(eq(users.username, 'admin'));
    await target.db.transaction((tx) =>
      recordAudit(tx, { actorId: admin!.id, action: 'test', entity: 'user', entityId: admin!.id, regionCode: null }),
    );
    await target.db.insert(jobs).values({ name: 'sessions.purge', dedupeKey: 'after-restore' });
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: auditRows + 1 });
  });

  it('keeps numeric, microsecond timestamps and dates exact, orders self-referencing rows and resets sequences', async () => {
    // a table of the kind later features add, created on both sides as a migration would
    const probe = sql.raw(`create table backup_probe (
      id bigserial primary key,
      parent_id bigint references backup_probe(id),
      amount_wan numeric(20, 6) not null,
      signed_on date,
      at timestamptz not null default now(),
      name_len int generated always as (length(coalesce(label, ''))) stored,
      label text)`);
    const from = await emptyDatabase(source.engine);
    await from.db.execute(probe);
    // the child (id 1) comes before its parent (id 2) in key order
    await from.db.execute(sql`insert into backup_probe (id, parent_id, amount_wan, signed_on, label) values
      (2, null, 12345678901234.123456, '2024-02-29', '母公司'),
      (1, 2, 0.000001, null, '子公司')`);
    await from.db.execute(sql`select setval('backup_probe_id_seq', 2)`);
    const file = path.join(dir, 'probe.ndjson.gz');
    await backupTo(from.db, file);

    const to = await emptyDatabase('pglite');
    await to.db.execute(probe);
    await restoreFrom(to.db, file);
    expect(await snapshot(to.db)).toEqual(await snapshot(from.db));
    const [exact] = await rows<{ amount: string; name_len: number }>(
      to.db,
      sql`select amount_wan::text as amount, name_len from backup_probe where id = 2`,
    );
    expect(exact).toMatchObject({ amount: '12345678901234.123456', name_len: 3 });
    const [next] = await rows<{ id: string }>(
      to.db,
      sql`insert into backup_probe (amount_wan) values (1) returning id::text as id`,
    );
    expect(next!.id).toBe('3');
  });

  it('refuses to restore into a database that already holds data, and changes nothing', async () => {
    const file = path.join(dir, 'refused.ndjson.gz');
    await backupTo(source.db, file);
    const before = await snapshot(source.db);
    await expect(restoreFrom(source.db, file)).rejects.toThrow(/empty.*regions|空数据库/s);
    expect(await snapshot(source.db)).toEqual(before);
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dir, 'bogus.gz');
    fs.writeFileSync(file, zlib.gzipSync('{"hello":"world"}\n'));
    const target = await emptyDatabase('pglite');
    await expect(restoreFrom(target.db, file)).rejects.toThrow(/Not a Zhaoshang backup/);
  });
});
