/**
 * Matching a project's factor demand against the supply library (liaoyuan §三.五 "要素跟着项目走",
 * jilin §四(一), jiaxing §三(二), jiangmen §(十五)). Pure: the caller loads candidates and the
 * remaining zone quotas; this module scores each candidate, says why, and ranks them.
 *
 * Every quantity is an exact decimal string (areas in 亩 or m², quotas in kVA / 吨标准煤 / 吨) held
 * as a scaled bigint while computing; points are integers. No floating point anywhere.
 *
 * Score (100 points), each part with its reason in zh and en:
 * - size 40: at least the demand → 40 less a waste penalty of 20 × excess / demand (at most 20,
 *   rounded down); smaller → 30 × size / demand (rounded down), a misfit. No demand → 20.
 * - use 20: same use 20; compatible use 10 (partial); other use 0 (misfit). No demand → 10.
 * - location 15: inside a preferred region 15; outside 0 (misfit). No preference → 8.
 * - zone 5: in a national or provincial-level zone 5 (jiaxing §三(二) gives them priority); else 0.
 * - readiness 5: 拿地即开工 wanted and offered 5, wanted and not offered 0 (misfit); not wanted 5.
 * - timing 5: available by the date needed (or today) 5; later 0 (misfit).
 * - quota 10: 10 × (demanded quotas the zone can still cover) / (demanded quotas), rounded down;
 *   a quota the zone cannot cover or has not recorded is a misfit. No quota demand → 10.
 * Ranking: score (high first), then fewer misfits, then the size closest to the demand, then code.
 */

export type LandUse = 'industrial' | 'logistics' | 'commercial' | 'rd' | 'mixed';
export type BuildingKind = 'standard_factory' | 'factory' | 'office' | 'warehouse';
export type ZoneLevel = 'national' | 'provincial' | 'other' | null;
export type QuotaKind = 'power' | 'energy' | 'emission';

export interface Demand {
  /** 亩, decimal string; null when the project needs no land. */
  landMu: string | null;
  /** m², integer; null when it needs no building. */
  buildingM2: number | null;
  use: LandUse | null;
  /** kVA, 吨标准煤, 吨: decimal strings. */
  powerKva: string | null;
  energyTce: string | null;
  emissionsT: string | null;
  /** Materialised paths (`/000000/330000/330400/`) of the preferred regions: a subtree each. */
  preferredPaths: string[];
  readyToBuild: boolean;
  /** YYYY-MM-DD; null = as soon as possible (today). */
  neededBy: string | null;
}

export interface Candidate {
  kind: 'parcel' | 'building';
  id: string;
  code: string;
  name: string;
  /** 亩 for a parcel, m² for a building, as a decimal string. */
  size: string;
  use: LandUse;
  regionCode: string;
  regionPath: string;
  zoneLevel: ZoneLevel;
  readyToBuild: boolean;
  availableOn: string | null;
  /** What the zone (or the nearest region above it with a quota) can still give; absent = none recorded. */
  quotaRemaining: Partial<Record<QuotaKind, string>>;
}

export type PartName = 'size' | 'use' | 'location' | 'zone' | 'readiness' | 'timing' | 'quota';
export type Fit = 'fit' | 'partial' | 'misfit' | 'neutral';

export interface ScorePart {
  part: PartName;
  points: number;
  max: number;
  fit: Fit;
  zh: string;
  en: string;
}

/** A part before its reason is written out (only the candidates shown need the words). */
interface RawPart extends Omit<ScorePart, 'zh' | 'en'> {
  text: () => { zh: string; en: string };
}

export interface Match {
  candidate: Candidate;
  score: number;
  misfits: number;
  parts: ScorePart[];
}

export const PART_MAX: Record<PartName, number> = {
  size: 40,
  use: 20,
  location: 15,
  zone: 5,
  readiness: 5,
  timing: 5,
  quota: 10,
};

/** The land use a building serves. */
export const BUILDING_USE: Record<BuildingKind, LandUse> = {
  standard_factory: 'industrial',
  factory: 'industrial',
  warehouse: 'logistics',
  office: 'commercial',
};

export const LAND_USE_LABELS: Record<LandUse, { zh: string; en: string }> = {
  industrial: { zh: '工业', en: 'industrial' },
  logistics: { zh: '仓储物流', en: 'logistics' },
  commercial: { zh: '商业办公', en: 'commercial' },
  rd: { zh: '科研设计', en: 'R&D' },
  mixed: { zh: '混合用地', en: 'mixed use' },
};

/** Uses that can serve each other, with a lower score: an R&D project in an industrial park, etc. */
const COMPATIBLE: ReadonlyArray<readonly [LandUse, LandUse]> = [
  ['industrial', 'rd'],
  ['industrial', 'logistics'],
  ['commercial', 'rd'],
];

function compatible(a: LandUse, b: LandUse): boolean {
  if (a === 'mixed' || b === 'mixed') return true;
  return COMPATIBLE.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

// ---------------------------------------------------------------- exact decimals

/** Decimals kept for areas and quotas. */
const SCALE = 2;
const FACTOR = 10n ** BigInt(SCALE);

/** A non-negative decimal string with at most two decimals as hundredths; throws on anything else. */
export function toHundredths(text: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > SCALE) throw new RangeError(`more than ${SCALE} decimals: ${text}`);
  return BigInt(m[1]!) * FACTOR + BigInt(frac.padEnd(SCALE, '0'));
}

/** Hundredths back to the shortest decimal string ("120", "12.5"). */
export function fromHundredths(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const frac = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / FACTOR}${frac ? `.${frac}` : ''}`;
}

/** The canonical form of a decimal string read from the database ("120.00" → "120"). */
export function canonicalDecimal(text: string): string {
  return fromHundredths(toHundredths(text));
}

// ---------------------------------------------------------------- parts

function sizePart(demand: Demand, c: Candidate): RawPart {
  const max = PART_MAX.size;
  const wanted = c.kind === 'parcel' ? demand.landMu : demand.buildingM2 === null ? null : String(demand.buildingM2);
  const unitZh = c.kind === 'parcel' ? '亩' : '平方米';
  const unitEn = c.kind === 'parcel' ? 'mu' : 'm²';
  const have = toHundredths(c.size);
  const haveText = fromHundredths(have);
  if (wanted === null || toHundredths(wanted) === 0n) {
    return {
      part: 'size',
      points: max / 2,
      max,
      fit: 'neutral',
      text: () => ({
        zh: `面积 ${haveText} ${unitZh}；项目未填面积需求`,
        en: `${haveText} ${unitEn}; the project states no area`,
      }),
    };
  }
  const need = toHundredths(wanted);
  const needText = fromHundredths(need);
  if (have >= need) {
    const excess = have - need;
    const penalty = Number(bigMin(20n, (20n * excess) / need));
    if (excess === 0n) {
      return {
        part: 'size',
        points: max,
        max,
        fit: 'fit',
        text: () => ({
          zh: `面积 ${haveText} ${unitZh}，正好满足需求`,
          en: `${haveText} ${unitEn}, exactly the ${needText} ${unitEn} needed`,
        }),
      };
    }
    return {
      part: 'size',
      points: max - penalty,
      max,
      fit: penalty === 0 ? 'fit' : 'partial',
      text: () => ({
        zh: `面积 ${haveText} ${unitZh}，满足需求 ${needText} ${unitZh}（富余 ${fromHundredths(excess)} ${unitZh}）`,
        en: `${haveText} ${unitEn} covers the ${needText} ${unitEn} needed (${fromHundredths(excess)} ${unitEn} to spare)`,
      }),
    };
  }
  const points = Number((30n * have) / need);
  return {
    part: 'size',
    points,
    max,
    fit: 'misfit',
    text: () => ({
      zh: `面积 ${haveText} ${unitZh}，比需求 ${needText} ${unitZh} 少 ${fromHundredths(need - have)} ${unitZh}`,
      en: `${haveText} ${unitEn} is ${fromHundredths(need - have)} ${unitEn} short of the ${needText} ${unitEn} needed`,
    }),
  };
}

function usePart(demand: Demand, c: Candidate): RawPart {
  const max = PART_MAX.use;
  const have = LAND_USE_LABELS[c.use];
  if (!demand.use) {
    return {
      part: 'use',
      points: max / 2,
      max,
      fit: 'neutral',
      text: () => ({
        zh: `用途：${have.zh}；项目未填用途`,
        en: `Use: ${have.en}; the project states no use`,
      }),
    };
  }
  const want = LAND_USE_LABELS[demand.use];
  if (c.use === demand.use) {
    return {
      part: 'use',
      points: max,
      max,
      fit: 'fit',
      text: () => ({ zh: `用途一致：${have.zh}`, en: `Same use: ${have.en}` }),
    };
  }
  if (compatible(c.use, demand.use)) {
    return {
      part: 'use',
      points: max / 2,
      max,
      fit: 'partial',
      text: () => ({
        zh: `用途为${have.zh}，可兼容项目的${want.zh}用途`,
        en: `Use is ${have.en}, compatible with the ${want.en} use needed`,
      }),
    };
  }
  return {
    part: 'use',
    points: 0,
    max,
    fit: 'misfit',
    text: () => ({
      zh: `用途为${have.zh}，与项目的${want.zh}用途不符`,
      en: `Use is ${have.en}, not the ${want.en} use needed`,
    }),
  };
}

function locationPart(demand: Demand, c: Candidate): RawPart {
  const max = PART_MAX.location;
  if (demand.preferredPaths.length === 0) {
    return {
      part: 'location',
      points: 8,
      max,
      fit: 'neutral',
      text: () => ({
        zh: '项目未指定意向区域',
        en: 'No preferred region given',
      }),
    };
  }
  if (demand.preferredPaths.some((p) => c.regionPath.startsWith(p))) {
    return {
      part: 'location',
      points: max,
      max,
      fit: 'fit',
      text: () => ({ zh: '位于意向区域内', en: 'Inside a preferred region' }),
    };
  }
  return {
    part: 'location',
    points: 0,
    max,
    fit: 'misfit',
    text: () => ({ zh: '不在意向区域内', en: 'Outside the preferred regions' }),
  };
}

function zonePart(c: Candidate): RawPart {
  const max = PART_MAX.zone;
  if (c.zoneLevel === 'national' || c.zoneLevel === 'provincial') {
    const zh = c.zoneLevel === 'national' ? '国家级' : '省级';
    const en = c.zoneLevel === 'national' ? 'national' : 'provincial';
    return {
      part: 'zone',
      points: max,
      max,
      fit: 'fit',
      text: () => ({
        zh: `位于${zh}开发区（园区），要素优先保障`,
        en: `In a ${en}-level development zone, which has priority for factors`,
      }),
    };
  }
  return {
    part: 'zone',
    points: 0,
    max,
    fit: 'neutral',
    text: () => ({
      zh: '不在省级以上开发区（园区）',
      en: 'Not in a provincial-level-or-above zone',
    }),
  };
}

function readinessPart(demand: Demand, c: Candidate): RawPart {
  const max = PART_MAX.readiness;
  if (!demand.readyToBuild) {
    return {
      part: 'readiness',
      points: max,
      max,
      fit: 'neutral',
      text: () => ({
        zh: c.readyToBuild ? '可拿地即开工（项目未要求）' : '项目未要求拿地即开工',
        en: c.readyToBuild ? 'Ready to build (not required)' : 'Ready-to-build not required',
      }),
    };
  }
  if (c.readyToBuild || c.kind === 'building') {
    return {
      part: 'readiness',
      points: max,
      max,
      fit: 'fit',
      text: () => ({
        zh: c.kind === 'building' ? '现房，可即时使用' : '可拿地即开工',
        en: c.kind === 'building' ? 'Built and usable at once' : 'Ready to build on acquisition',
      }),
    };
  }
  return {
    part: 'readiness',
    points: 0,
    max,
    fit: 'misfit',
    text: () => ({
      zh: '项目要求拿地即开工，该地块尚不具备',
      en: 'The project needs ready-to-build land; this parcel is not',
    }),
  };
}

function timingPart(demand: Demand, c: Candidate, today: string): RawPart {
  const max = PART_MAX.timing;
  const by = demand.neededBy ?? today;
  if (!c.availableOn || c.availableOn <= by) {
    return {
      part: 'timing',
      points: max,
      max,
      fit: 'fit',
      text: () => ({
        zh: demand.neededBy ? `${demand.neededBy} 前可供` : '现可供应',
        en: demand.neededBy ? `Available by ${demand.neededBy}` : 'Available now',
      }),
    };
  }
  return {
    part: 'timing',
    points: 0,
    max,
    fit: 'misfit',
    text: () => ({
      zh: `${c.availableOn} 起才可供应${demand.neededBy ? `，晚于需要的 ${demand.neededBy}` : ''}`,
      en: `Available only from ${c.availableOn}${demand.neededBy ? `, after the ${demand.neededBy} needed` : ''}`,
    }),
  };
}

const QUOTA_LABELS: Record<QuotaKind, { zh: string; en: string; unitZh: string; unitEn: string }> = {
  power: { zh: '用电容量', en: 'power capacity', unitZh: 'kVA', unitEn: 'kVA' },
  energy: { zh: '能耗指标', en: 'energy quota', unitZh: '吨标准煤', unitEn: 'tce' },
  emission: { zh: '排污权指标', en: 'emission quota', unitZh: '吨', unitEn: 't' },
};

function quotaPart(demand: Demand, c: Candidate): RawPart {
  const max = PART_MAX.quota;
  const wanted: Array<[QuotaKind, string]> = (
    [
      ['power', demand.powerKva],
      ['energy', demand.energyTce],
      ['emission', demand.emissionsT],
    ] as Array<[QuotaKind, string | null]>
  ).filter((w): w is [QuotaKind, string] => w[1] !== null && toHundredths(w[1]) > 0n);
  if (wanted.length === 0) {
    return {
      part: 'quota',
      points: max,
      max,
      fit: 'neutral',
      text: () => ({ zh: '项目未填能耗/排放/用电需求', en: 'No quota demand' }),
    };
  }
  // Which demanded quotas the zone covers is decided now; the sentences only when shown.
  const checks = wanted.map(([kind, need]) => {
    const left = c.quotaRemaining[kind];
    const state = left === undefined ? 'none' : toSigned(left) >= toHundredths(need) ? 'covered' : 'short';
    return { kind, need, left, state };
  });
  const covered = checks.filter((k) => k.state === 'covered').length;
  const points = Math.floor((max * covered) / wanted.length);
  return {
    part: 'quota',
    points,
    max,
    fit: covered === wanted.length ? 'fit' : 'misfit',
    text: () => {
      const zh: string[] = [];
      const en: string[] = [];
      for (const { kind, need, left, state } of checks) {
        const l = QUOTA_LABELS[kind];
        if (state === 'none' || left === undefined) {
          zh.push(`${l.zh}未登记`);
          en.push(`no ${l.en} recorded`);
        } else if (state === 'covered') {
          zh.push(`${l.zh}余 ${canonicalSigned(left)} ${l.unitZh}，够 ${canonicalDecimal(need)}`);
          en.push(`${l.en} left ${canonicalSigned(left)} ${l.unitEn} covers ${canonicalDecimal(need)}`);
        } else {
          zh.push(`${l.zh}仅余 ${canonicalSigned(left)} ${l.unitZh}，不足 ${canonicalDecimal(need)}`);
          en.push(`${l.en} left ${canonicalSigned(left)} ${l.unitEn}, short of ${canonicalDecimal(need)}`);
        }
      }
      return { zh: zh.join('；'), en: en.join('; ') };
    },
  };
}

/** A remaining quota may be negative when a zone over-allocated. */
function toSigned(text: string): bigint {
  const t = text.trim();
  return t.startsWith('-') ? -toHundredths(t.slice(1)) : toHundredths(t);
}

function canonicalSigned(text: string): string {
  return fromHundredths(toSigned(text));
}

function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function rawParts(demand: Demand, candidate: Candidate, today: string): RawPart[] {
  return [
    sizePart(demand, candidate),
    usePart(demand, candidate),
    locationPart(demand, candidate),
    zonePart(candidate),
    readinessPart(demand, candidate),
    timingPart(demand, candidate, today),
    quotaPart(demand, candidate),
  ];
}

function toMatch(candidate: Candidate, parts: RawPart[]): Match {
  return {
    candidate,
    score: parts.reduce((s, p) => s + p.points, 0),
    misfits: parts.filter((p) => p.fit === 'misfit').length,
    parts: parts.map(({ text, ...p }) => ({ ...p, ...text() })),
  };
}

/** Scores one candidate against a demand on `today` (YYYY-MM-DD). */
export function scoreCandidate(demand: Demand, candidate: Candidate, today: string): Match {
  return toMatch(candidate, rawParts(demand, candidate, today));
}

/** |size − demand| in hundredths; candidates without a demand compare equal. */
function distance(demand: Demand, c: Candidate): bigint {
  const wanted = c.kind === 'parcel' ? demand.landMu : demand.buildingM2 === null ? null : String(demand.buildingM2);
  if (wanted === null) return 0n;
  const d = toHundredths(c.size) - toHundredths(wanted);
  return d < 0n ? -d : d;
}

/**
 * Scores and orders candidates (see the module comment for the order); returns the first `limit`.
 * The reasons are written out only for those returned.
 */
export function rankCandidates(demand: Demand, candidates: readonly Candidate[], today: string, limit = 20): Match[] {
  const scored = candidates.map((c) => {
    const parts = rawParts(demand, c, today);
    return {
      candidate: c,
      parts,
      score: parts.reduce((s, p) => s + p.points, 0),
      misfits: parts.filter((p) => p.fit === 'misfit').length,
      distance: distance(demand, c),
    };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.misfits - b.misfits ||
      (a.distance < b.distance ? -1 : a.distance > b.distance ? 1 : 0) ||
      (a.candidate.code < b.candidate.code ? -1 : a.candidate.code > b.candidate.code ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => toMatch(s.candidate, s.parts));
}

/**
 * The smallest size worth loading for a demand: half of it. Anything smaller scores at most 15 of
 * the 40 size points and would need another parcel besides; the library query skips it.
 */
export function minimumCandidateSize(wanted: string | null): string | null {
  if (wanted === null) return null;
  return fromHundredths(toHundredths(wanted) / 2n);
}
