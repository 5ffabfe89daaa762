/**
 * Reading the audit trail: one entity's history (for whoever may read the entity), the trail as a
 * whole and its export (the audit administrator only), and the chain's verification. Every read
 * is itself recorded as an `audit.read` row.
 */
import ExcelJS from 'exceljs';
import { can } from '../../../domain/permissions';
import { AppError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { verifyAuditTrail } from './checkpoint';
import * as repo from './repository';
import { type ClientInfo, recordAudit, recordExport } from './service';

export interface TrailQuery {
  user?: string;
  username?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  /** China dates (YYYY-MM-DD), both inclusive. */
  from?: string;
  to?: string;
  region?: string;
}

/** The most rows one export holds; narrower filters give the rest. */
export const EXPORT_LIMIT = 50_000;

/** 三权分立: the trail as a whole is the audit administrator's alone (B1's route check does the same). */
function requireAuditRole(auth: AuthContext): void {
  if (!can(auth.user.role, 'audit.read')) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只有审计管理员可以查阅审计记录', en: 'Only the audit administrator reads the audit trail' },
    });
  }
}

async function recordRead(db: Db, auth: AuthContext, what: Record<string, unknown>, client: ClientInfo) {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorId: auth.user.id,
      action: 'audit.read',
      entity: 'audit_log',
      entityId: '-',
      regionCode: auth.user.regionCode,
      after: { ...what, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) },
    }),
  );
}

/**
 * An entity's change history. A project's answers whoever may open the project (region and
 * confidentiality), a ticket's or agreement's whoever may open its project; any other entity's,
 * the audit administrator within their region. Anything else is 404, like an id that never existed.
 */
export async function entityHistory(
  db: Db,
  auth: AuthContext,
  entity: string,
  entityId: string,
  client: ClientInfo = {},
) {
  let list: Awaited<ReturnType<typeof repo.historyRows>> = [];
  // A business reader sees the history of what it may read; the audit administrator (who reads no
  // business data) sees any entity's history within its region.
  if (can(auth.user.role, 'read') && (await repo.entityReadable(db, auth.scope, entity, entityId))) {
    list = await repo.historyRows(db, entity, entityId, null);
  } else if (can(auth.user.role, 'audit.read')) {
    list = await repo.historyRows(db, entity, entityId, auth.scope);
  }
  if (list.length === 0) throw new AppError('NOT_FOUND');
  await recordRead(db, auth, { entity, entityId, rows: list.length }, client);
  return list;
}

function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

async function toFilter(db: Db, auth: AuthContext, q: TrailQuery): Promise<repo.TrailFilter | null> {
  let regionPath: string | undefined;
  if (q.region) {
    const found = await repo.regionPathInScope(db, auth.scope, q.region);
    if (!found) return null; // a region outside the scope has no rows for this caller
    regionPath = found;
  }
  return {
    actorId: q.user,
    actorUsername: q.username,
    entity: q.entity,
    entityId: q.entityId,
    action: q.action,
    from: q.from ? chinaDayStart(q.from) : undefined,
    to: q.to ? new Date(chinaDayStart(q.to).getTime() + 86_400_000) : undefined,
    regionPath,
  };
}

/** One page of the trail, newest first; the read is recorded with its filters. */
export async function listTrail(
  db: Db,
  auth: AuthContext,
  q: TrailQuery & { page: number; pageSize: number },
  client: ClientInfo = {},
) {
  requireAuditRole(auth);
  const { page, pageSize, ...filters } = q;
  const filter = await toFilter(db, auth, filters);
  const result = filter ? await repo.trailPage(db, auth.scope, filter, page, pageSize) : { rows: [], total: 0 };
  await recordRead(db, auth, { filters, page, rows: result.rows.length }, client);
  return { ...result, page, pageSize };
}

const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (r: repo.TrailRow) => unknown }> = [
  { header: '序号 / Seq', width: 10, value: (r) => r.seq },
  { header: '时间 / Time', width: 22, value: (r) => r.at.toISOString() },
  { header: '用户 / User', width: 18, value: (r) => r.actorUsername ?? '' },
  { header: '姓名 / Name', width: 14, value: (r) => r.actorName ?? '' },
  { header: '操作 / Action', width: 24, value: (r) => r.action },
  { header: '对象 / Entity', width: 18, value: (r) => r.entity },
  { header: '对象编号 / Entity id', width: 38, value: (r) => r.entityId },
  { header: '地区 / Region', width: 16, value: (r) => [r.regionCode, r.regionName].filter(Boolean).join(' ') },
  { header: 'IP', width: 16, value: (r) => ipOf(r.after) ?? '' },
  { header: '变更前 / Before', width: 40, value: (r) => (r.before == null ? '' : JSON.stringify(r.before)) },
  { header: '变更后 / After', width: 40, value: (r) => (r.after == null ? '' : JSON.stringify(r.after)) },
  { header: '哈希 / Hash', width: 20, value: (r) => r.hash },
];

/** The source address a row recorded, under whichever name its writer used. */
export function ipOf(after: unknown): string | null {
  if (!after || typeof after !== 'object') return null;
  const a = after as Record<string, unknown>;
  const ip = a.ip ?? a.address ?? a.sourceIp;
  return typeof ip === 'string' ? ip : null;
}

/** The filtered trail as an Excel workbook with bilingual headers; the export is itself recorded. */
export async function exportTrail(db: Db, auth: AuthContext, q: TrailQuery, client: ClientInfo = {}): Promise<Buffer> {
  requireAuditRole(auth);
  const filter = await toFilter(db, auth, q);
  const list = filter ? await repo.trailRows(db, auth.scope, filter, EXPORT_LIMIT) : [];
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhaoshang 招商引资平台';
  const sheet = book.addWorksheet('审计记录 Audit trail', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of list) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(row)));
  const file = Buffer.from(await book.xlsx.writeBuffer());
  await recordExport(db, auth, { what: 'audit_log', filters: q, rows: list.length, name: 'audit-trail.xlsx' }, client);
  return file;
}

/** Verifies the chain against the checkpoints, writes a new checkpoint when it holds, and records who asked. */
export async function verifyTrail(db: Db, auth: AuthContext, checkpointDir: string, client: ClientInfo = {}) {
  requireAuditRole(auth);
  const report = await verifyAuditTrail(db, { checkpointDir });
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorId: auth.user.id,
      action: 'audit.verify',
      entity: 'audit_log',
      entityId: '-',
      regionCode: auth.user.regionCode,
      after: {
        ok: report.ok,
        checked: report.checked,
        problem: report.problem,
        brokenAt: report.brokenAt,
        ip: client.ip,
      },
    }),
  );
  return report;
}
