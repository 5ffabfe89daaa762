import { AppError } from '../../../domain/errors';
import { departmentFigures as figuresOf } from '../../../domain/tickets';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { assertUnitsInScope, requireOwnedWrite } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { getProject } from '../projects/service';
import { presentNotice, presentTicket } from './presenter';
import * as repo from './repository';
import type {
  TCloseTicketRequest,
  TCommissionerRequest,
  TCreateTicketRequest,
  TDepartmentFigures,
  TProjectLedger,
  TSupervisionNotice,
  TSupervisionNoticeRequest,
  TTicket,
  TTicketList,
  TTicketListItem,
  TTicketListQuery,
} from './schema';
import { requireAction, requireProject, servicesToday } from './service';

/**
 * A unit work may be sent to: active, and in the caller's scope or in a region above the project's
 * host region within its province (a county project may need a city department).
 */
async function requireAssignable(tx: Db, auth: AuthContext, unitId: string, hostRegionCode: string, field: string) {
  await assertUnitsInScope(tx, auth.scope, { [field]: unitId }, { unitsAbove: hostRegionCode });
}

/** A liaison acts only on its own projects: those its unit first negotiated or answers for. */
function requireOwnProject(auth: AuthContext, project: repo.ProjectFacts): void {
  requireOwnedWrite(auth, { ownerUnitIds: [project.firstUnitId, project.responsibleUnitId] });
}

async function loadTicket(db: Db, auth: AuthContext, id: string): Promise<TTicket> {
  const row = await repo.findTicket(db, auth.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  const notes = await repo.notesOf(db, id);
  const notices = await repo.listNotices(db, auth.scope, { ticketId: id });
  const createdBy = await repo.ticketCreator(db, row.ticket.createdBy);
  return {
    ...presentTicket(row, servicesToday()),
    description: row.ticket.description,
    resolution: row.ticket.resolution,
    createdBy,
    notes: notes.map((n) => ({
      id: n.note.id,
      text: n.note.text,
      author: n.author?.id ? { id: n.author.id, displayName: n.author.displayName } : null,
      at: n.note.at.toISOString(),
    })),
    notices: notices.map(presentNotice),
  };
}

export const getTicket = loadTicket;

/** Raises a problem of a project as a ticket assigned to a department with a due date; the department is told. */
export async function createTicket(db: Db, auth: AuthContext, input: TCreateTicketRequest): Promise<TTicket> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, input.projectId);
    requireOwnProject(auth, project);
    await requireAssignable(tx, auth, input.departmentId, project.hostRegionCode, 'body.departmentId');
    const today = servicesToday();
    if (input.dueDate < today) {
      throw new AppError('VALIDATION', {
        fields: [{ field: 'body.dueDate', zh: '办理期限不能早于今天', en: 'The due date cannot be before today' }],
      });
    }
    const id = await repo.insertTicket(tx, {
      projectId: project.id,
      title: input.title,
      description: input.description.trim(),
      departmentId: input.departmentId,
      openedOn: today,
      dueDate: input.dueDate,
      createdBy: auth.user.id,
    });
    const ticket = await loadTicket(tx, auth, id);
    await notify(tx, {
      unitId: input.departmentId,
      kind: 'services.ticket_assigned',
      title: { zh: `服务台账交办：${input.title}`, en: `Service ticket assigned: ${input.title}` },
      body: {
        zh: `项目“${project.name}”，请于 ${input.dueDate} 前办结`,
        en: `Project ${project.name}; close it by ${input.dueDate}`,
      },
      entity: 'ticket',
      entityId: id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'ticket.created',
      entity: 'ticket',
      entityId: id,
      regionCode: project.hostRegionCode,
      after: ticket,
    });
    return ticket;
  });
}

export async function listTickets(db: Db, auth: AuthContext, query: TTicketListQuery): Promise<TTicketList> {
  const today = servicesToday();
  const rows = await repo.listTickets(db, auth.scope, {
    projectId: query.projectId,
    departmentId: query.departmentId,
    status: query.status,
    overdueOn: query.overdue === 'true' ? today : undefined,
    escalated: query.escalated === undefined ? undefined : query.escalated === 'true',
    hostRegionCode: query.hostRegion,
  });
  return { items: rows.map((r) => presentTicket(r, today)) };
}

/**
 * Open tickets past their due date, of projects hosted in `regionCode`'s subtree that the caller
 * sees: how many, and the `limit` longest overdue. For the dashboard; the list page shows them all
 * with `?overdue=true&hostRegion=`.
 */
export async function overdueTickets(
  db: Db,
  auth: AuthContext,
  options: { regionCode: string; limit: number },
): Promise<{ today: string; count: number; items: TTicketListItem[] }> {
  const today = servicesToday();
  const filter = { overdueOn: today, hostRegionCode: options.regionCode };
  const count = await repo.countTickets(db, auth.scope, filter);
  const rows = count ? await repo.listTickets(db, auth.scope, filter, options.limit) : [];
  return { today, count, items: rows.map((r) => presentTicket(r, today)) };
}

async function requireOpenTicket(tx: Db, auth: AuthContext, id: string) {
  const row = await repo.findTicket(tx, auth.scope, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  // A liaison works only the tickets of its own department or of its own projects.
  requireOwnedWrite(auth, {
    ownerUnitIds: [row.ticket.departmentId, row.owners.firstUnitId, row.owners.responsibleUnitId],
  });
  if (row.ticket.status !== 'open') {
    throw new AppError('CONFLICT', { detail: { zh: '该事项已办结', en: 'The ticket is already closed' } });
  }
  return row;
}

/** Adds a progress note to an open ticket. */
export async function addTicketNote(db: Db, auth: AuthContext, id: string, text: string): Promise<TTicket> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const row = await requireOpenTicket(tx, auth, id);
    await repo.insertNote(tx, { ticketId: id, text: text.trim(), authorId: auth.user.id });
    await repo.updateTicket(tx, id, null, {});
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'ticket.note',
      entity: 'ticket',
      entityId: id,
      regionCode: null,
      after: { text: text.trim(), project: row.project.id },
    });
    return loadTicket(tx, auth, id);
  });
}

/** Closes a ticket with its resolution, today. */
export async function closeTicket(db: Db, auth: AuthContext, id: string, input: TCloseTicketRequest): Promise<TTicket> {
  requireAction(auth, 'project.write');
  return db.transaction(async (tx) => {
    const row = await requireOpenTicket(tx, auth, id);
    if (row.ticket.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', {
        fields: [{ field: 'body.version', zh: '版本已过期', en: 'The version is stale' }],
      });
    }
    const today = servicesToday();
    await repo.updateTicket(tx, id, input.version, { status: 'closed', closedOn: today, resolution: input.resolution });
    const after = await loadTicket(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'ticket.closed',
      entity: 'ticket',
      entityId: id,
      regionCode: null,
      before: { status: 'open' },
      after: { status: 'closed', closedOn: today, resolution: input.resolution },
    });
    return after;
  });
}

/** Per department: tickets opened, closed, overdue now, closed late, and median days to close. */
export async function departmentFigures(db: Db, auth: AuthContext): Promise<TDepartmentFigures> {
  const today = servicesToday();
  const rows = await repo.ticketFacts(db, auth.scope);
  const names = new Map(rows.map((r) => [r.departmentId, r.departmentName]));
  return {
    today,
    items: figuresOf(rows, today).map(({ departmentId, ...f }) => ({
      department: { id: departmentId, name: names.get(departmentId) ?? '' },
      ...f,
    })),
  };
}

/** 督办通知 to a project's lead unit (jiangmen §(十八)), optionally about one ticket. */
export async function issueSupervisionNotice(
  db: Db,
  auth: AuthContext,
  input: TSupervisionNoticeRequest,
): Promise<TSupervisionNotice> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, input.projectId);
    requireOwnProject(auth, project);
    await requireAssignable(tx, auth, input.leadUnitId, project.hostRegionCode, 'body.leadUnitId');
    if (input.ticketId) {
      const ticket = await repo.findTicket(tx, auth.scope, input.ticketId);
      if (!ticket || ticket.project.id !== project.id) {
        throw new AppError('VALIDATION', {
          fields: [{ field: 'body.ticketId', zh: '该事项不属于此项目', en: 'The ticket is not one of this project' }],
        });
      }
    }
    const today = servicesToday();
    if (input.replyBy < today) {
      throw new AppError('VALIDATION', {
        fields: [{ field: 'body.replyBy', zh: '回复期限不能早于今天', en: 'The reply date cannot be before today' }],
      });
    }
    const id = await repo.insertNotice(tx, {
      projectId: project.id,
      ticketId: input.ticketId ?? null,
      leadUnitId: input.leadUnitId,
      text: input.text,
      issuedOn: today,
      replyBy: input.replyBy,
      issuedBy: auth.user.id,
    });
    const [row] = await repo.listNotices(tx, auth.scope, { id });
    const notice = presentNotice(row!);
    await notify(tx, {
      unitId: input.leadUnitId,
      kind: 'services.supervision_notice',
      title: { zh: `督办通知：${project.name}`, en: `Supervision notice: ${project.name}` },
      body: { zh: `${input.text}（请于 ${input.replyBy} 前回复）`, en: `${input.text} (reply by ${input.replyBy})` },
      entity: 'project',
      entityId: project.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'supervision_notice.issued',
      entity: 'supervision_notice',
      entityId: id,
      regionCode: project.hostRegionCode,
      after: notice,
    });
    return notice;
  });
}

export async function listSupervisionNotices(db: Db, auth: AuthContext, query: { projectId?: string }) {
  return { items: (await repo.listNotices(db, auth.scope, query)).map(presentNotice) };
}

/** Names the project's 服务专员 (jiangmen §(十四)); replaces an earlier one. */
export async function setCommissioner(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TCommissionerRequest,
): Promise<TProjectLedger> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, projectId);
    requireOwnProject(auth, project);
    await requireAssignable(tx, auth, input.unitId, project.hostRegionCode, 'body.unitId');
    const before = await repo.findCommissioner(tx, projectId);
    await repo.upsertCommissioner(tx, {
      projectId,
      name: input.name,
      unitId: input.unitId,
      phone: input.phone?.trim() || null,
      assignedBy: auth.user.id,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'commissioner.assigned',
      entity: 'project',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      before: before ? { name: before.commissioner.name, unitId: before.commissioner.unitId } : null,
      after: { name: input.name, unitId: input.unitId, phone: input.phone ?? null },
    });
    return projectLedger(tx, auth, projectId);
  });
}

/** A project's service ledger: commissioner, task forces (包保专班), tickets and supervision notices. */
export async function projectLedger(db: Db, auth: AuthContext, projectId: string): Promise<TProjectLedger> {
  // Through the projects service, so its visibility rule (and confidentiality) decides.
  const project = await getProject(db, auth, projectId);
  const commissioner = await repo.findCommissioner(db, projectId);
  const today = servicesToday();
  const tickets = await repo.listTickets(db, auth.scope, { projectId });
  const notices = await repo.listNotices(db, auth.scope, { projectId });
  return {
    project: { id: project.id, code: project.code, name: project.name },
    commissioner: commissioner
      ? {
          name: commissioner.commissioner.name,
          unit: commissioner.unit,
          phone: commissioner.commissioner.phone,
          assignedAt: commissioner.commissioner.assignedAt.toISOString(),
        }
      : null,
    taskForces: project.taskForces.map((t) => ({
      id: t.id,
      leaderName: t.leaderName,
      leadUnit: t.leadUnit,
      members: t.members,
      active: t.active,
    })),
    tickets: tickets.map((r) => presentTicket(r, today)),
    notices: notices.map(presentNotice),
  };
}

/**
 * The daily job: open tickets past their due date go onto the coordination meeting list (协调会)
 * once, and the department and the host region's leaders are told.
 */
export async function runTicketEscalation(db: Db, today: string): Promise<number> {
  const overdue = await repo.overdueUnescalated(db, today);
  for (const row of overdue) {
    await db.transaction(async (tx) => {
      await repo.updateTicket(tx, row.ticket.id, null, { escalatedOn: today });
      const title = {
        zh: `服务事项逾期，列入协调会：${row.ticket.title}`,
        en: `Overdue service ticket put on the coordination meeting list: ${row.ticket.title}`,
      };
      const body = {
        zh: `项目“${row.project.name}”，承办单位 ${row.department.name}，期限 ${row.ticket.dueDate}`,
        en: `Project ${row.project.name}, department ${row.department.name}, due ${row.ticket.dueDate}`,
      };
      await notify(tx, {
        unitId: row.department.id,
        kind: 'services.ticket_overdue',
        title,
        body,
        entity: 'ticket',
        entityId: row.ticket.id,
      });
      await notify(tx, {
        regionCode: row.hostRegionCode,
        roles: ['leader'],
        kind: 'services.ticket_overdue',
        title,
        body,
        entity: 'ticket',
        entityId: row.ticket.id,
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'ticket.escalated',
        entity: 'ticket',
        entityId: row.ticket.id,
        regionCode: row.hostRegionCode,
        after: { escalatedOn: today },
      });
    });
  }
  return overdue.length;
}
