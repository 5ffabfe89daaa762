import { actionsOf } from '../../../domain/permissions';
import type { AuthContext } from '../../lib/auth-context';
import type { TMe } from './schema';

export function presentMe(auth: AuthContext): TMe {
  const u = auth.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unit: { id: u.unitId, name: u.unitName },
    region: { code: u.regionCode, name: u.regionName },
    csrfToken: auth.csrfToken,
    pending: auth.pending ?? null,
    actions: actionsOf(u.role),
    totpEnabled: auth.twoFactor?.enabled,
    mfaRequired: auth.twoFactor?.required,
  };
}
