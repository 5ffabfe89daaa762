import type { RegionRow, UnitRow } from './repository';
import type { TRegion, TRegionNode, TRegionSeat, TUnit, TUser } from './schema';
import type { UserRow } from './users.repository';

export function presentRegion(r: RegionRow): TRegion {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    level: r.level,
    zoneLevel: r.zoneLevel ?? null,
    parentCode: r.parentCode ?? null,
    seat: presentSeat(r),
  };
}

/** The driver hands `numeric` back as a string; the API speaks numbers. */
export function presentSeat(r: Pick<RegionRow, 'seatLng' | 'seatLat'>): TRegionSeat | null {
  if (r.seatLng == null || r.seatLat == null) return null;
  return { lng: Number(r.seatLng), lat: Number(r.seatLat) };
}

/**
 * Nests regions (already in display order) under `rootCode`. Regions whose parent is not in the
 * list are dropped, so the tree never shows a branch the caller's scope does not reach.
 */
export function presentRegionTree(list: RegionRow[], rootCode: string): TRegionNode[] {
  const nodes = new Map<string, TRegionNode>(list.map((r) => [r.code, { ...presentRegion(r), children: [] }]));
  for (const r of list) {
    if (r.code === rootCode || !r.parentCode) continue;
    nodes.get(r.parentCode)?.children.push(nodes.get(r.code)!);
  }
  const root = nodes.get(rootCode);
  return root ? [root] : [];
}

export function presentUnit(u: UnitRow): TUnit {
  return {
    id: u.id,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind,
    regionCode: u.regionCode,
    regionName: u.regionName,
    active: u.active,
    version: u.version,
  };
}

export function presentUser(u: UserRow): TUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unit: { id: u.unitId, name: u.unitName },
    region: { code: u.regionCode, name: u.regionName },
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}
