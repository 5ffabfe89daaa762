/**
 * The audit chain's HMAC key and the checkpoint directory. Both live outside the database: whoever
 * can write `audit_log` cannot recompute a keyed hash, nor sign a checkpoint. The key is module
 * state, set once when a process opens the platform (server start, CLI, test harness), so the 70+
 * callers of `recordAudit` need not pass it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, auditKeyBytes, loadConfig } from '../../config';

type AuditSettings = Pick<Config, 'DATA_DIR' | 'AUDIT_KEY' | 'AUDIT_KEY_FILE' | 'AUDIT_CHECKPOINT_DIR'>;

export interface AuditKeySource {
  /** `variable`: AUDIT_KEY; `file`: AUDIT_KEY_FILE; `data-dir`: DATA_DIR/audit.key (generated when missing). */
  source: 'variable' | 'file' | 'data-dir';
  path?: string;
  generated: boolean;
}

let key: Buffer | null = null;
let defaultCheckpointDir: string | null = null;

/** Where checkpoints of this configuration go: AUDIT_CHECKPOINT_DIR, else DATA_DIR/audit-checkpoints. */
export function checkpointDirOf(config: AuditSettings): string {
  return path.resolve(config.AUDIT_CHECKPOINT_DIR ?? path.join(config.DATA_DIR, 'audit-checkpoints'));
}

/**
 * Reads (or, with neither AUDIT_KEY nor AUDIT_KEY_FILE, generates once into DATA_DIR/audit.key,
 * mode 0600) the key and makes it the process's audit key. Returns where it came from, so the
 * server can warn when a PostgreSQL deployment relies on a key in its data directory.
 */
export function configureAudit(config: AuditSettings): AuditKeySource {
  defaultCheckpointDir = checkpointDirOf(config);
  if (config.AUDIT_KEY) {
    key = auditKeyBytes(config.AUDIT_KEY);
    return { source: 'variable', generated: false };
  }
  if (config.AUDIT_KEY_FILE) {
    const file = path.resolve(config.AUDIT_KEY_FILE);
    const bytes = auditKeyBytes(fs.readFileSync(file, 'utf8'));
    if (!bytes) {
      throw new Error(
        `AUDIT_KEY_FILE ${file}: the key must be at least 32 bytes, as hex or base64 / 审计密钥文件 ${file} 中的密钥至少 32 字节（十六进制或 base64）`,
      );
    }
    key = bytes;
    return { source: 'file', path: file, generated: false };
  }
  const file = path.resolve(config.DATA_DIR, 'audit.key');
  let generated = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': when two processes start at once, one writes and the other reads what it wrote.
      fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      generated = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const bytes = auditKeyBytes(fs.readFileSync(file, 'utf8'));
  if (!bytes) throw new Error(`${file}: not an audit key / 不是有效的审计密钥`);
  key = bytes;
  return { source: 'data-dir', path: file, generated };
}

/** Sets the key directly (tests, tools that already hold it). */
export function useAuditKey(bytes: Buffer): void {
  if (bytes.length < 32) throw new Error('the audit key must be at least 32 bytes');
  key = bytes;
}

export function auditKeyConfigured(): boolean {
  return key !== null;
}

/** The process's key; a process that never configured one reads the environment's settings now. */
export function auditKey(): Buffer {
  if (!key) configureAudit(loadConfig(process.env));
  return key!;
}

/** The checkpoint directory of the process's own configuration (the scheduled job writes there). */
export function defaultAuditCheckpointDir(): string {
  if (!defaultCheckpointDir) defaultCheckpointDir = checkpointDirOf(loadConfig(process.env));
  return defaultCheckpointDir;
}
