import { can } from '../../../domain/permissions';
import type { Role } from '../../api/types';

// What the buttons offer, from the one permission model (src/domain/permissions.ts); the server
// decides (route actions, scope, owning unit), this only hides what would be refused.
export const canEditProject = (role: Role) => can(role, 'project.write');
export const canMoveStage = (role: Role) => can(role, 'project.transition');
export const canSubmitReport = (role: Role) => can(role, 'report.submit');
export const canAssignTaskForce = (role: Role) => can(role, 'leader.decide');
