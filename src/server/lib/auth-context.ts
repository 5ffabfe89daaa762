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

/**
 * A step the session owes before it opens anything else: its second factor, a new password (the
 * current one was generated or set by an administrator), or enrolling in two-factor sign-in.
 */
export type PendingStep = 'totp' | 'change-password' | 'enrol-totp';

/** Who is calling, what they may see, and their session. */
export interface AuthContext {
  user: AuthUser;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  /** Set while the session owes a step; such a session may call only the routes that clear it. */
  pending?: PendingStep | null;
  /** Two-factor sign-in is on for the user, and whether the policy makes the role keep it. */
  twoFactor?: { enabled: boolean; required: boolean };
}
