import { and, asc, eq, sql } from 'drizzle-orm';
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

/** The enterprise holding a credit code, whatever the scope (the code is unique platform-wide). */
export async function enterpriseByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode))
    .limit(1);
  return row;
}

/** Enterprises of the scope whose (folded) name is exactly `name`: more than one is ambiguous. */
export async function enterprisesByName(db: Db, scope: Scope, name: string) {
  return db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(eq(enterprises.name, name), regionInScope(enterprises.regionCode, scope)))
    .limit(2);
}
