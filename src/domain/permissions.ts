/**
 * What each role may do. Scope (which regions) is separate: these say what, `Scope` says where.
 * - admin: everything, including users and units
 * - leader: decides (arbitration, exceptions, task forces) and edits in scope
 * - officer: runs projects in scope
 * - liaison (industry department): supplies projects and reports for its own unit's projects
 * - viewer: reads only
 * - verifier (抽样核查): reads, and records the findings of sampling checks
 * - inquiry.decide: accept a portal inquiry as a project, or decline it (admin, leader, officer)
 * - security (安全管理员): password and session policy, unlocking accounts — and nothing else
 * - auditor (审计管理员): reads the whole audit trail and verifies its chain — and nothing else
 * The system administrator (`admin`) neither reads the trail nor sets security policy (三权分立).
 */
export const ROLE_ACTIONS = {
  admin: [
    'read',
    'project.write',
    'project.transition',
    'report.submit',
    'leader.decide',
    'admin',
    'assessment.manage',
    'sampling.verify',
    'inquiry.decide',
  ],
  leader: [
    'read',
    'project.write',
    'project.transition',
    'report.submit',
    'leader.decide',
    'assessment.manage',
    'sampling.verify',
    'inquiry.decide',
  ],
  officer: ['read', 'project.write', 'project.transition', 'report.submit', 'inquiry.decide'],
  liaison: ['read', 'project.write', 'report.submit'],
  viewer: ['read'],
  verifier: ['read', 'sampling.verify'],
  security: ['security.manage'],
  auditor: ['audit.read'],
} as const;

export type RoleName = keyof typeof ROLE_ACTIONS;
export type Action = (typeof ROLE_ACTIONS)[RoleName][number];

/** Whether a role may perform an action at all (scope is checked separately). */
export function can(role: RoleName, action: Action): boolean {
  return (ROLE_ACTIONS[role] as readonly string[]).includes(action);
}

// ── Object rules ──

/** Who performs a write: the role and the unit it acts for. */
export interface Actor {
  role: RoleName;
  unitId: string;
}

/** The units an object belongs to: the owner, the lead or responsible unit, the organiser. */
export interface OwnedObject {
  ownerUnitIds: readonly (string | null | undefined)[];
}

/**
 * Roles that write only what their own unit owns, leads or answers for. The liaison (an industry
 * department) supplies its own unit's data; it does not edit the investment centre's.
 */
const OWN_UNIT_ONLY: ReadonlySet<RoleName> = new Set<RoleName>(['liaison']);

/**
 * Whether the actor may write this object (beyond the role's action and the region scope, which are
 * checked separately): a liaison only when one of the object's units is its own; other roles always.
 */
export function mayWriteOwned(actor: Actor, object: OwnedObject): boolean {
  if (!OWN_UNIT_ONLY.has(actor.role)) return true;
  return object.ownerUnitIds.some((id) => id === actor.unitId);
}

/**
 * The unit a new object may be created for: a liaison only for its own unit; other roles for any
 * unit of their scope (the scope is checked separately).
 */
export function mayActForUnit(actor: Actor, unitId: string): boolean {
  return !OWN_UNIT_ONLY.has(actor.role) || unitId === actor.unitId;
}

/** The reason given when {@link mayWriteOwned} refuses. */
export const NOT_OWN_UNIT = {
  zh: '联络员只能修改本单位负责的数据',
  en: 'A liaison can change only data of their own unit',
} as const;
