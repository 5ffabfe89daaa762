/**
 * 服务台账 (service ledger): problems of a project raised as tickets, each assigned to a department
 * with a due date — jilin §三(三) service ledger, liaoyuan §三.六 专人负责、全程领办协办、限时推进,
 * jiangmen §(十四) one service commissioner per major project.
 *
 * Exported API (stable):
 * - `TICKET_STATUSES`, `type TicketStatus`, `TICKET_STATUS_LABELS`
 * - `isTicketOverdue(ticket, today)` — open past its due date
 * - `daysToClose(ticket)`, `median(values)`
 * - `departmentFigures(tickets, today)` → per department: opened, closed, overdue, median days to close
 */

import type { Bilingual } from './errors';
import { daysBetween } from './obligations';

export const TICKET_STATUSES = ['open', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_STATUS_LABELS: Record<TicketStatus, Bilingual> = {
  open: { zh: '办理中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
};

export interface TicketFacts {
  departmentId: string;
  status: TicketStatus;
  openedOn: string;
  dueDate: string;
  closedOn?: string | null;
}

/** Open after its due date (a ticket due today is not yet overdue). */
export function isTicketOverdue(t: TicketFacts, today: string): boolean {
  return t.status === 'open' && today > t.dueDate;
}

/** Whole days from opening to closing; null while open. */
export function daysToClose(t: TicketFacts): number | null {
  return t.status === 'closed' && t.closedOn ? daysBetween(t.openedOn, t.closedOn) : null;
}

/** The median (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface DepartmentFigures {
  departmentId: string;
  opened: number;
  closed: number;
  overdue: number;
  /** Closed late counts too: it was overdue when closed. */
  closedLate: number;
  medianDaysToClose: number | null;
}

/** Figures per department, in the order departments first appear. */
export function departmentFigures(tickets: readonly TicketFacts[], today: string): DepartmentFigures[] {
  const byDept = new Map<string, TicketFacts[]>();
  for (const t of tickets) {
    const list = byDept.get(t.departmentId) ?? [];
    list.push(t);
    byDept.set(t.departmentId, list);
  }
  return [...byDept].map(([departmentId, list]) => ({
    departmentId,
    opened: list.length,
    closed: list.filter((t) => t.status === 'closed').length,
    overdue: list.filter((t) => isTicketOverdue(t, today)).length,
    closedLate: list.filter((t) => t.status === 'closed' && t.closedOn && t.closedOn > t.dueDate).length,
    medianDaysToClose: median(list.map(daysToClose).filter((d): d is number => d !== null)),
  }));
}
