import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness';
import { type Database, rows, TRANSACTION_ATTEMPTS } from './client';
import { isConcurrencyFailure } from './errors';

// PGlite runs one transaction at a time: deadlocks happen only on the PostgreSQL server.
describe.runIf(process.env.TEST_DATABASE_URL)('transactions PostgreSQL aborts for a deadlock', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table retry_probe (id int primary key, n int not null)`);
  });
  afterAll(async () => {
    await database.close();
  });

  it('run again: both crossing writes land exactly once', async () => {
    await database.db.execute(sql`truncate retry_probe`);
    await database.db.execute(sql`insert into retry_probe values (1, 0), (2, 0)`);
    // Each transaction locks one row, waits until the other holds the other row, then asks for it.
    const arrived: Array<() => void> = [];
    const both = [0, 1].map(() => new Promise<void>((resolve) => arrived.push(resolve)));
    const attempts = [0, 0];
    const crossing = (me: 0 | 1, first: number, second: number) =>
      database.db.transaction(async (tx) => {
        attempts[me]! += 1;
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${first}`);
        if (attempts[me] === 1) {
          arrived[me]!();
          await Promise.all(both);
        }
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${second}`);
      });

    await Promise.all([crossing(0, 1, 2), crossing(1, 2, 1)]);

    // PostgreSQL aborted one of them (40P01); it ran a second time and nothing of the first try remains.
    expect(attempts.toSorted()).toEqual([1, 2]);
    const counts = await rows<{ id: number; n: number }>(database.db, sql`select id, n from retry_probe order by id`);
    expect(counts).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('gives up after a few attempts and passes the failure on; other errors are not retried', async () => {
    let serializationAttempts = 0;
    const failing = database.db.transaction(async () => {
      serializationAttempts += 1;
      throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    await expect(failing).rejects.toSatisfy(isConcurrencyFailure);
    expect(serializationAttempts).toBe(TRANSACTION_ATTEMPTS);

    let uniqueAttempts = 0;
    const duplicate = database.db.transaction(async (tx) => {
      uniqueAttempts += 1;
      await tx.execute(sql`insert into retry_probe values (9, 0), (9, 0)`);
    });
    await expect(duplicate).rejects.toThrow();
    expect(uniqueAttempts).toBe(1);
  });
});
