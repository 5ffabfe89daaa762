/**
 * Industry chains (产业链) of the benchmark province: each province's key chains from its guidance
 * catalog (jilin "6+5+N", gansu clusters), and three to five chains per city drawn from the same
 * catalog, each with its 链长制 team, segments up, mid and down the chain, local enterprises and
 * chain owners, and a list of target enterprises (目标企业清单) for its gaps. Cities that already
 * have chains (辽源市, from the seed) get none. Then a share of projects is placed on a segment of a
 * chain of its city or province in its industry (projects.chain_node_id).
 */
import { type CatalogEntry, catalogEntries } from '../../src/domain/catalog';
import type { SegmentNeed, SegmentPosition, SegmentStrength, TargetStatus } from '../../src/domain/chain-targets';
import { cityCodeOf } from '../../src/server/seed/demo-factors';
import { fromDay, instantAt, toDay } from './dates';
import { hashString, Rng } from './random';
import type {
  ChainRow,
  ChainTeamRow,
  EnterpriseRow,
  ProjectRow,
  RegionRow,
  SegmentEnterpriseRow,
  SegmentRow,
  TargetEnterpriseRow,
} from './types';
import { GIVEN_NAMES, INDUSTRY_THEMES, SURNAMES } from './vocabulary';

/** Target enterprises per gap segment at scale 1 (at least one at any scale). */
const TARGETS_PER_GAP_AT_SCALE_1 = 30;
/** Chance that a project whose industry a chain of its city or province covers is placed on it. */
const LINK_SHARE = 0.55;

export interface ChainSpec {
  seed: number;
  today: string;
  scale: number;
  regions: readonly RegionRow[];
  /** Province codes (220000, 620000): their catalogs give the chains. */
  provinces: readonly string[];
  /** The unit that leads a region's chains and owns its targets. */
  unitOf: (regionCode: string) => string | undefined;
  enterprises: readonly EnterpriseRow[];
  /** Cities that already have their chains (the seed's 辽源市): none generated there. */
  skipCities: ReadonlySet<string>;
  /** Recorded as creating the targets. */
  actorId: string | null;
}

export interface ChainWorld {
  chains: ChainRow[];
  teams: ChainTeamRow[];
  segments: SegmentRow[];
  segmentEnterprises: SegmentEnterpriseRow[];
  targets: TargetEnterpriseRow[];
}

/** A segment projects may be placed on: generated, or one the seed wrote. */
export interface LinkableSegment {
  id: string;
  chainId: string;
  /** The chain's region: a city or a province. */
  regionCode: string;
  isKey: boolean;
  divisions: readonly string[];
}

type Kind = 'making' | 'farming' | 'service';

/** Segment templates per kind of chain: position and what the segment does. */
const TEMPLATES: Record<Kind, ReadonlyArray<readonly [SegmentPosition, string]>> = {
  making: [
    ['upstream', '原材料与基础材料'],
    ['upstream', '关键零部件'],
    ['midstream', '整机与主体制造'],
    ['midstream', '配套加工'],
    ['downstream', '应用与终端市场'],
    ['downstream', '销售与售后服务'],
    ['lateral', '研发设计与检测认证'],
    ['lateral', '回收与再利用'],
  ],
  farming: [
    ['upstream', '良种繁育'],
    ['upstream', '种养殖基地'],
    ['midstream', '初加工'],
    ['midstream', '精深加工'],
    ['downstream', '冷链物流'],
    ['downstream', '品牌营销'],
    ['lateral', '农业科技服务'],
  ],
  service: [
    ['upstream', '基础设施'],
    ['midstream', '核心业务'],
    ['midstream', '平台运营'],
    ['downstream', '应用场景'],
    ['downstream', '消费服务'],
    ['lateral', '人才与金融配套'],
  ],
};

const STRENGTHS: ReadonlyArray<readonly [SegmentStrength, number]> = [
  ['strong', 35],
  ['weak', 40],
  ['missing', 25],
];

const TARGET_STATUS: ReadonlyArray<readonly [TargetStatus, number]> = [
  ['not_contacted', 45],
  ['contacted', 25],
  ['negotiating', 15],
  ['dropped', 10],
];

const CONTACT_NOTES = [
  '已通过商会对接，企业有意在东北布局生产基地',
  '企业正在比选选址，需提供要素清单',
  '已发送招商推介材料，待企业回复',
  '拟邀请企业参加东博会',
  '企业关注电价和物流成本',
];

function kindOf(entry: CatalogEntry): Kind {
  const d = entry.divisions.map(Number);
  if (d.every((x) => x <= 5 || (x >= 13 && x <= 15))) return 'farming';
  if (d.every((x) => x >= 50)) return 'service';
  return 'making';
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES) + (rng.chance(0.6) ? rng.pick(GIVEN_NAMES) : '');
}

/** 长春 for 长春市, 延边 for 延边朝鲜族自治州, 吉林 for 吉林省. */
function shortName(name: string): string {
  return name.replace(/(朝鲜族自治州|回族自治州|藏族自治州|省|市)$/u, '');
}

/**
 * The chains, teams, segments, segment enterprises and targets of the provinces. Ids are drawn
 * from the seed, so projects can be placed on segments before anything is written.
 */
export function generateChains(spec: ChainSpec): ChainWorld {
  const out: ChainWorld = { chains: [], teams: [], segments: [], segmentEnterprises: [], targets: [] };
  const byCode = new Map(spec.regions.map((r) => [r.code, r]));
  const todayDay = toDay(spec.today);
  const perGap = Math.max(1, Math.round(TARGETS_PER_GAP_AT_SCALE_1 * spec.scale));

  // Enterprises by division: local ones by city (their head office), outside ones per province.
  const local = new Map<string, EnterpriseRow[]>();
  const outside = new Map<string, EnterpriseRow[]>();
  for (const e of spec.enterprises) {
    const division = e.industryDivision ?? '';
    const hq = e.hqRegionCode ? byCode.get(e.hqRegionCode) : undefined;
    if (hq && hq.level !== 'province') {
      const key = `${cityCodeOf(hq.code)}|${division}`;
      const list = local.get(key);
      if (list) list.push(e);
      else local.set(key, [e]);
    }
    for (const province of spec.provinces) {
      if (e.hqRegionCode?.startsWith(province.slice(0, 2))) continue;
      const key = `${province}|${division}`;
      const list = outside.get(key);
      if (list) list.push(e);
      else outside.set(key, [e]);
    }
  }

  for (const province of spec.provinces) {
    const region = byCode.get(province);
    if (!region) continue;
    const entries = catalogEntries().filter((e) => e.regionCode === province);
    if (entries.length === 0) continue;
    // The province: a key chain for each entry of its first group (主导产业, 特色产业集群).
    const firstGroup = entries.filter((e) => e.groupKey === entries[0]!.groupKey);
    firstGroup.forEach((entry, k) =>
      addChain(spec, out, region, province, entry, true, k, local, outside, perGap, todayDay),
    );
    // Its cities: three to five entries of the catalog, the first two key chains.
    const cities = spec.regions.filter((r) => r.level === 'city' && r.parentCode === province);
    for (const city of cities) {
      if (spec.skipCities.has(city.code) || !spec.unitOf(city.code)) continue;
      const rng = Rng.for(spec.seed, 'city-chains', hashString(city.code));
      const pool = [...entries];
      const n = Math.min(pool.length, rng.int(3, 5));
      for (let k = 0; k < n; k++) {
        const entry = pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!;
        addChain(spec, out, city, province, entry, k < 2, k, local, outside, perGap, todayDay);
      }
    }
  }
  return out;
}

function addChain(
  spec: ChainSpec,
  out: ChainWorld,
  region: RegionRow,
  province: string,
  entry: CatalogEntry,
  isKey: boolean,
  sort: number,
  local: ReadonlyMap<string, EnterpriseRow[]>,
  outside: ReadonlyMap<string, EnterpriseRow[]>,
  perGap: number,
  todayDay: number,
): void {
  const rng = Rng.for(spec.seed, 'chain', hashString(`${region.code}|${entry.code}`));
  const unitId = spec.unitOf(region.code) ?? null;
  const isProvince = region.level === 'province';
  const place = shortName(region.name);
  const chainId = rng.uuid();
  out.chains.push({
    id: chainId,
    regionCode: region.code,
    name: `${place}${entry.name.zh}产业链`,
    nameEn: `${region.nameEn ? region.nameEn.replace(/ (Province|City)$/u, '') : place} ${entry.name.en} chain`,
    catalogEntryCode: entry.code,
    isKey,
    description: `围绕${entry.name.zh}产业，${isKey ? '强链补链延链，' : ''}引进上下游配套企业，培育链主企业。`,
    source: entry.source,
    sort,
  });
  const title = isProvince ? '副省长' : rng.chance(0.3) ? '市长' : '副市长';
  const bureau = isProvince ? '厅' : '局';
  const units = [
    `${region.name}工业和信息化${bureau}`,
    `${region.name}商务${bureau}`,
    `${region.name}发展和改革委员会`,
  ];
  out.teams.push({
    chainId,
    leaderName: `${personName(rng)} ${title}`,
    leadUnitId: unitId,
    leadUnitNames: units.slice(0, rng.int(1, 3)),
    secretaryName: personName(rng),
    members: Array.from({ length: rng.int(2, 4) }, () => `${personName(rng)} — ${rng.pick(units)}`),
  });

  const template = TEMPLATES[kindOf(entry)];
  const picked = template.filter((_, k) => k === 0 || k === 2 || rng.chance(0.6));
  const keywords = INDUSTRY_THEMES.filter((t) => entry.divisions.includes(t.division)).flatMap((t) =>
    t.words.slice(0, 2),
  );
  picked.forEach(([position, word], k) => {
    const segmentId = rng.uuid();
    const strength = rng.weighted(STRENGTHS);
    const need: SegmentNeed =
      strength === 'strong'
        ? 'strengthen'
        : strength === 'missing'
          ? 'fill'
          : rng.chance(0.5)
            ? 'strengthen'
            : 'extend';
    out.segments.push({
      id: segmentId,
      chainId,
      parentId: null,
      position,
      name: `${entry.name.zh}${word}`,
      strength,
      need,
      priority: strength === 'missing' && rng.chance(0.6) ? 'must' : 'may',
      industryDivisions: [...entry.divisions],
      keywords: keywords.slice(0, 3),
      note: null,
      source: entry.source,
      sort: k,
    });
    // Local enterprises of the segment (a chain owner where the segment is strong).
    if (!isProvince && strength !== 'missing') {
      const pool = entry.divisions.flatMap((d) => local.get(`${cityCodeOf(region.code)}|${d}`) ?? []);
      const names = new Set<string>();
      for (let j = rng.int(0, 2); j > 0 && pool.length > 0; j--) {
        const e = pool[Math.floor(rng.next() * pool.length)]!;
        if (names.has(e.name)) continue;
        names.add(e.name);
        out.segmentEnterprises.push({
          segmentId,
          enterpriseId: e.id,
          name: e.name,
          role: strength === 'strong' && names.size === 1 ? 'owner' : 'local',
        });
      }
    }
    // Targets for the gaps: enterprises of the industry from outside the province.
    if (strength !== 'strong' && unitId) {
      const pool = entry.divisions.flatMap((d) => outside.get(`${province}|${d}`) ?? []);
      const chosen = new Set<string>();
      for (let j = 0; j < perGap * 2 && chosen.size < Math.min(perGap, pool.length); j++) {
        const e = pool[Math.floor(rng.next() * pool.length)]!;
        if (chosen.has(e.id)) continue;
        chosen.add(e.id);
        const status = rng.weighted(TARGET_STATUS);
        const contacted = status === 'not_contacted' ? null : todayDay - rng.int(5, 300);
        const created = (contacted ?? todayDay) - rng.int(10, 200);
        const createdAt = instantAt(created, rng.int(9 * 60, 17 * 60 + 30));
        const updatedAt = contacted === null ? createdAt : instantAt(contacted, rng.int(9 * 60, 17 * 60 + 30));
        out.targets.push({
          segmentId,
          enterpriseId: e.id,
          status,
          ownerUnitId: unitId,
          lastContactOn: contacted === null ? null : fromDay(contacted),
          note: contacted !== null && rng.chance(0.5) ? rng.pick(CONTACT_NOTES) : null,
          createdBy: spec.actorId,
          createdAt,
          updatedAt,
        });
      }
    }
  });
}

/** The segments of `world` in the shape projects are placed by. */
export function linkableSegments(world: ChainWorld): LinkableSegment[] {
  const chains = new Map(world.chains.map((c) => [c.id, c]));
  return world.segments.map((s) => {
    const chain = chains.get(s.chainId)!;
    return {
      id: s.id,
      chainId: s.chainId,
      regionCode: chain.regionCode,
      isKey: chain.isKey ?? true,
      divisions: s.industryDivisions ?? [],
    };
  });
}

/** Segments by chain region and industry division, for placing projects. */
export class ChainIndex {
  private readonly byRegion = new Map<string, Map<string, LinkableSegment[]>>();
  readonly byId: ReadonlyMap<string, LinkableSegment>;

  constructor(
    private readonly seed: number,
    segments: readonly LinkableSegment[],
  ) {
    this.byId = new Map(segments.map((s) => [s.id, s]));
    for (const s of segments) {
      const divisions = this.byRegion.get(s.regionCode) ?? new Map<string, LinkableSegment[]>();
      for (const d of s.divisions) {
        const list = divisions.get(d);
        if (list) list.push(s);
        else divisions.set(d, [s]);
      }
      this.byRegion.set(s.regionCode, divisions);
    }
  }

  /**
   * The segment a project is placed on, or null: a segment in its industry of a chain of its
   * host's city (preferred) or province, for a share of the projects that have one.
   */
  segmentFor(project: Pick<ProjectRow, 'id' | 'hostRegionCode' | 'industryDivision'>): LinkableSegment | null {
    const host = project.hostRegionCode ?? '';
    const division = project.industryDivision ?? '';
    const city = this.byRegion.get(cityCodeOf(host))?.get(division) ?? [];
    const province = this.byRegion.get(`${host.slice(0, 2)}0000`)?.get(division) ?? [];
    if (city.length === 0 && province.length === 0) return null;
    const rng = Rng.for(this.seed, 'project-chain', hashString(project.id));
    if (!rng.chance(LINK_SHARE)) return null;
    const pool = city.length > 0 && (province.length === 0 || rng.chance(0.7)) ? city : province;
    return rng.pick(pool);
  }
}
