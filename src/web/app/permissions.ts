import { actionsOf, type RouteAction } from '../../domain/permissions';
import type { Me } from '../api/types';
import { useSignedInUser } from './auth';

/**
 * What the signed-in user may do, as the server says in /api/auth/me `actions` (the role's actions
 * of src/domain/permissions.ts). The web only hides what the server would refuse; the server decides.
 */
export function actionsOfMe(me: Pick<Me, 'role' | 'actions'>): ReadonlySet<string> {
  return new Set<string>(me.actions ?? actionsOf(me.role));
}

export function mayDo(me: Pick<Me, 'role' | 'actions'>, action: RouteAction): boolean {
  return actionsOfMe(me).has(action);
}

/** `can('project.write')` for the signed-in user. */
export function useCan(): (action: RouteAction) => boolean {
  const me = useSignedInUser();
  const actions = actionsOfMe(me);
  return (action) => actions.has(action);
}
