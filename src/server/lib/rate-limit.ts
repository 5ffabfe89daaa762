import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../domain/errors';
import { type Db, rows } from '../db/client';

/**
 * Fixed-window counters in `rate_limit_hits`, so every instance over one database counts the same
 * hits (an in-memory limiter lets N instances accept N times the limit).
 */

export interface WindowLimit {
  /** Names the rule; the bucket is `name:key`. */
  name: string;
  max: number;
  windowMs: number;
}

/** One counted hit: `release` takes it back (a sign-in that succeeded, a submission that failed). */
export interface Hit {
  allowed: boolean;
  hits: number;
  /** Seconds until the window ends, for `Retry-After`. */
  retryAfterSeconds: number;
  release(): Promise<void>;
}

/** Keeps a bucket name to a sane size whatever a client sends as a user name. */
const bucketOf = (limit: WindowLimit, key: string) => `${limit.name}:${key.slice(0, 200)}`;

/**
 * Counts one hit in the current window with a single upsert, so concurrent hits on any instance
 * each see a distinct count; a hit past `max` is taken back at once and refused, so refused
 * requests do not keep the counter climbing for the rest of the window.
 */
export async function takeHit(db: Db, limit: WindowLimit, key: string, now = new Date()): Promise<Hit> {
  const bucket = bucketOf(limit, key);
  const startMs = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const windowStart = new Date(startMs).toISOString();
  const [row] = await rows<{ hits: number }>(
    db,
    sql`insert into rate_limit_hits (bucket, window_start, hits) values (${bucket}, ${windowStart}::timestamptz, 1)
        on conflict (bucket, window_start) do update set hits = rate_limit_hits.hits + 1
        returning hits`,
  );
  const hits = Number(row!.hits);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await db.execute(
      sql`update rate_limit_hits set hits = hits - 1
          where bucket = ${bucket} and window_start = ${windowStart}::timestamptz and hits > 0`,
    );
  };
  const allowed = hits <= limit.max;
  if (!allowed) await release();
  return {
    allowed,
    hits,
    retryAfterSeconds: Math.max(1, Math.ceil((startMs + limit.windowMs - now.getTime()) / 1000)),
    release,
  };
}

/** The 429 answer: problem+json RATE_LIMITED (by the error handler) with `Retry-After`. */
export function rateLimited(reply: FastifyReply, retryAfterSeconds: number): AppError {
  void reply.header('retry-after', String(retryAfterSeconds));
  return new AppError('RATE_LIMITED');
}

/**
 * The client address as a counting key. IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses
 * count by their /64, since one subscriber is usually handed a whole /64 to rotate through.
 */
export function addressKey(ip: string): string {
  const bare = ip.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const full =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const LOGIN_WINDOW_MS = 15 * 60_000;

/** Codes of a sign-in that counts against the limits: a wrong password, or a try on a locked account. */
const FAILED_SIGN_IN = new Set(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);

export interface LoginLimits {
  /** Failed sign-ins per lower-cased user name per window (`LOGIN_RATE_LIMIT`). */
  perUsername: number;
  /** Failed sign-ins per client address per window, whatever the names (`LOGIN_ADDRESS_RATE_LIMIT`). */
  perAddress: number;
}

/**
 * Sign-in limits counted on failures only, per user name and per address: colleagues behind one
 * NAT address do not lock each other out with a few typos, while spraying many names from one
 * address or guessing one name from many addresses meets 429. Each attempt takes a hit first (so a
 * burst of parallel guesses cannot slip past the count) and gives it back when it succeeds.
 */
export function loginLimiter(db: Db, limits: LoginLimits) {
  const byName: WindowLimit = { name: 'login:user', max: limits.perUsername, windowMs: LOGIN_WINDOW_MS };
  const byAddress: WindowLimit = { name: 'login:address', max: limits.perAddress, windowMs: LOGIN_WINDOW_MS };
  return {
    /**
     * Runs `signIn` inside the limits of `username` and `address`; throws RATE_LIMITED (with
     * `Retry-After` on `reply`) when either is spent, before the password is looked at.
     */
    async guard<T>(reply: FastifyReply, username: string, address: string, signIn: () => Promise<T>): Promise<T> {
      const addressHit = await takeHit(db, byAddress, addressKey(address));
      if (!addressHit.allowed) throw rateLimited(reply, addressHit.retryAfterSeconds);
      const nameHit = await takeHit(db, byName, username.trim().toLowerCase());
      if (!nameHit.allowed) {
        await addressHit.release();
        throw rateLimited(reply, nameHit.retryAfterSeconds);
      }
      try {
        const result = await signIn();
        await Promise.all([addressHit.release(), nameHit.release()]);
        return result;
      } catch (err) {
        if (!(err instanceof AppError && FAILED_SIGN_IN.has(err.code))) {
          await Promise.all([addressHit.release(), nameHit.release()]);
        }
        throw err;
      }
    },
  };
}

/**
 * Portal inquiries per client address per hour (`INQUIRY_RATE_LIMIT`); a submission refused for
 * its content is not counted, so a visitor correcting the form is not locked out.
 */
export function inquiryLimiter(db: Db, perHour: number) {
  const limit: WindowLimit = { name: 'inquiry:address', max: perHour, windowMs: 3_600_000 };
  return {
    async guard<T>(reply: FastifyReply, address: string, submit: () => Promise<T>): Promise<T> {
      const hit = await takeHit(db, limit, addressKey(address));
      if (!hit.allowed) throw rateLimited(reply, hit.retryAfterSeconds);
      try {
        return await submit();
      } catch (err) {
        await hit.release();
        throw err;
      }
    },
  };
}

/** The longest window of any limit: rows older than this plus one window can never be read again. */
const LONGEST_WINDOW_MS = 3_600_000;
const PURGE_BATCH = 5_000;

/** Deletes counters of ended windows in batches (one statement never holds the table for long). */
export async function purgeExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString();
  let total = 0;
  for (;;) {
    // DELETE has no LIMIT in PostgreSQL, so pick a batch of keys first.
    const deleted = await rows<{ bucket: string }>(
      db,
      sql`delete from rate_limit_hits where (bucket, window_start) in (
            select bucket, window_start from rate_limit_hits
            where window_start < ${before}::timestamptz limit ${PURGE_BATCH})
          returning bucket`,
    );
    total += deleted.length;
    if (deleted.length < PURGE_BATCH) return total;
  }
}
