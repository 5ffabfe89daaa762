/**
 * 靶向招商: ranking candidate enterprises for a weak or missing chain segment. Pure and
 * deterministic: the same segment and candidates always give the same order, and every score is
 * the sum of named parts so an officer sees why an enterprise is ranked where it is.
 */

import { isTopThree500 } from './enterprise-tags';
import type { Bilingual } from './errors';
import { sectionOfDivision } from './industry';
import { compareWan } from './money';

/** What a segment is looking for. */
export interface SegmentProfile {
  /** GB/T 4754 divisions of the segment's products. */
  divisions: readonly string[];
  /** Words an enterprise name may carry (纱线, 储能, 铝箔 …), for enterprises without a division. */
  keywords: readonly string[];
}

export interface Candidate {
  id: string;
  name: string;
  industrySection: string | null;
  industryDivision: string | null;
  tags: readonly string[];
  /** 万元, decimal string. */
  registeredCapitalWan: string | null;
  /** Has a live project hosted in the segment's province. */
  investsInProvince: boolean;
  /** Has already been contacted as a target (any chain). */
  contacted: boolean;
}

export type ScorePartKey = 'industry' | 'top500' | 'listed' | 'specialized' | 'size' | 'province' | 'contact';

export interface ScorePart {
  key: ScorePartKey;
  points: number;
  reason: Bilingual;
}

export interface Recommendation {
  candidate: Candidate;
  score: number;
  parts: ScorePart[];
}

/** Points per factor. Industry fit dominates: tags and size only order enterprises that fit. */
export const RECOMMEND_WEIGHTS = {
  industryDivision: 40,
  industryKeyword: 25,
  industrySection: 15,
  top500: 20,
  listed: 10,
  specialized: 10,
  sizeLarge: 15,
  sizeMedium: 10,
  sizeSmall: 5,
  province: 10,
  contact: 5,
} as const;

/** Registered-capital bands in 万元: ≥10亿, ≥1亿, ≥1000万. */
const SIZE_BANDS = [
  { min: '100000', points: RECOMMEND_WEIGHTS.sizeLarge, zh: '注册资本≥10亿元', en: 'registered capital ≥ ¥1bn' },
  { min: '10000', points: RECOMMEND_WEIGHTS.sizeMedium, zh: '注册资本≥1亿元', en: 'registered capital ≥ ¥100m' },
  { min: '1000', points: RECOMMEND_WEIGHTS.sizeSmall, zh: '注册资本≥1000万元', en: 'registered capital ≥ ¥10m' },
] as const;

function industryPart(segment: SegmentProfile, c: Candidate): ScorePart | null {
  if (c.industryDivision && segment.divisions.includes(c.industryDivision)) {
    return {
      key: 'industry',
      points: RECOMMEND_WEIGHTS.industryDivision,
      reason: {
        zh: `行业大类 ${c.industryDivision} 与环节一致`,
        en: `division ${c.industryDivision} matches the segment`,
      },
    };
  }
  const keyword = segment.keywords.find((k) => k && c.name.includes(k));
  if (keyword) {
    return {
      key: 'industry',
      points: RECOMMEND_WEIGHTS.industryKeyword,
      reason: { zh: `企业名称含“${keyword}”`, en: `name contains “${keyword}”` },
    };
  }
  const section = c.industrySection ?? (c.industryDivision ? sectionOfDivision(c.industryDivision)?.code : undefined);
  if (section && segment.divisions.some((d) => sectionOfDivision(d)?.code === section)) {
    return {
      key: 'industry',
      points: RECOMMEND_WEIGHTS.industrySection,
      reason: { zh: `行业门类 ${section} 相同`, en: `same section ${section}` },
    };
  }
  return null;
}

/**
 * Scores one candidate against a segment, or null when its industry does not fit at all (then
 * no tag or size makes it a target for this segment).
 */
export function scoreCandidate(segment: SegmentProfile, c: Candidate): Recommendation | null {
  const industry = industryPart(segment, c);
  if (!industry) return null;
  const parts: ScorePart[] = [industry];
  if (isTopThree500(c.tags)) {
    parts.push({ key: 'top500', points: RECOMMEND_WEIGHTS.top500, reason: { zh: '三个500强', en: 'Top-500 lists' } });
  }
  if (c.tags.includes('listed')) {
    parts.push({ key: 'listed', points: RECOMMEND_WEIGHTS.listed, reason: { zh: '上市企业', en: 'listed company' } });
  }
  if (c.tags.includes('specialized')) {
    parts.push({
      key: 'specialized',
      points: RECOMMEND_WEIGHTS.specialized,
      reason: { zh: '专精特新', en: 'specialised and innovative SME' },
    });
  }
  if (c.registeredCapitalWan) {
    const band = SIZE_BANDS.find((b) => compareWan(c.registeredCapitalWan!, b.min) >= 0);
    if (band) parts.push({ key: 'size', points: band.points, reason: { zh: band.zh, en: band.en } });
  }
  if (c.investsInProvince) {
    parts.push({
      key: 'province',
      points: RECOMMEND_WEIGHTS.province,
      reason: { zh: '已在本省投资', en: 'already invests in the province' },
    });
  }
  if (c.contacted) {
    parts.push({
      key: 'contact',
      points: RECOMMEND_WEIGHTS.contact,
      reason: { zh: '已有接触', en: 'already in contact' },
    });
  }
  return { candidate: c, score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

/** Code-point order, so the ranking never depends on the machine's locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks candidates for a segment: highest score first; ties go to the better industry fit, then
 * by name, then by id. Candidates whose industry does not fit are left out.
 */
export function rankCandidates(
  segment: SegmentProfile,
  candidates: readonly Candidate[],
  limit = 20,
): Recommendation[] {
  return candidates
    .map((c) => scoreCandidate(segment, c))
    .filter((r): r is Recommendation => r !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.parts[0]!.points - a.parts[0]!.points ||
        byCodePoint(a.candidate.name, b.candidate.name) ||
        byCodePoint(a.candidate.id, b.candidate.id),
    )
    .slice(0, limit);
}
