import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../domain/errors';
import { type EffectivePolicy, parsePolicyPack, type PolicyPack, resolvePolicy } from '../../../domain/policy';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';

export const POLICIES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../policies');

let cache: PolicyPack[] | undefined;

/** Reads and validates every pack once; an invalid pack stops the server with its name. */
export function loadPolicyPacks(dir = POLICIES_DIR): PolicyPack[] {
  if (cache && dir === POLICIES_DIR) return cache;
  const packs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parsePolicyPack(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));
  if (dir === POLICIES_DIR) cache = packs;
  return packs;
}

/** Region codes from the root down to `regionCode`, from its materialised path. */
export async function lineageOf(db: Db, regionCode: string): Promise<string[]> {
  const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, regionCode));
  if (!region) {
    throw new AppError('NOT_FOUND', { detail: { zh: `没有行政区 ${regionCode}`, en: `No region ${regionCode}` } });
  }
  return region.path.split('/').filter(Boolean);
}

/** The policy in force for a region on a date (YYYY-MM-DD), each value with where it came from. */
export async function effectivePolicy(db: Db, regionCode: string, date: string): Promise<EffectivePolicy> {
  return resolvePolicy(loadPolicyPacks(), await lineageOf(db, regionCode), date);
}

/** The same, for a region whose materialised path the caller already holds (no query). */
export function effectivePolicyOf(regionPath: string, date: string): EffectivePolicy {
  return resolvePolicy(loadPolicyPacks(), regionPath.split('/').filter(Boolean), date);
}
