import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client';
import { jobs } from '../db/schema';

export interface JobContext {
  db: Db;
  payload: Record<string, unknown>;
  now: Date;
}

/** A scheduled job: its schedule and handler side by side. */
export interface JobDefinition {
  name: string;
  /** croner pattern, server time zone. */
  cron: string;
  handler: (ctx: JobContext) => Promise<void>;
}

/** Enqueues one occurrence; every instance may call this, the unique key keeps one row. */
export async function enqueue(
  db: Db,
  name: string,
  dedupeKey: string,
  payload: Record<string, unknown> = {},
  runAt = new Date(),
) {
  await db.insert(jobs).values({ name, dedupeKey, payload, runAt }).onConflictDoNothing();
}

interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Claims the next due job with FOR UPDATE SKIP LOCKED: two instances polling at once never get
 * the same row. Jobs left `running` by a crashed instance for 15 minutes are taken again.
 */
export async function claimNext(db: Db, instanceId: string, names: string[]): Promise<ClaimedJob | undefined> {
  if (names.length === 0) return undefined;
  const [job] = await rows<ClaimedJob>(
    db,
    sql`update jobs set status = 'running', locked_by = ${instanceId}, locked_at = now(), attempts = attempts + 1
        where id = (
          select id from jobs
          where name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})
            and run_at <= now()
            and (status = 'pending' or (status = 'running' and locked_at < now() - interval '15 minutes'))
          order by run_at, id
          for update skip locked
          limit 1)
        returning id, name, payload`,
  );
  return job;
}

export async function finish(db: Db, id: number, error?: unknown) {
  await db.execute(
    error === undefined
      ? sql`update jobs set status = 'done', finished_at = now(), last_error = null where id = ${id}`
      : sql`update jobs set status = case when attempts >= 3 then 'failed' else 'pending' end,
              run_at = now() + interval '1 minute', last_error = ${String(error instanceof Error ? error.message : error).slice(0, 2000)}
            where id = ${id}`,
  );
}

/** Runs every due job this instance knows, one at a time; returns how many ran. */
export async function runDueJobs(
  db: Db,
  definitions: JobDefinition[],
  instanceId: string = randomUUID(),
  now = new Date(),
): Promise<number> {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  let ran = 0;
  for (;;) {
    const job = await claimNext(db, instanceId, [...byName.keys()]);
    if (!job) return ran;
    const def = byName.get(job.name)!;
    try {
      await def.handler({ db, payload: job.payload, now });
      await finish(db, job.id);
    } catch (err) {
      await finish(db, job.id, err);
    }
    ran++;
  }
}
