import { AppError } from '../../../domain/errors';
import { isActive, type Stage } from '../../../domain/lifecycle';
import { foldText } from '../../../domain/names';
import { can, mayWriteOwned } from '../../../domain/permissions';
import { chinaDate } from '../../../domain/reporting';
import { RELEASE_CAUSE_LABELS, type ReleaseCause, checkExpiry, decideHold } from '../../../domain/reservation';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { recordAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { requireProject } from './matching.service';
import { presentReservation } from './presenter';
import * as repo from './repository';
import type { TCreateReservation, TReservation, TReservationQuery } from './schema';

function requireReserver(auth: AuthContext, project: { firstUnitId: string; responsibleUnitId: string }): void {
  if (!can(auth.user.role, 'project.write')) {
    throw new AppError('FORBIDDEN', { detail: { zh: '您的角色不能预留要素', en: 'Your role cannot reserve factors' } });
  }
  if (!mayWriteOwned(auth.user, { ownerUnitIds: [project.firstUnitId, project.responsibleUnitId] })) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '联络员只能为本单位首谈或负责的项目预留',
        en: 'A liaison reserves only for projects of their own unit',
      },
    });
  }
}

async function loadPresented(db: Db, id: string): Promise<TReservation> {
  return presentReservation((await repo.findReservation(db, null, id))!);
}

export async function listReservations(db: Db, auth: AuthContext, query: TReservationQuery) {
  const { rows, total } = await repo.listReservations(db, auth.scope, query, {
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(presentReservation), total };
}

/**
 * Holds an available parcel or building for an active, not stalled project until `expiresOn`.
 * The item turns `reserved`; its maintaining unit is told. One active hold per item (a unique
 * index makes a simultaneous second one fail as a conflict).
 */
export async function createReservation(db: Db, auth: AuthContext, input: TCreateReservation): Promise<TReservation> {
  const today = chinaDate(new Date());
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, input.projectId, true);
    requireReserver(auth, project);
    if (!isActive(project.stage as Stage) || project.stalledSince) {
      const zh = project.stalledSince ? '项目已停滞，不能预留要素' : '项目已终止或已达效，不能预留要素';
      const en = project.stalledSince
        ? 'The project has stalled; it cannot reserve factors'
        : 'The project is terminated or achieved; it cannot reserve factors';
      throw new AppError('VALIDATION', { fields: [{ field: 'body.projectId', zh, en }] });
    }
    const expiryProblem = checkExpiry(input.expiresOn, today);
    if (expiryProblem) throw new AppError('VALIDATION', { fields: [{ field: 'body.expiresOn', ...expiryProblem }] });

    const kind = input.parcelId ? ('parcel' as const) : ('building' as const);
    const itemId = (input.parcelId ?? input.buildingId)!;
    const item =
      kind === 'parcel'
        ? await repo.findParcel(tx, auth.scope, itemId, true)
        : await repo.findBuilding(tx, auth.scope, itemId, true);
    if (!item) throw new AppError('NOT_FOUND');
    const taken = () =>
      new AppError('CONFLICT', {
        detail: {
          zh: `${item.code} 当前不可预留（${item.status === 'used' ? '已使用' : '已被预留'}）`,
          en: `${item.code} cannot be reserved (${item.status === 'used' ? 'already used' : 'already reserved'})`,
        },
        fields: [
          {
            field: kind === 'parcel' ? 'body.parcelId' : 'body.buildingId',
            zh: '该要素不可预留',
            en: 'This item is not available',
          },
        ],
      });
    if (item.status !== 'available') throw taken();
    const id = await repo.insertReservation(tx, {
      parcelId: kind === 'parcel' ? itemId : null,
      buildingId: kind === 'building' ? itemId : null,
      projectId: project.id,
      regionCode: item.regionCode,
      holderUserId: auth.user.id,
      holderUnitId: auth.user.unitId,
      reservedOn: today,
      expiresOn: input.expiresOn,
      note: input.note ? foldText(input.note) || null : null,
    });
    if (!id) throw taken();
    await repo.setItemStatus(tx, { kind, id: itemId }, 'reserved');
    const created = await loadPresented(tx, id);
    await notify(tx, {
      unitId: item.unitId,
      kind: 'factor.reserved',
      title: { zh: `${item.code} 已被预留`, en: `${item.code} was reserved` },
      body: {
        zh: `${auth.user.displayName} 为项目“${project.name}”预留了 ${item.name}，至 ${input.expiresOn}。`,
        en: `${auth.user.displayName} reserved ${item.name} for the project "${project.name}" until ${input.expiresOn}.`,
      },
      entity: 'reservation',
      entityId: id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.reserved',
      entity: 'reservation',
      entityId: id,
      regionCode: item.regionCode,
      after: created,
    });
    return created;
  });
}

type Ending = { status: 'released' | 'used'; reason: string; itemStatus: 'available' | 'used' };

async function endReservation(
  tx: Db,
  row: repo.ReservationRow,
  ending: Ending,
  actorId: string | null,
  today: string,
): Promise<TReservation> {
  const before = presentReservation(row);
  await repo.updateReservation(tx, row.id, {
    status: ending.status,
    endedOn: today,
    endedReason: ending.reason,
  });
  await repo.setItemStatus(
    tx,
    { kind: row.parcelId ? 'parcel' : 'building', id: (row.parcelId ?? row.buildingId)! },
    ending.itemStatus,
  );
  const after = await loadPresented(tx, row.id);
  await recordAudit(tx, {
    actorId,
    action: ending.status === 'used' ? 'factor.reservation_used' : 'factor.reservation_released',
    entity: 'reservation',
    entityId: row.id,
    regionCode: row.regionCode,
    before,
    after,
  });
  return after;
}

async function requireActiveInScope(tx: Db, auth: AuthContext, id: string): Promise<repo.ReservationRow> {
  const row = await repo.findReservation(tx, auth.scope, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  // A hold belongs to its holder: a liaison changes only its own holds.
  const ownHold = row.holderUserId === auth.user.id;
  if (
    !can(auth.user.role, 'project.write') ||
    !mayWriteOwned(auth.user, { ownerUnitIds: [ownHold ? auth.user.unitId : null] })
  ) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只有预留人或项目干部可以处理预留', en: 'Only the holder or an officer can change a hold' },
    });
  }
  if (row.status !== 'active') {
    throw new AppError('CONFLICT', {
      detail: { zh: '预留已结束', en: 'The hold has already ended' },
    });
  }
  return row;
}

/** Ends a hold by hand; the item is available again, and a holder who did not do it is told. */
export async function releaseReservation(
  db: Db,
  auth: AuthContext,
  id: string,
  reason: string | undefined,
): Promise<TReservation> {
  const today = chinaDate(new Date());
  return db.transaction(async (tx) => {
    const row = await requireActiveInScope(tx, auth, id);
    const text = reason ? foldText(reason) : '';
    const after = await endReservation(
      tx,
      row,
      { status: 'released', reason: text ? `manual: ${text}` : 'manual', itemStatus: 'available' },
      auth.user.id,
      today,
    );
    if (row.holderUserId !== auth.user.id) {
      await notify(tx, {
        userIds: [row.holderUserId],
        kind: 'factor.reservation_released',
        title: { zh: `预留已释放：${after.item.code}`, en: `Hold released: ${after.item.code}` },
        body: {
          zh: `${auth.user.displayName} 释放了项目“${row.projectName}”对 ${after.item.name} 的预留。${text}`,
          en: `${auth.user.displayName} released the hold on ${after.item.name} for "${row.projectName}". ${text}`,
        },
        entity: 'reservation',
        entityId: id,
      });
    }
    return after;
  });
}

/** The project took the item: the hold ends and the item is marked used. */
export async function useReservation(db: Db, auth: AuthContext, id: string): Promise<TReservation> {
  const today = chinaDate(new Date());
  return db.transaction(async (tx) => {
    const row = await requireActiveInScope(tx, auth, id);
    return endReservation(tx, row, { status: 'used', reason: 'used', itemStatus: 'used' }, auth.user.id, today);
  });
}

/**
 * Moves a hold's expiry (within the longest hold from today). A pending expiry notice is
 * withdrawn at once; a notice for a stalled or terminated project stands.
 */
export async function extendReservation(
  db: Db,
  auth: AuthContext,
  id: string,
  input: { version: number; expiresOn: string },
): Promise<TReservation> {
  const today = chinaDate(new Date());
  return db.transaction(async (tx) => {
    const row = await requireActiveInScope(tx, auth, id);
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', {
        detail: {
          zh: `预留已被修改（当前版本 ${row.version}），请刷新`,
          en: `The hold was changed (now version ${row.version}); reload`,
        },
        fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
      });
    }
    const problem = checkExpiry(input.expiresOn, today);
    if (problem) throw new AppError('VALIDATION', { fields: [{ field: 'body.expiresOn', ...problem }] });
    const before = presentReservation(row);
    await repo.updateReservation(tx, id, {
      expiresOn: input.expiresOn,
      ...(row.releaseCause === 'expiry' ? { releaseCause: null, releaseDueOn: null } : {}),
    });
    const after = await loadPresented(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'factor.reservation_extended',
      entity: 'reservation',
      entityId: id,
      regionCode: row.regionCode,
      before,
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------- the daily job

async function tellHolder(
  tx: Db,
  hold: repo.ActiveHold,
  title: { zh: string; en: string },
  body: { zh: string; en: string },
) {
  const sent = await notify(tx, {
    userIds: [hold.holderUserId],
    kind: 'factor.reservation_notice',
    title,
    body,
    entity: 'reservation',
    entityId: hold.id,
  });
  // A holder who left: their unit hears instead.
  if (sent.length === 0) {
    await notify(tx, {
      unitId: hold.holderUnitId,
      kind: 'factor.reservation_notice',
      title,
      body,
      entity: 'reservation',
      entityId: hold.id,
    });
  }
}

/**
 * Applies the reservation rules (src/domain/reservation.ts) to every active hold on `today`:
 * notices first, releases on the date a notice promised, notices withdrawn when the cause is gone.
 * One transaction per hold, so one failure does not undo the others.
 */
export async function runReservationsDaily(
  db: Db,
  today: string,
): Promise<{ notified: number; released: number; withdrawn: number }> {
  const counts = { notified: 0, released: 0, withdrawn: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await repo.activeHolds(db, after, 200);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    for (const hold of batch) {
      const decision = decideHold(hold, hold, today);
      if (decision.action === 'keep') continue;
      await db.transaction(async (tx) => {
        const row = await repo.findReservation(tx, null, hold.id, true);
        if (!row || row.status !== 'active') return;
        const item = `${hold.itemCode} ${hold.itemName}`;
        if (decision.action === 'notify') {
          const cause = RELEASE_CAUSE_LABELS[decision.cause];
          await repo.updateReservation(tx, hold.id, {
            releaseCause: decision.cause,
            releaseDueOn: decision.releaseOn,
            noticeOn: today,
          });
          await tellHolder(
            tx,
            hold,
            {
              zh: `预留将于 ${decision.releaseOn} 释放：${hold.itemCode}`,
              en: `Hold ends on ${decision.releaseOn}: ${hold.itemCode}`,
            },
            {
              zh: `因${cause.zh}，项目“${hold.projectName}”对 ${item} 的预留将于 ${decision.releaseOn} 自动释放。如需保留，请在此之前延长预留或推进项目。`,
              en: `Because ${cause.en}, the hold on ${item} for "${hold.projectName}" will be released on ${decision.releaseOn}. Extend it or move the project before then to keep it.`,
            },
          );
          await recordAudit(tx, {
            actorId: null,
            action: 'factor.reservation_notice',
            entity: 'reservation',
            entityId: hold.id,
            regionCode: hold.regionCode,
            after: { cause: decision.cause, releaseOn: decision.releaseOn, noticeOn: today },
          });
          counts.notified++;
        } else if (decision.action === 'withdraw_notice') {
          await repo.updateReservation(tx, hold.id, { releaseCause: null, releaseDueOn: null });
          await recordAudit(tx, {
            actorId: null,
            action: 'factor.reservation_notice_withdrawn',
            entity: 'reservation',
            entityId: hold.id,
            regionCode: hold.regionCode,
            before: { cause: hold.releaseCause, releaseOn: hold.releaseDueOn },
          });
          counts.withdrawn++;
        } else {
          const cause: ReleaseCause = decision.cause;
          await endReservation(tx, row, { status: 'released', reason: cause, itemStatus: 'available' }, null, today);
          await tellHolder(
            tx,
            hold,
            { zh: `预留已释放：${hold.itemCode}`, en: `Hold released: ${hold.itemCode}` },
            {
              zh: `因${RELEASE_CAUSE_LABELS[cause].zh}，项目“${hold.projectName}”对 ${item} 的预留已释放。`,
              en: `Because ${RELEASE_CAUSE_LABELS[cause].en}, the hold on ${item} for "${hold.projectName}" has been released.`,
            },
          );
          counts.released++;
        }
      });
    }
  }
  return counts;
}
