import { createHash, createHmac } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { canonicalJson } from '../../../domain/canonical-json';
import { insertMany } from '../../db/bulk';
import { type Db, rows } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { AuthContext } from '../../lib/auth-context';
import { auditKey } from './key';

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

/**
 * A row's hash over the one before it: HMAC-SHA256 under the audit key for keyed rows, plain
 * sha256 for rows written before the key existed (they still verify, but none may follow a keyed row).
 */
function chainHash(prevHash: string, fields: HashedFields, keyed = true): string {
  const hash = keyed ? createHmac('sha256', auditKey()) : createHash('sha256');
  return hash.update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
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
  // A caller may pass the pool rather than its transaction: the lock would then end with its own
  // statement and two writers could fork the chain. A nested transaction (a savepoint inside the
  // caller's) keeps lock, head read and insert together either way.
  await tx.transaction(async (inner) => appendRows(inner, entries));
}

async function appendRows(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
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
    values.push({ ...fields, at: new Date(fields.at), prevHash, hash, keyed: true });
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
  /** The last row verified and its hash (GENESIS_HASH for an empty chain). */
  lastSeq: number;
  headHash: string;
}

/**
 * Walks the whole chain in order, in batches, recomputing every hash. `onRow` sees every row that
 * verified, with the count of rows up to it, so checkpoints can be compared in the same pass.
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number; onRow?: (seq: number, hash: string, count: number) => void } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  let keyedSeen = false;
  const broken = (seq: number, reason: string): ChainReport => ({
    ok: false,
    checked,
    brokenAt: seq,
    reason,
    lastSeq: afterSeq,
    headHash: prevHash,
  });
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${afterSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, checked, lastSeq: afterSeq, headHash: prevHash };
    for (const row of batch) {
      if (row.prevHash !== prevHash) return broken(row.seq, 'link to the previous row is broken');
      // Rows written without the key may only precede keyed ones: otherwise anyone could append a sha256 tail.
      if (keyedSeen && !row.keyed) return broken(row.seq, 'an unkeyed row follows a keyed row');
      const expected = chainHash(
        prevHash,
        {
          at: row.at.toISOString(),
          actorId: row.actorId,
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          regionCode: row.regionCode,
          before: row.before,
          after: row.after,
        },
        row.keyed,
      );
      if (expected !== row.hash) return broken(row.seq, 'row content does not match its hash');
      keyedSeen ||= row.keyed;
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
      options.onRow?.(row.seq, row.hash, checked);
    }
  }
}

/** Who asked, from where: written into the `after` of export and audit-read rows. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** The caller's address and user agent, as a route handler sees them. */
export function auditClient(req: FastifyRequest): ClientInfo {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}

/**
 * Records that the caller took a file or a ledger out of the platform (action `export`): what,
 * with which filters, and how many rows. Call it in the export's handler once the file is built.
 */
export async function recordExport(
  db: Db,
  auth: AuthContext,
  exported: { what: string; id?: string; filters?: unknown; rows?: number; name?: string },
  client: ClientInfo = {},
): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorId: auth.user.id,
      action: 'export',
      entity: exported.what,
      entityId: exported.id ?? '-',
      regionCode: auth.user.regionCode,
      after: {
        name: exported.name,
        filters: exported.filters ?? {},
        rows: exported.rows,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300),
      },
    }),
  );
}
