import type { Role } from '../db/schema';
import type { Scope } from './scope';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  regionCode: string;
  regionName: string;
}

/** Who is calling, what they may see, and their session. */
export interface AuthContext {
  user: AuthUser;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
}
