import { z } from 'zod';
import { ROLES } from '../../db/schema';
import { ZPassword } from '../auth/schema';
import { ZPageQuery } from '../../lib/listing';

export const REGION_LEVELS = ['country', 'province', 'city', 'county', 'zone'] as const;
export const ZONE_LEVELS = ['national', 'provincial', 'other'] as const;
export const UNIT_KINDS = ['government', 'department', 'centre', 'outpost', 'zone_committee', 'other'] as const;

// ---------------------------------------------------------------- regions

/** Where a region's government (a zone's management committee) sits, in WGS-84 degrees. */
export const ZRegionSeat = z.object({ lng: z.number(), lat: z.number() });

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(REGION_LEVELS),
  zoneLevel: z.enum(ZONE_LEVELS).nullable(),
  parentCode: z.string().nullable(),
  seat: ZRegionSeat.nullable().describe('驻地坐标 / seat, WGS-84 degrees; null when not set'),
});

export type TRegionNode = z.infer<typeof ZRegion> & { children: TRegionNode[] };

/**
 * A region with its children, nested to a fixed depth rather than recursively: a recursive zod
 * schema becomes a `$ref` to a component the OpenAPI document does not carry. The tree is
 * country > province > city > county/zone, so five levels of children leave room to spare.
 */
function regionNode(depth: number): z.ZodType<TRegionNode> {
  return ZRegion.extend({ children: depth === 0 ? z.array(z.never()).max(0) : z.array(regionNode(depth - 1)) });
}

export const ZRegionNode = regionNode(5);

export const ZRegionTree = z.object({ items: z.array(ZRegionNode) });
export const ZRegionParams = z.object({ code: z.string().min(1).max(12) });

/** A seat as an administrator enters it: within China's extent, so a swapped or mistyped pair is refused. */
const ZSeatInput = z.object({
  lng: z
    .number()
    .min(73, '经度应在 73 至 136 之间（中国境内）|Longitude must be between 73 and 136 (within China)')
    .max(136, '经度应在 73 至 136 之间（中国境内）|Longitude must be between 73 and 136 (within China)'),
  lat: z
    .number()
    .min(3, '纬度应在 3 至 54 之间（中国境内）|Latitude must be between 3 and 54 (within China)')
    .max(54, '纬度应在 3 至 54 之间（中国境内）|Latitude must be between 3 and 54 (within China)'),
});

export const ZUpdateRegionRequest = z.object({
  seat: ZSeatInput.nullable().describe('驻地坐标，null 清除 / the seat; null clears it'),
});

// ---------------------------------------------------------------- paging

// ---------------------------------------------------------------- units

export const ZUnit = z.object({
  id: z.string().uuid(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});

export const ZUnitListQuery = z.object({
  regionCode: z.string().min(1).max(12).optional().describe('Includes the units of its whole subtree'),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  ...ZPageQuery,
});

export const ZUnitList = z.object({ items: z.array(ZUnit), total: z.number().int() });

const ZUnitName = z.string().trim().min(1).max(100);
const ZNameEn = z.string().trim().max(200);

export const ZCreateUnitRequest = z.object({
  name: ZUnitName,
  nameEn: ZNameEn.optional(),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string().min(1).max(12),
});

export const ZUpdateUnitRequest = z.object({
  version: z.number().int().min(1),
  name: ZUnitName.optional(),
  nameEn: ZNameEn.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  active: z.boolean().optional(),
});

export const ZIdParams = z.object({ id: z.string().uuid() });

// ---------------------------------------------------------------- users

export const ZUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  active: z.boolean(),
  lockedUntil: z.string().datetime().nullable(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
});

export const ZUserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.string().uuid().optional(),
  role: z.enum(ROLES).optional(),
  ...ZPageQuery,
});

export const ZUserList = z.object({ items: z.array(ZUser), total: z.number().int() });

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9._-]+$/, '只能包含小写字母、数字和 . _ -|Only lowercase letters, digits and . _ -');

const ZDisplayName = z.string().trim().min(1).max(64);

export const ZCreateUserRequest = z.object({
  username: ZUsername,
  displayName: ZDisplayName,
  role: z.enum(ROLES),
  unitId: z.string().uuid(),
  password: ZPassword,
});

export const ZUpdateUserRequest = z.object({
  version: z.number().int().min(1),
  displayName: ZDisplayName.optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.string().uuid().optional(),
  active: z.boolean().optional(),
});

export const ZResetPasswordRequest = z.object({ password: ZPassword });

export type TRegion = z.infer<typeof ZRegion>;
export type TRegionSeat = z.infer<typeof ZRegionSeat>;
export type TUpdateRegionRequest = z.infer<typeof ZUpdateRegionRequest>;
export type TUnit = z.infer<typeof ZUnit>;
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>;
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;
export type TUser = z.infer<typeof ZUser>;
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
