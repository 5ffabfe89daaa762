import { AppError } from '../../../domain/errors';
import { dueVisits as dueOf, VISIT_OCCASIONS, VISIT_SOURCE, type VisitOccasion } from '../../../domain/visits';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { recordAudit } from '../audit/service';
import { getEnterprise } from '../enterprises/service';
import { presentVisit } from './presenter';
import * as repo from './repository';
import type { TDueVisits, TOccasion, TOccasionRequest, TVisit, TVisitRequest } from './schema';
import { requireAction, servicesToday } from './service';

/** The enterprise, through the enterprises module so its scope rule decides; unseen → a field error. */
async function requireEnterprise(tx: Db, auth: AuthContext, id: string) {
  try {
    return await getEnterprise(tx, auth, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION', {
        fields: [
          {
            field: 'body.enterpriseId',
            zh: '企业不存在或不在您的数据范围内',
            en: 'The enterprise does not exist or is outside your scope',
          },
        ],
      });
    }
    throw err;
  }
}

function notFuture(date: string, field: string) {
  if (date > servicesToday()) {
    throw new AppError('VALIDATION', {
      fields: [{ field, zh: '日期不能晚于今天', en: 'The date cannot be in the future' }],
    });
  }
}

/** Records that one of the six occasions happened to an enterprise: it now calls for a visit. */
export async function recordOccasion(db: Db, auth: AuthContext, input: TOccasionRequest): Promise<TOccasion> {
  requireAction(auth, 'project.write');
  notFuture(input.occurredOn, 'body.occurredOn');
  return db.transaction(async (tx) => {
    const enterprise = await requireEnterprise(tx, auth, input.enterpriseId);
    const row = await repo.insertOccasion(tx, {
      enterpriseId: enterprise.id,
      occasion: input.occasion,
      occurredOn: input.occurredOn,
      note: input.note?.trim() || null,
      recordedBy: auth.user.id,
    });
    const occasion: TOccasion = {
      id: row.id,
      enterprise: { id: enterprise.id, name: enterprise.name },
      occasion: input.occasion,
      occasionLabel: VISIT_OCCASIONS[input.occasion],
      occurredOn: row.occurredOn,
      note: row.note,
    };
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'visit_occasion.recorded',
      entity: 'enterprise',
      entityId: enterprise.id,
      regionCode: auth.user.regionCode,
      after: occasion,
    });
    return occasion;
  });
}

/** Records a visit (走访) with its occasion; the caller's unit made it. */
export async function recordVisit(db: Db, auth: AuthContext, input: TVisitRequest): Promise<TVisit> {
  requireAction(auth, 'project.write');
  notFuture(input.visitedOn, 'body.visitedOn');
  return db.transaction(async (tx) => {
    const enterprise = await requireEnterprise(tx, auth, input.enterpriseId);
    const row = await repo.insertVisit(tx, {
      enterpriseId: enterprise.id,
      occasion: input.occasion,
      visitedOn: input.visitedOn,
      visitors: input.visitors,
      unitId: auth.user.unitId,
      notes: input.notes.trim(),
      createdBy: auth.user.id,
    });
    const [full] = await repo.listVisits(tx, auth.scope, { id: row.id });
    const visit = presentVisit(full!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'visit.recorded',
      entity: 'enterprise',
      entityId: enterprise.id,
      regionCode: auth.user.regionCode,
      after: visit,
    });
    return visit;
  });
}

export async function listVisits(db: Db, auth: AuthContext, query: { enterpriseId?: string }) {
  return { items: (await repo.listVisits(db, auth.scope, query)).map(presentVisit) };
}

/** Enterprises due a visit: an occasion recorded with no visit for it since (gansu §(二十一)). */
export async function dueVisits(db: Db, auth: AuthContext): Promise<TDueVisits> {
  const rows = await repo.occasionsWithVisits(db, auth.scope);
  const occasions = rows.map((r) => ({
    id: r.occasion.id,
    enterpriseId: r.enterprise.id,
    occasion: r.occasion.occasion as VisitOccasion,
    occurredOn: r.occasion.occurredOn,
    row: r,
  }));
  // The latest visit per (enterprise, occasion) is all the rule needs.
  const visits = rows
    .filter((r) => r.lastVisitOn)
    .map((r) => ({
      enterpriseId: r.enterprise.id,
      occasion: r.occasion.occasion as VisitOccasion,
      visitedOn: r.lastVisitOn!,
    }));
  return {
    source: VISIT_SOURCE,
    items: dueOf(occasions, visits).map(({ row, occasion }) => ({
      id: row.occasion.id,
      enterprise: row.enterprise,
      occasion,
      occasionLabel: VISIT_OCCASIONS[occasion],
      occurredOn: row.occasion.occurredOn,
      note: row.occasion.note,
    })),
  };
}
