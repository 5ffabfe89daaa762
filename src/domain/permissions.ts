/**
 * THE permission model of the platform — who may do what, readable in one file.
 *
 * A request is allowed when all four layers say yes, checked in this order:
 *
 * 1. Action (this file, above "Object rules"). Every route declares the one action it needs in
 *    its options — `config: { action: 'project.write' }`, or `config: { public: true }` for the
 *    anonymous portal and sign-in — and the app's onRequest hook (src/server/app.ts) refuses a
 *    signed-in role without that action with 403 FORBIDDEN, naming the action, before validation or
 *    any database read. A route that declares neither fails src/server/authz-matrix.test.ts.
 *    `signed-in` is the pseudo-action every authenticated user holds (own account, own notifications).
 * 2. Region scope (src/server/lib/scope.ts). A user sees the subtree of their own region; the
 *    country-level admin sees all. Repositories filter by it in SQL, so an object outside the scope
 *    is simply not found: 404, indistinguishable from a random id. Writes check every region and unit
 *    they name against the same scope (400 VALIDATION on the field).
 * 3. Owning unit (object rules, below). A liaison (industry department) writes only what its own
 *    unit owns, leads or answers for; other roles with the action write anything in scope.
 * 4. Confidentiality (projectVisible in src/server/modules/projects/repository.ts). A confidential
 *    project is visible only to leaders and admins and to users of its first or responsible unit;
 *    to everyone else — and through its tickets, agreements and audit history — it does not exist (404).
 *
 * Roles (等保 三权分立: the three administrators cannot do each other's job):
 * - admin (系统管理员): users, units, regions (`admin`), and keeps the business actions it had
 *   — it neither reads the audit trail nor sets security policy
 * - security (安全管理员): password and session policy, unlocking accounts — and nothing else
 * - auditor (审计管理员): reads the whole audit trail and verifies its chain — and nothing else
 * - leader: decides (arbitration, exceptions, task forces) and edits in scope
 * - officer: runs projects in scope
 * - liaison (industry department): supplies projects and reports for its own unit's projects
 * - viewer: reads only
 * - verifier (抽样核查): reads, and records the findings of sampling checks
 * `security` and `auditor` hold no `read`: business data answers them 403.
 */

/** Every action, with what it allows in both languages (the 403 answer names it). */
export const ACTIONS = {
  read: { zh: '查看业务数据', en: 'read business data' },
  'project.write': { zh: '录入和修改项目及业务资料', en: 'enter and change projects and business records' },
  'project.transition': { zh: '流转项目阶段、签约与服务', en: 'move projects through stages, agreements and services' },
  'report.submit': { zh: '填报项目进展', en: 'submit project progress reports' },
  'leader.decide': {
    zh: '领导决策（裁决、例外、专班）',
    en: 'take leader decisions (arbitration, exceptions, task forces)',
  },
  'assessment.manage': { zh: '管理考核', en: 'manage assessments' },
  'sampling.verify': { zh: '登记抽样核查结果', en: 'record sampling-check findings' },
  'inquiry.decide': { zh: '受理或拒绝投资意向', en: 'accept or decline investment inquiries' },
  admin: { zh: '系统管理（用户、单位、地区）', en: 'administer the system (users, units, regions)' },
  'security.manage': {
    zh: '安全管理（口令与会话策略、解锁账号）',
    en: 'manage security (password and session policy, unlocking)',
  },
  'audit.read': { zh: '查阅审计记录', en: 'read the audit trail' },
  'signed-in': { zh: '登录', en: 'be signed in' },
} as const satisfies Record<string, { zh: string; en: string }>;

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
} as const satisfies Record<string, ReadonlyArray<Exclude<keyof typeof ACTIONS, 'signed-in'>>>;

export type RoleName = keyof typeof ROLE_ACTIONS;
/** An action some role holds. */
export type Action = (typeof ROLE_ACTIONS)[RoleName][number];
/** What a route may declare: an action, or `signed-in` (any authenticated user). */
export type RouteAction = keyof typeof ACTIONS;

/** Whether a role may perform an action at all (scope, owning unit and confidentiality come after). */
export function can(role: RoleName, action: RouteAction): boolean {
  if (action === 'signed-in') return role in ROLE_ACTIONS;
  return (ROLE_ACTIONS[role] as readonly string[]).includes(action);
}

/** Everything a role may do, `signed-in` included: what /api/auth/me hands the web shell. */
export function actionsOf(role: RoleName): RouteAction[] {
  return ['signed-in', ...ROLE_ACTIONS[role]];
}

export function isRouteAction(value: unknown): value is RouteAction {
  return typeof value === 'string' && Object.hasOwn(ACTIONS, value);
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
 * Roles that see every confidential project of their scope; everyone else sees one only when it is
 * their own unit's (first or responsible unit). Applied in SQL by `projectVisible`.
 */
export const CONFIDENTIAL_READERS: readonly RoleName[] = ['leader', 'admin'];

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
