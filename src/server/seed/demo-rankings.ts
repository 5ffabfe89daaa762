import { lastEndedQuarter, parsePeriod } from '../../domain/assessment';
import { chinaDate } from '../../domain/reporting';
import type { Db } from '../db/client';
import { meta } from '../db/schema';
import { findTarget } from '../modules/assessment/repository';
import { closePeriod, getRanking, putTarget } from '../modules/assessment/service';
import { actingAs, demoStepDue } from './demo-steps';

const SEED_KEY = 'seed.rankings.v1';

/** Who ranks which region's parts in the demo: each leader their own. */
const RANKERS = [
  { username: 'jilin.leader', regionCode: '220000' },
  { username: 'liaoyuan.leader', regionCode: '220400' },
  { username: 'jiaxing.leader', regionCode: '330400' },
];

/** A fixed spread per region and indicator (1.20–1.79): demo targets ahead of what was done. */
function spread(key: string): number {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 1.2 + (h % 60) / 100;
}

/**
 * The demo's published ranking (gansu §(二十六)): each leader enters the year's targets of their
 * region's parts where none exist (what was done so far times a fixed 1.2–1.8, so completions differ)
 * and closes the last ended quarter, through the assessment module's own services. Only in a
 * database seeded with the demo world, once (a marker in `meta`).
 */
export async function seedDemoRankings(db: Db): Promise<void> {
  if (!(await demoStepDue(db, SEED_KEY))) return;
  const period = lastEndedQuarter(chinaDate(new Date()));
  const year = parsePeriod(period)!.year;
  const closed: string[] = [];
  for (const { username, regionCode } of RANKERS) {
    const leader = await actingAs(db, username);
    if (!leader) continue;
    const draft = await getRanking(db, leader, regionCode, period);
    for (const row of draft.rows) {
      for (const indicator of draft.indicators) {
        if (await findTarget(db, year, row.region.code, indicator.key)) continue;
        const done = Number(row.values[indicator.key] ?? 0) * spread(row.region.code + indicator.key);
        const value = indicator.unit === 'count' ? Math.max(1, Math.ceil(done)) : Math.max(10_000, Math.round(done));
        await putTarget(db, leader, {
          year,
          regionCode: row.region.code,
          indicator: indicator.key,
          value: String(value),
        });
      }
    }
    await closePeriod(db, leader, regionCode, period);
    closed.push(regionCode);
  }
  await db.insert(meta).values({ key: SEED_KEY, value: { at: new Date().toISOString(), period, closed } });
}
