import { AppError } from '../../../domain/errors';
import { fromHundredths, toHundredths } from '../../../domain/matching';
import { chinaDate } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { regionCodeInScope } from '../../lib/scope';
import { effectivePolicy } from '../policies/service';
import { dec, presentParcel } from './presenter';
import * as repo from './repository';
import type { TByLevel, TLandLists, TMapPoints, TMapQuery, TPriorityShare } from './schema';

/** The region asked for (default: the caller's), which must be in scope (the one visibility layer decides). */
async function regionOr404(db: Db, auth: AuthContext, code: string | undefined) {
  const wanted = code ?? auth.user.regionCode;
  const region = (await regionCodeInScope(db, auth.scope, wanted)) ? await repo.findRegion(db, wanted) : undefined;
  if (!region) throw new AppError('NOT_FOUND');
  return region;
}

/**
 * 连片可供土地清单 and 储备地块 (jiaxing §三(二)): available parcels of at least the pack's
 * contiguous size, and parcels of at least the reserve size still held (available or reserved),
 * in the region's subtree, by the pack in force on `date`. Where no pack in force sets the sizes,
 * the lists are empty and the sizes null.
 */
export async function landLists(
  db: Db,
  auth: AuthContext,
  regionCode: string | undefined,
  date: string | undefined,
): Promise<TLandLists> {
  const region = await regionOr404(db, auth, regionCode);
  const on = date ?? chinaDate(new Date());
  const policy = await effectivePolicy(db, region.code, on);
  const param = policy.landLists;
  const base = { regionCode: region.code };
  const contiguous = param
    ? await repo.listParcels(
        db,
        auth.scope,
        { ...base, status: 'available', minMu: String(param.value.contiguousMu) },
        { page: 1, pageSize: 500 },
      )
    : { rows: [] };
  const reserve = param
    ? (
        await repo.listParcels(
          db,
          auth.scope,
          { ...base, minMu: String(param.value.reserveMu) },
          { page: 1, pageSize: 500 },
        )
      ).rows.filter((p) => p.status !== 'used')
    : [];
  return {
    region: { code: region.code, name: region.name },
    date: on,
    contiguousMu: param ? { value: param.value.contiguousMu, source: param.source } : null,
    reserveMu: param ? { value: param.value.reserveMu, source: param.source } : null,
    contiguous: contiguous.rows.map(presentParcel),
    reserve: reserve.map(presentParcel),
  };
}

/** Resources by level (jilin §四(一) 分级发布): counts and areas per region level and zone level. */
export async function resourcesByLevel(db: Db, auth: AuthContext, regionCode: string | undefined): Promise<TByLevel> {
  const region = await regionOr404(db, auth, regionCode);
  const rows = await repo.levelTotals(db, auth.scope, region.code);
  return {
    region: { code: region.code, name: region.name },
    rows: rows
      .filter((r) => r.level !== ('country' as string))
      .map((r) => ({
        level: r.level,
        zoneLevel: r.level === 'zone' ? (r.zone_level ?? 'other') : null,
        parcels: Number(r.parcels),
        parcelAreaMu: dec(r.parcel_area ?? '0'),
        buildings: Number(r.buildings),
        buildingAreaM2: dec(r.building_area ?? '0'),
        funds: Number(r.funds),
      })),
  };
}

/** share = part / whole to 4 decimals (rounded down), exactly; meets = part / whole ≥ target. */
function shareOf(part: bigint, whole: bigint, targetBasisPoints: number | null) {
  if (whole === 0n) return { share: null, meets: null };
  const basis = (part * 10000n) / whole;
  const share = `${basis / 10000n}.${(basis % 10000n).toString().padStart(4, '0')}`;
  const meets = targetBasisPoints === null ? null : part * 10000n >= BigInt(targetBasisPoints) * whole;
  return { share, meets };
}

/**
 * The share of land, energy and emission quotas allocated in the year, and of the major projects
 * that landed (registered) in the year, that went to provincial-level-or-above zones, against the
 * pack's target (jiaxing §三(二): ≥70% each).
 */
export async function priorityZoneShare(
  db: Db,
  auth: AuthContext,
  regionCode: string | undefined,
  year: number | undefined,
): Promise<TPriorityShare> {
  const region = await regionOr404(db, auth, regionCode);
  const y = year ?? Number(chinaDate(new Date()).slice(0, 4));
  // The pack in force in that year (its last day, or today for the current year).
  const today = chinaDate(new Date());
  const date = `${y}-12-31` < today ? `${y}-12-31` : today;
  const policy = await effectivePolicy(db, region.code, date);
  const target = policy.priorityZoneShare;
  const basis = target ? Math.round(target.value * 10000) : null;
  const allocations = await repo.allocationShares(db, region.code, y);
  const quotas = (['land', 'energy', 'emission'] as const).map((kind) => {
    const row = allocations.find((a) => a.kind === kind);
    const total = toHundredths(dec(row?.total ?? '0'));
    const priority = toHundredths(dec(row?.priority ?? '0'));
    return {
      kind,
      total: fromHundredths(total),
      inPriorityZones: fromHundredths(priority),
      ...shareOf(priority, total, basis),
    };
  });
  const major = policy.majorProjectThreshold?.value ?? null;
  const counts = major
    ? await repo.majorProjectShares(db, region.code, y, {
        totalWan: major.totalInvestmentWan,
        usdWan: major.foreignInvestmentUsdWan,
      })
    : { total: 0, priority: 0 };
  return {
    region: { code: region.code, name: region.name },
    year: y,
    target: target ? { value: target.value, source: target.source } : null,
    quotas,
    majorProjects: {
      total: String(counts.total),
      inPriorityZones: String(counts.priority),
      ...shareOf(BigInt(counts.priority), BigInt(counts.total), basis),
      thresholdWan: major?.totalInvestmentWan ?? null,
      thresholdUsdWan: major?.foreignInvestmentUsdWan ?? null,
    },
  };
}

export async function mapPoints(db: Db, auth: AuthContext, query: TMapQuery): Promise<TMapPoints> {
  const points = await repo.mapPoints(db, auth.scope, query);
  // Each kind is read up to one past the limit: more than the limit means the map shows a part.
  const parcels = points.filter((p) => p.kind === 'parcel');
  const buildings = points.filter((p) => p.kind === 'building');
  const truncated = parcels.length > repo.MAP_LIMIT || buildings.length > repo.MAP_LIMIT;
  return {
    points: [...parcels.slice(0, repo.MAP_LIMIT), ...buildings.slice(0, repo.MAP_LIMIT)].map((p) => ({
      ...p,
      size: dec(p.size),
    })),
    truncated,
  };
}
