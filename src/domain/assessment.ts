/**
 * Assessment (考核): periods, scores, ranks, ratings and the rules the seeds set.
 * - Rhythm: 月跟进、季考核、半年督查、年终总评 (gansu §(二十六)); 月通报、季督促、年考核 (jiangmen §(十九)).
 *   Every period is judged year-to-date against the annual target.
 * - Jiaxing §三(一): below 70% of the annual target a region cannot be rated excellent
 *   (`excellentMinCompletion`); last place two years running, or the target missed two years
 *   running → reminder talk and rectification (提醒谈话、责令整改).
 * Scores are exact: completions are hundredths of a percent held as bigint.
 */

import { toUnits } from './money';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** First and last month of the period itself. */
  from: string;
  to: string;
  /** Year-to-date window the period is judged on: January … `to`. */
  ytdFrom: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses '2024-03', '2024-Q1', '2024-H1' or '2024'; null when it is none of these. */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    return { key, kind: 'month', year, from: key, to: key, ytdFrom: `${year}-01` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return {
      key,
      kind: 'quarter',
      year,
      from: `${year}-${pad(q * 3 - 2)}`,
      to: `${year}-${pad(q * 3)}`,
      ytdFrom: `${year}-01`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const h = Number(m[2]);
    return {
      key,
      kind: 'half',
      year,
      from: `${year}-${pad(h * 6 - 5)}`,
      to: `${year}-${pad(h * 6)}`,
      ytdFrom: `${year}-01`,
    };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    return { key, kind: 'year', year, from: `${year}-01`, to: `${year}-12`, ytdFrom: `${year}-01` };
  }
  return null;
}

/** The last quarter that has ended by a day ('2026-11-25' → '2026-Q3'; '2026-01-05' → '2025-Q4'). */
export function lastEndedQuarter(day: string): string {
  const year = Number(day.slice(0, 4));
  const current = Math.ceil(Number(day.slice(5, 7)) / 3);
  return current === 1 ? `${year - 1}-Q4` : `${year}-Q${current - 1}`;
}

export interface SchemeIndicator {
  key: string;
  /** Weight in points; the weights of a scheme add up to 100. */
  weight: number;
}

export interface SchemeRules {
  indicators: SchemeIndicator[];
  /** The indicator whose completion is "the annual target completion" the excellence rule reads. */
  mainIndicator: string;
  /** Completion counted at most this percent per indicator (e.g. "120.00"). */
  completionCapPercent: string;
  /** Score thresholds for ratings (out of 100). */
  ratingBands: { excellent: number; good: number; pass: number };
  /** Below this completion of the main indicator, not excellent (jiaxing §三(一): 0.7). */
  excellentMinCompletion: number | null;
  /** Consecutive years of last place / missed target that flag a reminder talk (jiaxing §三(一): 2). */
  reminderAfterYears: number | null;
  source: string;
}

export type Rating = 'excellent' | 'good' | 'pass' | 'fail';

export interface ScoreResult {
  /** Completion per indicator, percent with two decimals; null without a target. */
  completion: Record<string, string | null>;
  /** Weighted, capped, out of 100 with two decimals; null when no indicator has a target. */
  score: string | null;
  mainCompletion: string | null;
}

const hundredths = (percent: string): bigint => toUnits(percent) / 100n;
const showHundredths = (h: bigint): string => {
  const neg = h < 0n;
  const a = neg ? -h : h;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
};

/**
 * The score of one region: Σ weight × min(completion, cap) over the indicators that have a
 * target, divided by the weights of those indicators (an indicator without a target neither
 * helps nor hurts). Rounded half up to two decimals.
 */
export function scoreRegion(rules: SchemeRules, completion: Record<string, string | null>): ScoreResult {
  const cap = hundredths(rules.completionCapPercent);
  let weighted = 0n;
  let weights = 0n;
  for (const ind of rules.indicators) {
    const c = completion[ind.key];
    if (c === null || c === undefined) continue;
    const h = hundredths(c);
    weighted += BigInt(ind.weight) * (h < cap ? h : cap);
    weights += BigInt(ind.weight);
  }
  const score = weights === 0n ? null : showHundredths((weighted * 2n + weights) / (2n * weights));
  return { completion, score, mainCompletion: completion[rules.mainIndicator] ?? null };
}

/** Competition ranking by score, highest first ("1, 2, 2, 4"); regions without a score get null. */
export function rankByScore<T extends { score: string | null }>(items: readonly T[]): (T & { rank: number | null })[] {
  const scored = items.filter((i) => i.score !== null).sort((a, b) => compareDecimal(b.score!, a.score!));
  const ranks = new Map<T, number>();
  scored.forEach((item, index) => {
    const prev = scored[index - 1];
    ranks.set(item, prev && compareDecimal(prev.score!, item.score!) === 0 ? ranks.get(prev)! : index + 1);
  });
  return items.map((i) => ({ ...i, rank: ranks.get(i) ?? null }));
}

function compareDecimal(a: string, b: string): number {
  const x = toUnits(a);
  const y = toUnits(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface RatingInput {
  score: string | null;
  mainCompletion: string | null;
  /** False data found by a sampling check on one of the region's units. */
  falseData: boolean;
}

export interface RatingResult {
  rating: Rating | null;
  /** Why the score's band was lowered, bilingual; null when it was not. */
  capped: { zh: string; en: string } | null;
}

/** The rating band of a score, then the caps: below the completion floor, or false data → not excellent. */
export function rate(rules: SchemeRules, input: RatingInput): RatingResult {
  if (input.score === null) return { rating: null, capped: null };
  const s = toUnits(input.score);
  const band: Rating =
    s >= toUnits(String(rules.ratingBands.excellent))
      ? 'excellent'
      : s >= toUnits(String(rules.ratingBands.good))
        ? 'good'
        : s >= toUnits(String(rules.ratingBands.pass))
          ? 'pass'
          : 'fail';
  if (band !== 'excellent') return { rating: band, capped: null };
  if (rules.excellentMinCompletion !== null) {
    const floor = toUnits(String(rules.excellentMinCompletion)) * 100n;
    if (input.mainCompletion === null || toUnits(input.mainCompletion) < floor) {
      const pct = String(rules.excellentMinCompletion * 100);
      return {
        rating: 'good',
        capped: {
          zh: `年度目标任务完成率低于${pct}%，不得评定为优秀（${rules.source}）`,
          en: `Below ${pct}% of the annual target: cannot be rated excellent (${rules.source})`,
        },
      };
    }
  }
  if (input.falseData) {
    return {
      rating: 'good',
      capped: {
        zh: '抽样核查发现虚假数据，不得评定为优秀',
        en: 'False data found by a sampling check: cannot be rated excellent',
      },
    };
  }
  return { rating: 'excellent', capped: null };
}

export interface YearOutcome {
  year: number;
  lastPlace: boolean;
  /** The main indicator's completion was under 100%. */
  missedTarget: boolean;
}

/**
 * Whether a region is flagged for a reminder talk in `year`: last place in each of the last
 * `years` years up to and including `year`, or the target missed in each of them.
 */
export function reminderTalk(
  history: readonly YearOutcome[],
  year: number,
  years: number | null,
): { zh: string; en: string } | null {
  if (!years || years < 1) return null;
  const window = Array.from({ length: years }, (_, i) => history.find((h) => h.year === year - i));
  if (window.some((h) => !h)) return null;
  if (window.every((h) => h!.lastPlace)) {
    return {
      zh: `连续${years}年考核排名末位，提醒谈话、责令整改`,
      en: `Last place ${years} years running: reminder talk and rectification`,
    };
  }
  if (window.every((h) => h!.missedTarget)) {
    return {
      zh: `连续${years}年未完成目标任务，提醒谈话、责令整改`,
      en: `Target missed ${years} years running: reminder talk and rectification`,
    };
  }
  return null;
}

/** Whether a completion (percent string) misses the target; without a target nothing is missed. */
export function missed(completion: string | null): boolean {
  return completion !== null && toUnits(completion) < toUnits('100');
}
