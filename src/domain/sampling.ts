/**
 * Data truth (gansu §(十四)): sampling checks (抽样核查) of the statistics for truth, accuracy,
 * completeness and timeliness. A check draws a random sample of projects per unit for a
 * verifier; each finding is confirmed, corrected or false; quality is reported per unit.
 */

import { percentOf } from './chain-indicators';

export const FINDING_RESULTS = ['confirmed', 'corrected', 'false'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

/** A small deterministic PRNG (mulberry32) so a check's sample can be redrawn from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a text seed (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Draws up to `perUnit` projects from each unit, uniformly without replacement. The same seed and
 * the same candidates give the same sample, whatever order the candidates came in.
 */
export function drawSample(
  candidates: ReadonlyMap<string, readonly string[]>,
  perUnit: number,
  seed: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const unit of [...candidates.keys()].sort()) {
    const ids = [...new Set(candidates.get(unit) ?? [])].sort();
    const next = prng(seedOf(`${seed}/${unit}`));
    const n = Math.min(perUnit, ids.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(next() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    out.set(unit, ids.slice(0, n));
  }
  return out;
}

export interface UnitQualityInput {
  /** Required fields filled, over all the unit's projects. */
  filledFields: number;
  requiredFields: number;
  reports: number;
  reportsOnTime: number;
  sampled: number;
  findings: Record<FindingResult, number>;
}

export interface UnitQuality {
  completenessPercent: string | null;
  timelinessPercent: string | null;
  /** Sampled projects checked and found true (confirmed) or only needing correction. */
  verifiedPercent: string | null;
  falseCount: number;
  /** False data found: flagged on the unit's results. */
  flagged: boolean;
}

/** Completeness, timeliness and verified share of one unit, percent with two decimals. */
export function unitQuality(q: UnitQualityInput): UnitQuality {
  const pct = (part: number, whole: number) => (whole > 0 ? percentOf(BigInt(part), BigInt(whole)) : null);
  return {
    completenessPercent: pct(q.filledFields, q.requiredFields),
    timelinessPercent: pct(q.reportsOnTime, q.reports),
    verifiedPercent: pct(q.findings.confirmed + q.findings.corrected, q.sampled),
    falseCount: q.findings.false,
    flagged: q.findings.false > 0,
  };
}

/** The fields whose presence makes a project record complete, by the stage it has reached. */
export const REQUIRED_FIELDS = [
  'industrySection',
  'sourceChannel',
  'responsibleLeader',
  'investor',
  'landDemandMu',
  'jobs',
] as const;
