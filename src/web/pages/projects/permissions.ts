import type { Role } from '../../api/types';

// What the buttons offer; the server decides (src/domain/permissions.ts), this only hides what would be refused.
export const canEditProject = (role: Role) => role !== 'viewer';
export const canMoveStage = (role: Role) => role === 'admin' || role === 'leader' || role === 'officer';
export const canSubmitReport = (role: Role) => role !== 'viewer';
export const canAssignTaskForce = (role: Role) => role === 'admin' || role === 'leader';
