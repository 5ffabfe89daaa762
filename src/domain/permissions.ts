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
