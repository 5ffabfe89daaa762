import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meta, units, users } from '../db/schema';
import { hashPassword } from '../lib/password';
import { recordAudit } from '../modules/audit/service';
import { seedCatalogsAndChains } from './chains-liaoyuan';
import { chinaDate } from '../../domain/reporting';
import { seedDemoChainLinks } from './demo-chain-links';
import { loadDemoFactors } from './demo-factors';
import { seedDemoInquiries } from './demo-inquiries';
import { seedDemoRankings } from './demo-rankings';
import { loadDemoProjects } from './demo-projects';
import { fillRegionSeats, loadRegions } from './regions';
import { seedTargets } from './targets';
import { DEMO_USERS, SEED_UNITS } from './units';

export interface SeedOptions {
  adminPassword?: string;
  demoPassword: string;
  demo: boolean;
}

export interface SeedResult {
  seeded: boolean;
  /** Set when no ADMIN_PASSWORD was given: printed once, never stored in clear. */
  generatedAdminPassword?: string;
}

const SEED_KEY = 'seed.v1';

/**
 * Fills an empty database: the region tree, the seeds' units, the `admin` account and, unless
 * turned off, the demo users. Runs once; a second start finds the marker and does nothing.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  const [done] = await db.select().from(meta).where(eq(meta.key, SEED_KEY));
  if (done) {
    await fillRegionSeats(db);
    await seedCatalogsAndChains(db);
    await seedDemoChainLinks(db);
    await seedTargets(db);
    await seedDemoInquiries(db);
    await seedDemoRankings(db);
    if ((done.value as { demo?: boolean }).demo) await addMissingDemoUsers(db, options.demoPassword);
    return { seeded: false };
  }

  const generatedAdminPassword = options.adminPassword ? undefined : randomBytes(9).toString('base64url') + '7a';
  const adminHash = await hashPassword(options.adminPassword ?? generatedAdminPassword!);
  const demoHash = options.demo ? await hashPassword(options.demoPassword) : '';

  await db.transaction(async (tx) => {
    await loadRegions(tx);
    await fillRegionSeats(tx);
    const inserted = await tx.insert(units).values(SEED_UNITS).onConflictDoNothing().returning();
    const unitId = new Map(inserted.map((u) => [u.name, u.id]));
    const [admin] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        unitId: unitId.get('平台运维中心')!,
        passwordHash: adminHash,
        // A password printed on a console is not the admin's own: it must be replaced at first sign-in.
        mustChangePassword: generatedAdminPassword !== undefined,
      })
      .returning();
    if (options.demo) {
      await tx.insert(users).values(
        DEMO_USERS.map((u) => {
          const id = unitId.get(u.unit);
          if (!id) throw new Error(`demo user ${u.username}: no unit ${u.unit}`);
          return { username: u.username, displayName: u.displayName, role: u.role, unitId: id, passwordHash: demoHash };
        }),
      );
    }
    if (options.demo) await loadDemoProjects(tx);
    if (options.demo) await loadDemoFactors(tx, { today: chinaDate(new Date()) });
    await tx.insert(meta).values({ key: SEED_KEY, value: { at: new Date().toISOString(), demo: options.demo } });
    await recordAudit(tx, {
      actorId: null,
      action: 'system.seeded',
      entity: 'system',
      entityId: SEED_KEY,
      regionCode: null,
      after: { units: inserted.length, admin: admin?.id, demoUsers: options.demo ? DEMO_USERS.length : 0 },
    });
  });
  await seedCatalogsAndChains(db);
  await seedDemoChainLinks(db);
  await seedTargets(db);
  await seedDemoInquiries(db);
  await seedDemoRankings(db);
  return { seeded: true, generatedAdminPassword };
}

/**
 * Demo accounts added to the list after a demo database was first seeded (the security and audit
 * administrators of 三权分立) are created on the next start; existing accounts are left alone.
 */
async function addMissingDemoUsers(db: Db, demoPassword: string): Promise<void> {
  const existing = new Set((await db.select({ username: users.username }).from(users)).map((u) => u.username));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.username));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(demoPassword);
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units);
  const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
  const values = missing.flatMap((u) => {
    const id = unitId.get(u.unit);
    return id ? [{ username: u.username, displayName: u.displayName, role: u.role, unitId: id, passwordHash }] : [];
  });
  if (values.length) await db.insert(users).values(values).onConflictDoNothing();
}
