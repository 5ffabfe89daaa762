/** The SQLSTATE of a PostgreSQL error, whichever driver or Drizzle wrapper carries it (as `cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A unique index refused the row (PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/**
 * PostgreSQL gave up on the transaction because of another one running at the same time: a deadlock
 * (40P01) or a serialization failure (40001). Run again, the same transaction succeeds.
 */
export function isConcurrencyFailure(err: unknown): boolean {
  const state = sqlState(err);
  return state === '40P01' || state === '40001';
}
