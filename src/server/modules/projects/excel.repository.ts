import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { enterprises, regions } from '../../db/schema';
import { regionInScope, type Scope } from '../../lib/scope';

/** Regions of the scope, for the template's host-region list, in tree order. */
export async function regionsInScope(db: Db, scope: Scope) {
  return db
    .select({ code: regions.code, name: regions.name, nameEn: regions.nameEn, level: regions.level })
    .from(regions)
    .where(and(regionInScope(regions.code, scope), sql`${regions.level} <> 'country'`))
    .orderBy(asc(regions.path));
}

const CHUNK = 1000;

/** The enterprises holding these credit codes, whatever the scope (a code is unique platform-wide): code → id. */
export async function enterprisesByCreditCodes(db: Db, creditCodes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < creditCodes.length; i += CHUNK) {
    const found = await db
      .select({ id: enterprises.id, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, creditCodes.slice(i, i + CHUNK)));
    for (const row of found) out.set(row.creditCode!, row.id);
  }
  return out;
}

/** Enterprises of the scope whose (folded) name is exactly one of `names`: name → ids (more than one is ambiguous). */
export async function enterprisesByNames(db: Db, scope: Scope, names: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const found = await db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(inArray(enterprises.name, names.slice(i, i + CHUNK)), regionInScope(enterprises.regionCode, scope)));
    for (const row of found) out.set(row.name, [...(out.get(row.name) ?? []), row.id]);
  }
  return out;
}
