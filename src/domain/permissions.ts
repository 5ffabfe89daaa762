/**
 * What each role may do. Scope (which regions) is separate: these say what, `Scope` says where.
 * - admin: everything, including users and units
 * - leader: decides (arbitration, exceptions, task forces) and edits in scope
 * - officer: runs projects in scope
 * - liaison (industry department): supplies projects and reports for its own unit's projects
 * - viewer: reads only
 * - verifier (抽样核查): reads, and records the findings of sampling checks
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
  ],
  leader: [
    'read',
    'project.write',
    'project.transition',
    'report.submit',
    'leader.decide',
    'assessment.manage',
    'sampling.verify',
  ],
  officer: ['read', 'project.write', 'project.transition', 'report.submit'],
  liaison: ['read', 'project.write', 'report.submit'],
  viewer: ['read'],
  verifier: ['read', 'sampling.verify'],
} as const;

export type RoleName = keyof typeof ROLE_ACTIONS;
export type Action = (typeof ROLE_ACTIONS)[RoleName][number];

/** Whether a role may perform an action at all (scope is checked separately). */
export function can(role: RoleName, action: Action): boolean {
  return (ROLE_ACTIONS[role] as readonly string[]).includes(action);
}
