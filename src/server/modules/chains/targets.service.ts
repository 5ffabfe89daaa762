import { canConvert, checkTargetMove } from '../../../domain/chain-targets';
import { AppError, type FieldError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { scopeErrors } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { createProject } from '../projects/service';
import { presentTarget } from './presenter';
import * as repo from './repository';
import type {
  TAddContactRequest,
  TConvertResult,
  TConvertTargetRequest,
  TCreateTargetRequest,
  TTarget,
  TUpdateTargetRequest,
} from './schema';
import { requireChainEditor, staleVersion } from './service';

async function loadTarget(db: Db, auth: AuthContext, id: string, lock = false): Promise<TTarget> {
  const row = await repo.findTarget(db, auth.scope, id, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return presentTarget(row, await repo.contactsOf(db, [id]));
}

function auditTarget(t: TTarget) {
  return {
    segmentId: t.segmentId,
    enterpriseId: t.enterprise.id,
    status: t.status,
    ownerUnitId: t.ownerUnit.id,
    lastContactOn: t.lastContactOn,
    note: t.note,
    projectId: t.project?.id ?? null,
    version: t.version,
  };
}

/** The target-enterprise list (目标企业清单) of one segment. */
export async function listTargets(db: Db, auth: AuthContext, segmentId: string): Promise<{ items: TTarget[] }> {
  const segment = await repo.findSegment(db, auth.scope, segmentId);
  if (!segment) throw new AppError('NOT_FOUND');
  const targets = await repo.listTargets(db, [segmentId]);
  const contacts = await repo.contactsOf(
    db,
    targets.map((t) => t.id),
  );
  return { items: targets.map((t) => presentTarget(t, contacts)) };
}

/** Puts an enterprise of the library on a segment's target list, owned by a unit in scope. */
export async function createTarget(
  db: Db,
  auth: AuthContext,
  segmentId: string,
  input: TCreateTargetRequest,
): Promise<TTarget> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const segment = await repo.findSegment(tx, auth.scope, segmentId, true);
    if (!segment) throw new AppError('NOT_FOUND');
    const errors: FieldError[] = [];
    if (!(await repo.enterpriseInScope(tx, auth.scope, input.enterpriseId))) {
      errors.push({
        field: 'body.enterpriseId',
        zh: '企业不存在或不在您的数据范围内',
        en: 'No such enterprise in your scope',
      });
    }
    const ownerUnitId = input.ownerUnitId ?? auth.user.unitId;
    errors.push(...(await scopeErrors(tx, auth.scope, { units: { 'body.ownerUnitId': ownerUnitId } })));
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const id = await repo.insertTarget(tx, {
      segmentId,
      enterpriseId: input.enterpriseId,
      ownerUnitId,
      note: input.note,
      createdBy: auth.user.id,
    });
    if (!id) {
      const msg = { zh: '该企业已是此环节的目标企业', en: 'The enterprise is already a target of this segment' };
      throw new AppError('CONFLICT', { detail: msg, fields: [{ field: 'body.enterpriseId', ...msg }] });
    }
    const created = await loadTarget(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.target_created',
      entity: 'target_enterprise',
      entityId: id,
      regionCode: segment.chainRegionCode,
      after: auditTarget(created),
    });
    return created;
  });
}

/** Moves a target's status (not to converted: that is {@link convertTarget}), owner unit or note. */
export async function updateTarget(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateTargetRequest,
): Promise<TTarget> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findTarget(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version) throw staleVersion(current.version);
    const errors: FieldError[] = [];
    if (input.status) {
      const refused = checkTargetMove(current.status, input.status);
      if (refused) errors.push({ field: 'body.status', ...refused });
    }
    errors.push(...(await scopeErrors(tx, auth.scope, { units: { 'body.ownerUnitId': input.ownerUnitId } })));
    if (errors.length) throw new AppError('VALIDATION', { fields: errors });
    const before = await loadTarget(tx, auth, id);
    await repo.updateTarget(tx, id, { status: input.status, ownerUnitId: input.ownerUnitId, note: input.note });
    const after = await loadTarget(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.target_updated',
      entity: 'target_enterprise',
      entityId: id,
      regionCode: auth.user.regionCode,
      before: auditTarget(before),
      after: auditTarget(after),
    });
    return after;
  });
}

/** Records a contact; the last-contact date follows, and a target not yet contacted becomes contacted. */
export async function addContact(db: Db, auth: AuthContext, id: string, input: TAddContactRequest): Promise<TTarget> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findTarget(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.contactedOn > new Date().toISOString().slice(0, 10)) {
      throw new AppError('VALIDATION', {
        fields: [
          { field: 'body.contactedOn', zh: '接触日期不能晚于今天', en: 'The contact date cannot be in the future' },
        ],
      });
    }
    const before = await loadTarget(tx, auth, id);
    await repo.insertContact(tx, {
      targetId: id,
      contactedOn: input.contactedOn,
      channel: input.channel,
      summary: input.summary,
      createdBy: auth.user.id,
    });
    const last =
      current.lastContactOn && current.lastContactOn > input.contactedOn ? current.lastContactOn : input.contactedOn;
    await repo.updateTarget(tx, id, {
      lastContactOn: last,
      status: current.status === 'not_contacted' || current.status === 'dropped' ? 'contacted' : undefined,
    });
    const after = await loadTarget(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.target_contacted',
      entity: 'target_enterprise',
      entityId: id,
      regionCode: auth.user.regionCode,
      before: auditTarget(before),
      after: { ...auditTarget(after), contact: input },
    });
    return after;
  });
}

/**
 * Converts a target into a project in 洽谈 on the target's segment, through the projects module's
 * own create (same transaction: if the project is refused, the target stays as it was).
 */
export async function convertTarget(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TConvertTargetRequest,
): Promise<TConvertResult> {
  requireChainEditor(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findTarget(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.version !== undefined && current.version !== input.version) throw staleVersion(current.version);
    if (!canConvert(current.status)) {
      const msg =
        current.status === 'converted'
          ? { zh: '该目标企业已转化为项目', en: 'The target has already been converted' }
          : { zh: '已放弃的目标企业须先恢复接触才能转化', en: 'Take a dropped target up again before converting it' };
      throw new AppError('CONFLICT', { detail: msg, fields: [{ field: 'body.status', ...msg }] });
    }
    const segment = await repo.findSegment(tx, auth.scope, current.segmentId);
    const before = await loadTarget(tx, auth, id);
    const project = await createProject(tx, auth, {
      name: input.name,
      enterpriseIds: [current.enterpriseId],
      industryDivision: input.industryDivision === undefined ? current.enterpriseDivision : input.industryDivision,
      chainNodeId: current.segmentId,
      totalInvestmentWan: input.totalInvestmentWan,
      sourceChannel: input.sourceChannel,
      hostRegionCode: input.hostRegionCode ?? segment!.chainRegionCode,
      confidentiality: 'normal',
      stage: 'negotiating',
    });
    await repo.updateTarget(tx, id, { status: 'converted', projectId: project.id });
    const after = await loadTarget(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'chain.target_converted',
      entity: 'target_enterprise',
      entityId: id,
      regionCode: segment!.chainRegionCode,
      before: auditTarget(before),
      after: auditTarget(after),
    });
    return { target: after, project: { id: project.id, code: project.code, name: project.name, stage: project.stage } };
  });
}
