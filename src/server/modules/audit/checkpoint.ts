/**
 * Signed checkpoints of the audit chain's head, kept outside the database (one JSON file each, the
 * history kept). A chain cut short or rewritten from some row on still links and hashes by itself;
 * a checkpoint remembers what the head was, so `verifyAuditTrail` finds both.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../../domain/canonical-json';
import type { Db } from '../../db/client';
import { auditKey } from './key';
import { type ChainReport, verifyAuditChain } from './service';

export interface CheckpointBody {
  version: 1;
  lastSeq: number;
  rowCount: number;
  headHash: string;
  at: string;
}

export interface Checkpoint extends CheckpointBody {
  hmac: string;
}

export type TrailProblem =
  | 'link'
  | 'content'
  | 'unkeyed-after-keyed'
  | 'checkpoint-forged'
  | 'checkpoint-unreadable'
  | 'truncated'
  | 'rewritten';

export interface TrailReport {
  ok: boolean;
  /** Rows of the chain verified. */
  checked: number;
  lastSeq: number;
  headHash: string;
  /** Checkpoints found and compared. */
  checkpointsChecked: number;
  problem?: TrailProblem;
  /** The seq where the chain breaks, or the checkpoint's seq it no longer matches. */
  brokenAt?: number;
  /** The checkpoint file that failed. */
  checkpointFile?: string;
  message: { zh: string; en: string };
  /** The checkpoint written after a successful verification. */
  written?: string;
}

const PREFIX = 'audit-checkpoint-';

function sign(body: CheckpointBody): string {
  // The prefix keeps a checkpoint's MAC apart from any row's MAC under the same key.
  return createHmac('sha256', auditKey()).update('audit-checkpoint\n').update(canonicalJson(body)).digest('hex');
}

function signatureHolds(cp: Checkpoint): boolean {
  const { hmac, ...body } = cp;
  const expected = Buffer.from(sign(body), 'hex');
  const given = Buffer.from(typeof hmac === 'string' ? hmac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Writes one checkpoint file (through a temporary name, so a reader never sees half of one). */
export function writeCheckpoint(dir: string, head: Omit<CheckpointBody, 'version' | 'at'>, now = new Date()): string {
  const body: CheckpointBody = { version: 1, ...head, at: now.toISOString() };
  const checkpoint: Checkpoint = { ...body, hmac: sign(body) };
  fs.mkdirSync(dir, { recursive: true });
  const name = `${PREFIX}${body.at.replace(/[:.]/g, '-')}-${head.lastSeq}.json`;
  const tmp = path.join(dir, `.${name}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(checkpoint, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, path.join(dir, name));
  return path.join(dir, name);
}

/** Every checkpoint file of the directory, oldest first; unparsable ones come back as null. */
export function readCheckpoints(dir: string): Array<{ file: string; checkpoint: Checkpoint | null }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Checkpoint;
        const valid =
          parsed.version === 1 &&
          Number.isSafeInteger(parsed.lastSeq) &&
          Number.isSafeInteger(parsed.rowCount) &&
          typeof parsed.headHash === 'string' &&
          typeof parsed.at === 'string';
        return { file, checkpoint: valid ? parsed : null };
      } catch {
        return { file, checkpoint: null };
      }
    });
}

const CHAIN_PROBLEMS: Record<string, TrailProblem> = {
  'link to the previous row is broken': 'link',
  'row content does not match its hash': 'content',
  'an unkeyed row follows a keyed row': 'unkeyed-after-keyed',
};

function describe(problem: TrailProblem | undefined, r: { checked: number; brokenAt?: number; file?: string }) {
  const file = r.file ? path.basename(r.file) : '';
  switch (problem) {
    case undefined:
      return {
        zh: `审计链完整：已校验 ${r.checked} 条记录。`,
        en: `Audit chain intact: ${r.checked} rows verified.`,
      };
    case 'link':
      return {
        zh: `审计链在 seq ${r.brokenAt} 处断裂（与上一条记录的链接断开，可能有记录被删除）；此前 ${r.checked} 条记录完整。`,
        en: `Audit chain BROKEN at seq ${r.brokenAt} (link to the previous row is broken); ${r.checked} rows before it are intact.`,
      };
    case 'content':
      return {
        zh: `审计链在 seq ${r.brokenAt} 处断裂（记录内容与其哈希不符，可能被篡改）；此前 ${r.checked} 条记录完整。`,
        en: `Audit chain BROKEN at seq ${r.brokenAt} (row content does not match its hash); ${r.checked} rows before it are intact.`,
      };
    case 'unkeyed-after-keyed':
      return {
        zh: `审计链在 seq ${r.brokenAt} 处断裂（密钥签名的记录之后出现未签名记录，链可能被改写）；此前 ${r.checked} 条记录完整。`,
        en: `Audit chain BROKEN at seq ${r.brokenAt} (an unkeyed row follows a keyed row: the chain was rewritten); ${r.checked} rows before it are intact.`,
      };
    case 'checkpoint-forged':
      return {
        zh: `审计检查点 ${file} 的签名无效：检查点被伪造或篡改，或审计密钥已更换。`,
        en: `Audit checkpoint ${file} has an invalid signature: forged or altered, or the audit key changed.`,
      };
    case 'checkpoint-unreadable':
      return {
        zh: `审计检查点 ${file} 无法读取或格式有误。`,
        en: `Audit checkpoint ${file} cannot be read or is malformed.`,
      };
    case 'truncated':
      return {
        zh: `审计链被截断：检查点 ${file} 记录的链头为 seq ${r.brokenAt}，数据库中已缺少记录。`,
        en: `Audit chain TRUNCATED: checkpoint ${file} recorded the head at seq ${r.brokenAt}, and rows up to it are missing now.`,
      };
    case 'rewritten':
      return {
        zh: `审计链被改写：seq ${r.brokenAt} 处的哈希与检查点 ${file} 不符。`,
        en: `Audit chain REWRITTEN: the hash at seq ${r.brokenAt} differs from checkpoint ${file}.`,
      };
  }
}

/**
 * Verifies the chain and every checkpoint in `checkpointDir`: each checkpoint's signature, that
 * its seq still exists with the same hash, and that as many rows lead up to it. When everything
 * holds (and `write` is not false) a new checkpoint of the verified head is written; a failed
 * verification writes none, since a signature over a tampered head would launder it.
 */
export async function verifyAuditTrail(
  db: Db,
  options: { checkpointDir: string; write?: boolean; now?: Date },
): Promise<TrailReport> {
  const files = readCheckpoints(options.checkpointDir);
  const fail = (problem: TrailProblem, r: Partial<TrailReport> & { checked: number; file?: string }): TrailReport => ({
    ok: false,
    lastSeq: 0,
    headHash: '',
    checkpointsChecked: 0,
    ...r,
    problem,
    checkpointFile: r.file,
    message: describe(problem, { checked: r.checked, brokenAt: r.brokenAt, file: r.file }),
  });

  for (const { file, checkpoint } of files) {
    if (!checkpoint) return fail('checkpoint-unreadable', { checked: 0, file });
    if (!signatureHolds(checkpoint)) return fail('checkpoint-forged', { checked: 0, file });
  }
  const checkpoints = files.map((f) => ({ file: f.file, cp: f.checkpoint! }));
  const wanted = new Set(checkpoints.map((c) => c.cp.lastSeq));
  const seen = new Map<number, { hash: string; count: number }>();
  const chain: ChainReport = await verifyAuditChain(db, {
    onRow: (seq, hash, count) => {
      if (wanted.has(seq)) seen.set(seq, { hash, count });
    },
  });
  if (!chain.ok) {
    return fail(CHAIN_PROBLEMS[chain.reason ?? ''] ?? 'content', {
      checked: chain.checked,
      brokenAt: chain.brokenAt,
      lastSeq: chain.lastSeq,
      headHash: chain.headHash,
    });
  }
  const base = { checked: chain.checked, lastSeq: chain.lastSeq, headHash: chain.headHash };
  for (const { file, cp } of checkpoints) {
    if (cp.lastSeq === 0) continue; // a checkpoint of the empty chain
    const at = seen.get(cp.lastSeq);
    if (!at) {
      // The row is gone: past the head it is a cut tail; below it, rows were rewritten under new seqs.
      return fail(cp.lastSeq > chain.lastSeq ? 'truncated' : 'rewritten', { ...base, brokenAt: cp.lastSeq, file });
    }
    if (at.hash !== cp.headHash) return fail('rewritten', { ...base, brokenAt: cp.lastSeq, file });
    if (at.count !== cp.rowCount) return fail('truncated', { ...base, brokenAt: cp.lastSeq, file });
  }
  const written =
    options.write === false
      ? undefined
      : writeCheckpoint(
          options.checkpointDir,
          { lastSeq: chain.lastSeq, rowCount: chain.checked, headHash: chain.headHash },
          options.now,
        );
  return {
    ok: true,
    ...base,
    checkpointsChecked: checkpoints.length,
    message: describe(undefined, base),
    written,
  };
}
