/**
 * "六必访" enterprise visits — gansu §(二十一): visit an enterprise at innovation incubation, in
 * operating difficulty, at statistics registration, at a strategy change, at a capital increase or
 * expansion, and when preparing a listing.
 *
 * Exported API (stable):
 * - `VISIT_OCCASIONS` (labels), `type VisitOccasion`, `VISIT_OCCASION_KEYS`, `VISIT_SOURCE`
 * - `dueVisits(occasions, visits)` — occasions recorded with no visit for them on or after that date
 */

import type { Bilingual } from './errors';

export const VISIT_SOURCE = 'gansu §(二十一)';

export const VISIT_OCCASIONS = {
  innovation_incubation: { zh: '创新孵化时', en: 'Innovation incubation' },
  operating_difficulty: { zh: '经营困难时', en: 'Operating difficulty' },
  statistics_registration: { zh: '登记纳统时', en: 'Statistics registration' },
  strategy_change: { zh: '战略调整时', en: 'Strategy change' },
  capital_increase: { zh: '增资扩产时', en: 'Capital increase or expansion' },
  ipo_preparation: { zh: '筹备上市时', en: 'Preparing a listing' },
} as const satisfies Record<string, Bilingual>;

export type VisitOccasion = keyof typeof VISIT_OCCASIONS;
export const VISIT_OCCASION_KEYS = Object.keys(VISIT_OCCASIONS) as VisitOccasion[];

export interface OccasionFact {
  id: string;
  enterpriseId: string;
  occasion: VisitOccasion;
  occurredOn: string;
}

export interface VisitFact {
  enterpriseId: string;
  occasion: VisitOccasion;
  visitedOn: string;
}

/**
 * The occasions still owed a visit: no visit to that enterprise for that occasion on or after the
 * day it was recorded. Oldest first.
 */
export function dueVisits<O extends OccasionFact>(occasions: readonly O[], visits: readonly VisitFact[]): O[] {
  return occasions
    .filter(
      (o) =>
        !visits.some(
          (v) => v.enterpriseId === o.enterpriseId && v.occasion === o.occasion && v.visitedOn >= o.occurredOn,
        ),
    )
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
}
