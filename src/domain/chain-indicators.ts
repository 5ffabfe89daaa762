/**
 * Chain indicators: the share of investment that goes to key-chain projects (Jiangmen: key
 * industry chains ≥ 80% of the investment attracted, jiangmen 序言), by period. A project counts
 * in the period of its signing date — the moment it is "attracted" — unless it was terminated.
 * All sums are exact decimal strings in 万元 (src/domain/money.ts).
 */

import { fromUnits, toUnits } from './money';

export type IndicatorPeriod = 'year' | 'quarter' | 'month';

export interface IndicatorProject {
  totalInvestmentWan: string;
  signingDate: string | null;
  stage: string;
  /** Linked to a segment of a key chain. */
  onKeyChain: boolean;
}

export interface KeyChainShareRow {
  period: string;
  projects: number;
  keyChainProjects: number;
  totalWan: string;
  keyChainWan: string;
  /** Percent with two decimals ("83.33"), or null when nothing was signed in the period. */
  sharePercent: string | null;
  /** Against the target, when there is one and a share. */
  meetsTarget: boolean | null;
}

/** The period a YYYY-MM-DD date falls in: "2024", "2024-Q3" or "2024-07". */
export function periodOf(date: string, period: IndicatorPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'month') return date.slice(0, 7);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** part / whole as a percent rounded half up to two decimals, exactly (no floating point). */
export function percentOf(part: bigint, whole: bigint): string {
  const hundredths = (part * 10000n * 2n + whole) / (2n * whole);
  const int = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${int}.${frac}`;
}

/** A policy ratio such as 0.8 as a percent string ("80.00"). */
export function ratioToPercent(ratio: number): string {
  // The ratio comes from a policy file as a short decimal; read it as text, never multiply floats.
  const units = toUnits(String(ratio));
  return percentOf(units, toUnits('1'));
}

/**
 * Key-chain investment share per period, oldest period first. Projects without a signing date
 * and terminated ones are left out.
 * @param targetPercent e.g. "80.00"; null when the region has no target
 */
export function keyChainShare(
  projects: readonly IndicatorProject[],
  period: IndicatorPeriod,
  targetPercent: string | null,
): KeyChainShareRow[] {
  const buckets = new Map<string, { projects: number; keyChainProjects: number; total: bigint; key: bigint }>();
  for (const p of projects) {
    if (!p.signingDate || p.stage === 'terminated') continue;
    const key = periodOf(p.signingDate, period);
    const bucket = buckets.get(key) ?? { projects: 0, keyChainProjects: 0, total: 0n, key: 0n };
    const amount = toUnits(p.totalInvestmentWan);
    bucket.projects += 1;
    bucket.total += amount;
    if (p.onKeyChain) {
      bucket.keyChainProjects += 1;
      bucket.key += amount;
    }
    buckets.set(key, bucket);
  }
  const target = targetPercent === null ? null : toUnits(targetPercent);
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, b]) => {
      const share = b.total > 0n ? percentOf(b.key, b.total) : null;
      return {
        period: name,
        projects: b.projects,
        keyChainProjects: b.keyChainProjects,
        totalWan: fromUnits(b.total),
        keyChainWan: fromUnits(b.key),
        sharePercent: share,
        meetsTarget: share === null || target === null ? null : toUnits(share) >= target,
      };
    });
}
