/**
 * Duplicate registrations across regions (跨地区重复项目), as pure rules. The database finds the
 * candidates (same enterprise by credit code or name core, then a similar project); these rules
 * decide what a candidate means for the new registration and who arbitrates.
 *
 * Exported API (stable):
 * - `PROJECT_NAME_SIMILARITY` — the pg_trgm similarity of project name cores from which two
 *   projects of one enterprise count as "the same project"
 * - `sameEnterprise(a, b)` — equal credit codes, or equal name cores (src/domain/names.ts `nameCore`)
 * - `classifyDuplicate(candidate, registration, date)` → 'conflict' | 'warning'
 * - `duplicateOutcome(levels)` → the strongest level, or null
 * - `arbiterRegionCode(pathA, pathB)` — the lowest region over both (the higher-level centre)
 *
 * Decisions:
 * - A candidate is a conflict only when it belongs to ANOTHER first region and that region's
 *   exclusivity window (first-report.ts) is open on the registration date; the new registration is
 *   then held for the higher-level centre to arbitrate. Otherwise it is a warning: the officer is
 *   told which unit to contact and may go on.
 * - Two projects of one enterprise are "similar" when their name cores have a trigram similarity
 *   of at least 0.3, or both name the same GB/T 4754 industry division: an enterprise opening
 *   plants for different products in two places is not a duplicate. 0.3 is pg_trgm's own default
 *   and, on name cores, separates 恒瑞医药抗肿瘤药基地 / 恒瑞医药抗肿瘤药基地二期 (0.71) and
 *   恒瑞医药创新药生产基地 / 恒瑞医药创新药基地 (0.57) from 恒瑞医药抗肿瘤药基地 / 恒瑞物流园 (0.13)
 *   (measured with pg_trgm on PGlite).
 */

import { inExclusivity } from './first-report';

export const PROJECT_NAME_SIMILARITY = 0.3;

export type DuplicateLevel = 'conflict' | 'warning';

export interface EnterpriseKey {
  creditCode?: string | null;
  nameCore: string;
}

/** The same enterprise: equal credit codes when both have one, else equal name cores. */
export function sameEnterprise(a: EnterpriseKey, b: EnterpriseKey): boolean {
  if (a.creditCode && b.creditCode && a.creditCode === b.creditCode) return true;
  return a.nameCore.length > 0 && a.nameCore === b.nameCore;
}

export interface DuplicateCandidate {
  firstRegionCode: string;
  /** Last day of the candidate's exclusivity window, if it has one. */
  exclusivityEndsOn: string | null;
}

export interface Registration {
  firstRegionCode: string;
}

/** What a found candidate means for a registration made on `date`. */
export function classifyDuplicate(
  candidate: DuplicateCandidate,
  registration: Registration,
  date: string,
): DuplicateLevel {
  return candidate.firstRegionCode !== registration.firstRegionCode && inExclusivity(candidate.exclusivityEndsOn, date)
    ? 'conflict'
    : 'warning';
}

/** The strongest of several levels: any conflict makes a conflict. */
export function duplicateOutcome(levels: Iterable<DuplicateLevel>): DuplicateLevel | null {
  let out: DuplicateLevel | null = null;
  for (const level of levels) {
    if (level === 'conflict') return 'conflict';
    out = 'warning';
  }
  return out;
}

/**
 * The region that arbitrates between two regions: the lowest one whose subtree holds both, from
 * their materialised paths (`/000000/330000/330400/330402/`). Two counties of Jiaxing → 330400;
 * Jiaxing and Liaoyuan → 000000.
 */
export function arbiterRegionCode(pathA: string, pathB: string): string {
  const a = pathA.split('/').filter(Boolean);
  const b = pathB.split('/').filter(Boolean);
  let common: string | undefined;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common = a[i];
  if (!common) throw new RangeError(`arbiterRegionCode: ${pathA} and ${pathB} share no root`);
  return common;
}
