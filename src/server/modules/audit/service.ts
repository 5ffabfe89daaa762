import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../domain/canonical-json';
import { AppError } from '../../../domain/errors';
import { insertMany } from '../../db/bulk';
import { type Db, rows } from '../../db/client';
import { auditLog } from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

interface HashedFields {
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

function chainHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** Dates and other non-JSON values become what jsonb will hand back. */
function jsonValue(v: unknown): unknown {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);
}

/**
 * Appends one audit row inside the caller's transaction. An advisory lock serialises writers so
 * the chain never forks; it is held only until the transaction ends.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await recordAuditBatch(tx, [entry]);
}

/**
 * Appends several audit rows, in the order given, inside the caller's transaction: the lock is
 * taken and the chain's head read once, each row links to the one before it, and the rows go in
 * with multi-row INSERTs in the order given (seq follows it, so the chain verifies in seq order).
 */
export async function recordAuditBatch(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7220400)`);
  const [last] = await rows<{ hash: string }>(tx, sql`select hash from audit_log order by seq desc limit 1`);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const values: (typeof auditLog.$inferInsert)[] = [];
  for (const entry of entries) {
    const fields: HashedFields = {
      at: new Date().toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      regionCode: entry.regionCode,
      before: jsonValue(entry.before),
      after: jsonValue(entry.after),
    };
    const hash = chainHash(prevHash, fields);
    values.push({ ...fields, at: new Date(fields.at), prevHash, hash });
    prevHash = hash;
  }
  await insertMany(tx, auditLog, values);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not hold. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain in order, in batches, recomputing every hash. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${afterSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, checked };
    for (const row of batch) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.seq, reason: 'link to the previous row is broken' };
      }
      const expected = chainHash(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        regionCode: row.regionCode,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: row.seq, reason: 'row content does not match its hash' };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
  }
}

/** An entity's history, as far as the caller's scope reaches; nothing visible is a 404. */
export async function entityHistory(db: Db, scope: Scope, entity: string, entityId: string) {
  const list = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, entityId),
        scope.all ? undefined : regionInScope(auditLog.regionCode, scope),
      ),
    )
    .orderBy(asc(auditLog.seq));
  if (list.length === 0) throw new AppError('NOT_FOUND');
  return list;
}
