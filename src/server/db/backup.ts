import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, MIGRATIONS_DIR, rows } from './client';

/**
 * Logical, engine-neutral backups: a gzip'd NDJSON file that a PGlite database restores into
 * PostgreSQL and back. Line 1 is the header; then, for each table in foreign-key order, one line
 * `{"table":…,"rows":n}` followed by n lines, each a row as PostgreSQL's own `row_to_json` text.
 * Rows are never parsed into JavaScript values on the way, so numeric, bigint and microsecond
 * timestamps come back exactly.
 */
export const BACKUP_FORMAT = 'zhaoshang-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** Migrations applied to the source database, oldest first (drizzle journal tags when known). */
  migrations: string[];
  /** Tables in restore order with their row counts. */
  tables: Array<{ name: string; rows: number }>;
}

export class BackupError extends Error {}

const BATCH = 500;

interface TableInfo {
  name: string;
  /** Primary key columns, for a stable order and keyset paging. */
  key: string[];
  /** Columns a restore writes (generated columns are computed again). */
  columns: string[];
  /** Foreign keys from a column of this table to another column of this same table. */
  selfRefs: Array<{ column: string; refColumn: string }>;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const identList = (names: string[]) => sql.raw(names.map((n) => `"${n.replace(/"/g, '""')}"`).join(', '));

/** Every ordinary table of the public schema, parents before children, read from the catalog. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
          and c.relname <> '__drizzle_migrations' and not c.relispartition
        order by c.relname`,
  );
  const cols = await rows<{ table: string; column: string; generated: string; pk: boolean }>(
    db,
    sql`select c.relname as table, a.attname as column, a.attgenerated::text as generated,
          coalesce(a.attnum = any(pk.conkey), false) as pk
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
          and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const fks = await rows<{ child: string; parent: string; column: string; ref_column: string; n: number }>(
    db,
    sql`select ch.relname as child, pa.relname as parent,
          (select attname from pg_attribute where attrelid = f.conrelid and attnum = f.conkey[1]) as column,
          (select attname from pg_attribute where attrelid = f.confrelid and attnum = f.confkey[1]) as ref_column,
          array_length(f.conkey, 1) as n
        from pg_constraint f
        join pg_class ch on ch.oid = f.conrelid
        join pg_class pa on pa.oid = f.confrelid
        where f.contype = 'f' and ch.relnamespace = 'public'::regnamespace`,
  );
  const info = new Map<string, TableInfo>(
    tables.map((t) => [t.name, { name: t.name, key: [], columns: [], selfRefs: [] }]),
  );
  for (const c of cols) {
    const t = info.get(c.table);
    if (!t) continue;
    if (c.generated === '') t.columns.push(c.column);
    if (c.pk) t.key.push(c.column);
  }
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const fk of fks) {
    if (!info.has(fk.child) || !info.has(fk.parent)) continue;
    if (fk.child === fk.parent) {
      if (Number(fk.n) !== 1) throw new BackupError(`${fk.child}: composite self-reference is not supported`);
      info.get(fk.child)!.selfRefs.push({ column: fk.column, refColumn: fk.ref_column });
    } else parents.get(fk.child)!.add(fk.parent);
  }
  // Kahn's algorithm, alphabetical among equals so the file is stable.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (ordered.length < info.size) {
    const ready = [...info.keys()].filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const rest = [...info.keys()].filter((n) => !done.has(n));
      throw new BackupError(
        `Foreign keys form a cycle among ${rest.join(', ')}; backup cannot order them. / 外键存在循环（${rest.join('、')}），无法确定备份顺序。`,
      );
    }
    for (const n of ready) {
      done.add(n);
      ordered.push(info.get(n)!);
    }
  }
  return ordered;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const applied = await rows<{ created_at: string; hash: string }>(
    db,
    sql`select created_at::text as created_at, hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  const journal = readJournal();
  return applied.map((m) => journal.get(String(m.created_at)) ?? `${m.created_at}:${m.hash.slice(0, 12)}`);
}

function readJournal(): Map<string, string> {
  try {
    const journal = JSON.parse(fs.readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as {
      entries: Array<{ when: number; tag: string }>;
    };
    return new Map(journal.entries.map((e) => [String(e.when), e.tag]));
  } catch {
    return new Map();
  }
}

function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** All rows of one table as row_to_json text, in primary-key order, fetched in pages. */
async function* tableRows(db: Db, table: TableInfo): AsyncGenerator<string> {
  if (table.key.length === 0) {
    for (const r of await rows<{ j: string }>(db, sql`select row_to_json(t)::text as j from ${ident(table.name)} t`)) {
      yield r.j;
    }
    return;
  }
  const key = identList(table.key);
  let last: string | undefined;
  for (;;) {
    const after = last
      ? sql`where (${key}) > (select ${key} from json_populate_record(null::${ident(table.name)}, ${last}::json))`
      : sql``;
    const page = await rows<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from ${ident(table.name)} t ${after} order by ${key} limit ${BATCH * 4}`,
    );
    for (const r of page) yield r.j;
    if (page.length < BATCH * 4) return;
    last = page[page.length - 1]!.j;
  }
}

/** Rows of a self-referencing table, reordered so every parent row comes before its children. */
async function* parentsFirst(db: Db, table: TableInfo): AsyncGenerator<string> {
  const all: Array<{ text: string; value: Record<string, unknown> }> = [];
  for await (const text of tableRows(db, table)) all.push({ text, value: JSON.parse(text) as Record<string, unknown> });
  const emitted = new Set<string>();
  const keyOf = (col: string, v: unknown) => `${col}\u0000${String(v)}`;
  let pending = all;
  while (pending.length) {
    const next: typeof pending = [];
    for (const row of pending) {
      const waiting = table.selfRefs.some(({ column, refColumn }) => {
        const ref = row.value[column];
        return ref !== null && ref !== undefined && !emitted.has(keyOf(refColumn, ref)) && ref !== row.value[refColumn];
      });
      if (waiting) {
        next.push(row);
        continue;
      }
      for (const { refColumn } of table.selfRefs) emitted.add(keyOf(refColumn, row.value[refColumn]));
      yield row.text;
    }
    if (next.length === pending.length) {
      throw new BackupError(`${table.name}: rows reference each other in a cycle / ${table.name} 表中记录循环引用`);
    }
    pending = next;
  }
}

/**
 * Writes every row of every table to `file`. On PostgreSQL it reads one consistent snapshot
 * (repeatable read, read only) while the server keeps serving.
 */
export async function backupTo(db: Db, file: string): Promise<BackupHeader> {
  return db.transaction(
    async (tx) => {
      const tables = await listTables(tx);
      // one after another: a transaction is one connection, which runs one query at a time
      const counts: BackupHeader['tables'] = [];
      for (const t of tables) {
        const [r] = await rows<{ n: string }>(tx, sql`select count(*)::text as n from ${ident(t.name)}`);
        counts.push({ name: t.name, rows: Number(r!.n) });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: appVersion(),
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(tx),
        tables: counts,
      };
      const gzip = zlib.createGzip();
      const out = fs.createWriteStream(file);
      const finished = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
        gzip.on('error', reject);
      });
      gzip.pipe(out);
      const write = async (line: string) => {
        if (!gzip.write(line + '\n')) await once(gzip, 'drain');
      };
      await write(JSON.stringify(header));
      for (const [i, table] of tables.entries()) {
        await write(JSON.stringify({ table: table.name, rows: counts[i]!.rows }));
        let n = 0;
        for await (const row of table.selfRefs.length ? parentsFirst(tx, table) : tableRows(tx, table)) {
          await write(row);
          n++;
        }
        if (n !== counts[i]!.rows) throw new BackupError(`${table.name}: counted ${counts[i]!.rows}, read ${n}`);
      }
      gzip.end();
      await finished;
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Reads the header of a backup file without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of lines(file)) return parseHeader(line);
  throw new BackupError(`${file} is empty / 备份文件为空`);
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    header = {} as BackupHeader;
  }
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError('Not a Zhaoshang backup file. / 这不是招商平台的备份文件。');
  }
  if (header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Backup format ${header.formatVersion} is newer than this version understands (${BACKUP_FORMAT_VERSION}); upgrade first. ` +
        `/ 备份格式版本 ${header.formatVersion} 高于本程序支持的 ${BACKUP_FORMAT_VERSION}，请先升级程序。`,
    );
  }
  return header;
}

function lines(file: string): AsyncIterable<string> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file} / 文件不存在：${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/**
 * Restores a backup into a freshly migrated, empty database at the same migration level, in one
 * transaction, then moves every sequence past the restored ids. The audit log is restored by
 * inserting, which its append-only trigger allows, so its hash chain stays as it was.
 */
export async function restoreFrom(db: Db, file: string): Promise<BackupHeader> {
  const input = lines(file)[Symbol.asyncIterator]();
  const first = await input.next();
  if (first.done) throw new BackupError(`${file} is empty / 备份文件为空`);
  const header = parseHeader(first.value);

  return db.transaction(async (tx) => {
    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));

    const here = await appliedMigrations(tx);
    if (here.join('\n') !== header.migrations.join('\n')) {
      throw new BackupError(
        `The backup was taken at migrations [${header.migrations.join(', ')}] but this database is at [${here.join(', ')}]; ` +
          `restore with the application version ${header.appVersion}. ` +
          `/ 备份的数据库结构版本与当前数据库不一致，请使用 ${header.appVersion} 版本的程序恢复。`,
      );
    }
    const nonEmpty: string[] = [];
    for (const t of tables) {
      const [r] = await rows<{ any: boolean }>(tx, sql`select exists (select 1 from ${ident(t.name)}) as any`);
      if (r?.any) nonEmpty.push(t.name);
    }
    if (nonEmpty.length) {
      throw new BackupError(
        `Restore needs an empty, freshly migrated database; these tables hold rows: ${nonEmpty.join(', ')}. ` +
          `/ 恢复需要一个刚完成迁移的空数据库，以下表已有数据：${nonEmpty.join('、')}。`,
      );
    }

    let table: TableInfo | undefined;
    let expected = 0;
    let seen = 0;
    let batch: string[] = [];
    const restored = new Map<string, number>();
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const cols = identList(table.columns);
      await tx.execute(
        sql`insert into ${ident(table.name)} (${cols}) overriding system value
            select ${cols} from json_populate_recordset(null::${ident(table.name)}, ${'[' + batch.join(',') + ']'}::json)`,
      );
      batch = [];
    };
    const closeTable = () => {
      if (table && seen !== expected) {
        throw new BackupError(
          `${table.name}: the file holds ${seen} rows, its header says ${expected} / 备份文件不完整`,
        );
      }
      if (table) restored.set(table.name, seen);
    };
    for (;;) {
      const next = await input.next();
      if (next.done) break;
      const line = next.value;
      if (!line) continue;
      if (table && seen < expected) {
        batch.push(line);
        seen++;
        if (batch.length >= BATCH) await flush();
        continue;
      }
      await flush();
      closeTable();
      const marker = JSON.parse(line) as { table: string; rows: number };
      table = byName.get(marker.table);
      if (!table) {
        throw new BackupError(
          `The backup has a table ${marker.table} this database lacks / 当前数据库没有表 ${marker.table}`,
        );
      }
      expected = marker.rows;
      seen = 0;
    }
    await flush();
    closeTable();
    for (const t of header.tables) {
      if ((restored.get(t.name) ?? 0) !== t.rows) {
        throw new BackupError(`${t.name}: restored ${restored.get(t.name) ?? 0} of ${t.rows} rows / 备份文件不完整`);
      }
    }
    await resetSequences(tx);
    return header;
  });
}

/** Moves each sequence owned by a column (bigserial, identity) past the largest restored value. */
async function resetSequences(tx: Db): Promise<void> {
  const owned = await rows<{ seq: string; table: string; column: string }>(
    tx,
    sql`select s.oid::regclass::text as seq, c.relname as table, a.attname as column
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class c on c.oid = d.refobjid
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and c.relnamespace = 'public'::regnamespace`,
  );
  for (const o of owned) {
    await tx.execute(
      sql`select setval(${o.seq}::regclass, coalesce((select max(${ident(o.column)}) from ${ident(o.table)}), 0) + 1, false)`,
    );
  }
}
