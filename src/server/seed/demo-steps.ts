import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meta, regions, units, users } from '../db/schema';
import type { AuthContext } from '../lib/auth-context';
import { toContext } from '../modules/auth/service';

/** Whether a once-only step of the demo world is still to run: the database holds the demo world and not the step's marker. */
export async function demoStepDue(db: Db, key: string): Promise<boolean> {
  const markers = await db
    .select()
    .from(meta)
    .where(inArray(meta.key, [key, 'seed.v1']));
  const seeded = markers.find((m) => m.key === 'seed.v1');
  return !markers.some((m) => m.key === key) && (seeded?.value as { demo?: boolean } | undefined)?.demo === true;
}

/** A demo user acting as if signed in (the seed has no session). */
export async function actingAs(db: Db, username: string): Promise<AuthContext | null> {
  const [row] = await db
    .select({ user: users, unit: units, region: regions })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(eq(users.username, username));
  return row ? toContext({ ...row, session: { id: '', csrfToken: '' } }) : null;
}
