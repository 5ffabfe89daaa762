import { CONFIDENTIAL_READERS } from '../../src/domain/permissions';

const READERS = CONFIDENTIAL_READERS.map((role) => `'${role}'`).join(', ');

/**
 * `projectVisible(scope)` (src/server/modules/projects/repository.ts) written out for the bare SQL
 * the benchmark sets against the API: over projects aliased `p`, first or host region in the
 * caller's subtree, and confidential ones only to leaders, admins and the project's own units.
 * `path` and `user` are the placeholders (`$2`, …) holding the caller's `path%` and user id.
 */
export const VISIBLE = (path: string, user: string): string => `(
  (p.first_region_code in (select code from regions where path like ${path})
   or p.host_region_code in (select code from regions where path like ${path}))
  and (p.confidentiality = 'normal' or exists (select 1 from users u where u.id = ${user}
    and (u.role in (${READERS}) or u.unit_id = p.first_unit_id or u.unit_id = p.responsible_unit_id))))`;
