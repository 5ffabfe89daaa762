import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/** Rows per statement of a bulk insert. */
export const BULK_CHUNK = 500;

/** A type a `jsonb_to_recordset` column definition accepts for a column. */
function recordType(sqlType: string): string {
  if (sqlType === 'bigserial') return 'bigint';
  if (sqlType === 'serial') return 'integer';
  if (sqlType === 'smallserial') return 'smallint';
  return sqlType;
}

/**
 * Inserts many rows of one table, in the order given, with one statement per chunk of
 * {@link BULK_CHUNK} rows whose values travel as ONE jsonb parameter
 * (`insert … select … from jsonb_to_recordset($1)`): a multi-row INSERT without tens of thousands
 * of bound parameters, which cost more than the insert itself on PGlite.
 *
 * Every row must give the same keys (a column given is given for every row; one left out of all
 * rows takes its database default). Values go as JSON: Dates become ISO timestamps, arrays and
 * objects JSON, and a null in a jsonb column is SQL NULL (as drizzle's own insert writes it).
 */
export async function insertMany<T extends PgTable>(
  db: Db,
  table: T,
  values: readonly T['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (values.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(values[0]!).filter((k) => (values[0] as Record<string, unknown>)[k] !== undefined);
  const shape = keys.join(',');
  for (const row of values) {
    const given = Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined);
    if (given.join(',') !== shape)
      throw new Error(`insertMany(${getTableConfig(table).name}): rows give different keys`);
  }
  const cols = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertMany(${getTableConfig(table).name}): no column ${key}`);
    return { key, name: column.name, type: recordType(column.getSQLType()) };
  });
  const name = (c: { name: string }) => sql.identifier(c.name);
  const target = sql.join(cols.map(name), sql`, `);
  const selected = sql.join(
    cols.map((c) => (c.type === 'jsonb' ? sql`nullif(${name(c)}, 'null'::jsonb)` : name(c))),
    sql`, `,
  );
  const definition = sql.join(
    cols.map((c) => sql`${name(c)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  const conflict: SQL = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  for (let i = 0; i < values.length; i += BULK_CHUNK) {
    const chunk = values.slice(i, i + BULK_CHUNK) as readonly Record<string, unknown>[];
    const json = JSON.stringify(chunk.map((row) => Object.fromEntries(cols.map((c) => [c.name, row[c.key] ?? null]))));
    // `with ordinality … order by` keeps the order given (audit rows take their seq from it).
    await db.execute(
      sql`insert into ${table} (${target})
          select ${selected} from rows from (jsonb_to_recordset(${json}::jsonb) as (${definition}))
            with ordinality as x(${target}, ord)
          order by ord${conflict}`,
    );
  }
}
