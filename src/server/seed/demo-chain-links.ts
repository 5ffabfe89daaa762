import { sql } from 'drizzle-orm';
import { ChainIndex, type LinkableSegment } from '../../../bench/generator/chains';
import { type Db, rows } from '../db/client';
import { meta } from '../db/schema';
import { recordAudit } from '../modules/audit/service';
import { demoStepDue } from './demo-steps';

const SEED_KEY = 'seed.chain-links.v1';
const SEED = 20250701;

/** The chain segments in the database, each with its chain's region and whether it is a key chain. */
export async function chainSegmentsInDb(db: Db): Promise<LinkableSegment[]> {
  const found = await rows<{ id: string; chain_id: string; region_code: string; is_key: boolean; divisions: string[] }>(
    db,
    sql`select s.id, s.chain_id, c.region_code, c.is_key, s.industry_divisions as divisions
          from chain_segments s join chains c on c.id = s.chain_id
         order by c.region_code, c.sort, c.name, s.sort, s.name`,
  );
  return found.map((s) => ({
    id: s.id,
    chainId: s.chain_id,
    regionCode: s.region_code,
    isKey: s.is_key,
    divisions: s.divisions,
  }));
}

/**
 * Places the demo projects on the seeded chains (辽源's 8 chains, liaoyuan §四): a project whose
 * industry a segment of its city's or province's chains names goes on one of them, with the bench
 * generator's rule (about half of those that fit). The chains are seeded after the projects, so
 * this runs as its own step, once (a marker in `meta`), only in a database holding the demo world;
 * the summary triggers then carry the projects into "investment by chain" and the key-chain share.
 */
export async function seedDemoChainLinks(db: Db): Promise<void> {
  if (!(await demoStepDue(db, SEED_KEY))) return;
  const index = new ChainIndex(SEED, await chainSegmentsInDb(db));
  const projects = await rows<{ id: string; host_region_code: string; industry_division: string | null }>(
    db,
    sql`select id, host_region_code, industry_division from projects where chain_node_id is null order by code`,
  );
  const links = projects.flatMap((p) => {
    const segment = index.segmentFor({
      id: p.id,
      hostRegionCode: p.host_region_code,
      industryDivision: p.industry_division,
    });
    return segment ? [{ id: p.id, segment: segment.id }] : [];
  });
  await db.transaction(async (tx) => {
    if (links.length > 0) {
      await tx.execute(
        sql`update projects set chain_node_id = l.segment
              from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l(id uuid, segment uuid)
             where projects.id = l.id`,
      );
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'system.demo_chains_linked',
      entity: 'system',
      entityId: 'demo.chain-links',
      regionCode: null,
      after: { projects: links.length },
    });
    await tx.insert(meta).values({ key: SEED_KEY, value: { at: new Date().toISOString(), projects: links.length } });
  });
}
