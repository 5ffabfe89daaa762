import { describe, expect, it } from 'vitest';
import { dueVisits } from './visits';

describe('dueVisits (gansu §(二十一))', () => {
  const occ = [
    { id: '1', enterpriseId: 'e1', occasion: 'capital_increase' as const, occurredOn: '2025-05-01' },
    { id: '2', enterpriseId: 'e1', occasion: 'operating_difficulty' as const, occurredOn: '2025-04-01' },
    { id: '3', enterpriseId: 'e2', occasion: 'capital_increase' as const, occurredOn: '2025-05-03' },
  ];
  it('lists occasions without a visit for that occasion on or after the day, oldest first', () => {
    const visits = [
      { enterpriseId: 'e1', occasion: 'capital_increase' as const, visitedOn: '2025-05-01' },
      // A visit before the occasion, or for another enterprise, does not count.
      { enterpriseId: 'e1', occasion: 'operating_difficulty' as const, visitedOn: '2025-03-01' },
      { enterpriseId: 'e1', occasion: 'capital_increase' as const, visitedOn: '2025-06-01' },
    ];
    expect(dueVisits(occ, visits).map((o) => o.id)).toEqual(['2', '3']);
  });
});
