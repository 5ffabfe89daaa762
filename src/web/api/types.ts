// Shapes of the API's responses, as its OpenAPI document describes them.

export const ROLES = ['admin', 'leader', 'officer', 'liaison', 'viewer', 'verifier', 'security', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['government', 'department', 'centre', 'outpost', 'zone_committee', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: string; name: string };
  region: { code: string; name: string };
  csrfToken: string;
  /** A step the session still owes before anything else: second factor, password change, two-factor enrolment. */
  pending?: SignInStep | null;
  /** The user has two-factor sign-in on (optional until the server sends it). */
  totpEnabled?: boolean;
  /** The role must use two-factor under the current policy: it cannot be turned off. */
  mfaRequired?: boolean;
  /** What the user may do (src/domain/permissions.ts); the shell shows only the pages these allow. */
  actions?: string[];
}

export type SignInStep = 'totp' | 'enrol-totp' | 'change-password';

export interface RegionNode {
  code: string;
  name: string;
  nameEn: string;
  level: 'country' | 'province' | 'city' | 'county' | 'zone';
  zoneLevel: 'national' | 'provincial' | 'other' | null;
  parentCode: string | null;
  /** Where the government (a zone's management committee) sits, WGS-84 degrees; null when not set. */
  seat: { lng: number; lat: number } | null;
  children: RegionNode[];
}

export interface Unit {
  id: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  regionCode: string;
  regionName: string;
  active: boolean;
  version: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: string; name: string };
  region: { code: string; name: string };
  active: boolean;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface NotificationSummary {
  items: unknown[];
  total: number;
  unread: number;
}
