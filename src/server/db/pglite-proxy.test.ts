import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteClient, startPgliteWorker } from './pglite-proxy';

describe('embedded PGlite in a worker thread', () => {
  let client: PgliteClient;
  beforeAll(async () => {
    client = await startPgliteWorker(undefined);
    await client.query('create table t (id int primary key, note text)');
  });
  afterAll(() => client.close());

  it('keeps the server thread free while a long query computes', async () => {
    let settled = false;
    const long = client
      .query('select count(*)::int as n from generate_series(1, 3000000) a, generate_series(1, 2) b')
      .then((r) => {
        settled = true;
        return r;
      });
    // A timer fires while the query still runs: the event loop was not blocked by it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect((await long).rows).toEqual([{ n: 6_000_000 }]);
  });

  it('gives back PostgreSQL errors with their code and constraint', async () => {
    await client.query('insert into t values (1, $1)', ['first']);
    const err = (await client.query('insert into t values (1, $1)', ['again']).catch((e: unknown) => e)) as Record<
      string,
      unknown
    >;
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('23505');
    expect(err.constraint).toBe('t_pkey');
  });

  it('rolls a transaction back when its work throws, and makes other work wait for it', async () => {
    const failing = client.transaction(async (tx) => {
      await tx.query('insert into t values (2, $1)', ['inside']);
      throw new Error('abandon');
    });
    // Queued behind the transaction: sees neither its row nor a half state.
    const outside = client.query('select count(*)::int as n from t where id = 2');
    await expect(failing).rejects.toThrow('abandon');
    expect((await outside).rows).toEqual([{ n: 0 }]);

    await client.transaction(async (tx) => {
      await tx.query('insert into t values (3, $1)', ['kept']);
    });
    const { rows } = await client.query('select id, note from t order by id');
    expect(rows).toEqual([
      { id: 1, note: 'first' },
      { id: 3, note: 'kept' },
    ]);
  });

  it('keeps the text of timestamps when Drizzle asks for it, and parses them otherwise', async () => {
    const text = await client.query(`select timestamptz '2026-01-02 03:04:05+00' as at`, [], {
      rowMode: 'object',
      parsers: { 1184: (v: unknown) => v },
    });
    expect(typeof (text.rows[0] as { at: unknown }).at).toBe('string');
    const parsed = await client.query(`select timestamptz '2026-01-02 03:04:05+00' as at`);
    expect((parsed.rows[0] as { at: unknown }).at).toBeInstanceOf(Date);
  });
});
