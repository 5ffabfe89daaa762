import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../db/client';
import { jobs } from '../db/schema';
import { openTestDatabase } from '../test/harness';
import { enqueue, type JobDefinition, runDueJobs } from './queue';

let first: Database & { url?: string };
/** A second server instance: on PostgreSQL its own connection pool; PGlite has only one connection. */
let second: Database | undefined;
let dbA: Db;
let dbB: Db;

beforeAll(async () => {
  first = await openTestDatabase();
  if (first.url) second = await openDatabase({ databaseUrl: first.url });
  dbA = first.db;
  dbB = second?.db ?? first.db;
});
afterAll(async () => {
  await second?.close();
  await first.close();
});

const makeDue = (db: Db, name: string) =>
  db.execute(sql`update jobs set run_at = now() - interval '1 second' where name = ${name}`);

describe('job queue', () => {
  it('runs an occurrence enqueued by two instances exactly once, however they race', async () => {
    const ran = new Map<string, string[]>();
    const definition = (instance: string): JobDefinition => ({
      name: 'test.once',
      cron: '* * * * *',
      handler: async ({ payload }) => {
        const key = String(payload.key);
        ran.set(key, [...(ran.get(key) ?? []), instance]);
        await sleep(20); // long enough for the other instance to try the same row
      },
    });
    const keys = Array.from({ length: 12 }, (_, i) => `2025-03-01T09:${String(i).padStart(2, '0')}`);
    // every instance's cron fires for every occurrence
    await Promise.all(
      keys.flatMap((key) => [enqueue(dbA, 'test.once', key, { key }), enqueue(dbB, 'test.once', key, { key })]),
    );
    expect(await dbA.$count(jobs, eq(jobs.name, 'test.once'))).toBe(keys.length);

    const [a, b] = await Promise.all([
      runDueJobs(dbA, [definition('A')], 'instance-A'),
      runDueJobs(dbB, [definition('B')], 'instance-B'),
    ]);
    expect(a + b).toBe(keys.length);
    expect([...ran.keys()].sort()).toEqual(keys);
    for (const key of keys) expect(ran.get(key), key).toHaveLength(1);
    if (second) {
      // both instances took part, so the race was real
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
    const rowsAfter = await dbA.select().from(jobs).where(eq(jobs.name, 'test.once'));
    for (const row of rowsAfter) {
      expect(row.status).toBe('done');
      expect(row.attempts).toBe(1);
      expect(ran.get(String((row.payload as { key: string }).key))).toEqual([
        row.lockedBy === 'instance-A' ? 'A' : 'B',
      ]);
    }
  });

  it('retries a failing job and marks it failed after 3 attempts, keeping its error', async () => {
    let calls = 0;
    const failing: JobDefinition = {
      name: 'test.failing',
      cron: '* * * * *',
      handler: async () => {
        calls++;
        throw new Error(`upstream refused (call ${calls})`);
      },
    };
    await enqueue(dbA, 'test.failing', 'once');
    const state = async () => (await dbA.select().from(jobs).where(eq(jobs.name, 'test.failing')))[0]!;

    expect(await runDueJobs(dbA, [failing], 'instance-A')).toBe(1);
    let row = await state();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'upstream refused (call 1)' });
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now()); // backs off instead of spinning
    expect(await runDueJobs(dbB, [failing], 'instance-B')).toBe(0);

    await makeDue(dbA, 'test.failing');
    await runDueJobs(dbB, [failing], 'instance-B');
    expect(await state()).toMatchObject({ status: 'pending', attempts: 2 });

    await makeDue(dbA, 'test.failing');
    await runDueJobs(dbA, [failing], 'instance-A');
    row = await state();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'upstream refused (call 3)' });

    await makeDue(dbA, 'test.failing');
    expect(await runDueJobs(dbA, [failing], 'instance-A')).toBe(0);
    expect(calls).toBe(3);
  });

  it('takes over a job left running by a crashed instance after 15 minutes, not before', async () => {
    let calls = 0;
    const job: JobDefinition = { name: 'test.orphan', cron: '* * * * *', handler: async () => void calls++ };
    await enqueue(dbA, 'test.orphan', 'crash');
    await dbA.execute(
      sql`update jobs set status = 'running', locked_by = 'dead', locked_at = now() - interval '5 minutes', attempts = 1
          where name = 'test.orphan'`,
    );
    expect(await runDueJobs(dbB, [job], 'instance-B')).toBe(0);
    await dbA.execute(sql`update jobs set locked_at = now() - interval '16 minutes' where name = 'test.orphan'`);
    expect(await runDueJobs(dbB, [job], 'instance-B')).toBe(1);
    expect(calls).toBe(1);
    const [row] = await dbA.select().from(jobs).where(eq(jobs.name, 'test.orphan'));
    expect(row).toMatchObject({ status: 'done', lockedBy: 'instance-B', attempts: 2 });
  });
});
