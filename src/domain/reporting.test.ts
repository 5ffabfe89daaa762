import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES } from './lifecycle';
import {
  addMonths,
  addMonthsToMonth,
  chinaDate,
  dueDate,
  isMonth,
  isOverdue,
  isReportingStage,
  isStalled,
  monthsBetween,
  monthsOwed,
  reportMonthFor,
  stalledFrom,
} from './reporting';

describe('months and dates', () => {
  it('takes the China calendar date of an instant', () => {
    expect(chinaDate(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
    expect(chinaDate(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
    expect(reportMonthFor(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04');
    expect(reportMonthFor('2025-03-31')).toBe('2025-03');
    expect(reportMonthFor('2025-12-31T23:30:00+08:00')).toBe('2025-12');
    expect(() => reportMonthFor('2025-02-30')).toThrow(RangeError);
  });

  it('recognises months', () => {
    expect(isMonth('2025-03')).toBe(true);
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('2025-3')).toBe(false);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonthsToMonth('2025-11', 3)).toBe('2026-02');
    expect(addMonthsToMonth('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
  });
});

describe('due dates (Liaoyuan: by the 20th of each month, for that month)', () => {
  it('is the due day of the same month', () => {
    expect(dueDate('2025-03', 20)).toBe('2025-03-20');
    expect(dueDate('2025-03', 1)).toBe('2025-03-01');
  });

  it('clamps due days 29–31 to the last day of the month', () => {
    expect(dueDate('2025-02', 29)).toBe('2025-02-28');
    expect(dueDate('2024-02', 29)).toBe('2024-02-29');
    expect(dueDate('2025-02', 31)).toBe('2025-02-28');
    expect(dueDate('2025-04', 31)).toBe('2025-04-30');
    expect(dueDate('2025-05', 31)).toBe('2025-05-31');
    expect(dueDate('2025-04', 30)).toBe('2025-04-30');
  });

  it('refuses a bad month or due day', () => {
    expect(() => dueDate('2025-3', 20)).toThrow(RangeError);
    expect(() => dueDate('2025-03', 0)).toThrow(RangeError);
    expect(() => dueDate('2025-03', 32)).toThrow(RangeError);
  });

  it('is overdue from the day after the due date', () => {
    expect(isOverdue('2025-03', 20, '2025-03-19')).toBe(false);
    expect(isOverdue('2025-03', 20, '2025-03-20')).toBe(false);
    expect(isOverdue('2025-03', 20, '2025-03-21')).toBe(true);
    expect(isOverdue('2025-02', 31, '2025-03-01')).toBe(true);
    expect(isOverdue('2025-02', 31, '2025-02-28')).toBe(false);
  });

  it('judges a submitted report by when it was submitted, in China time', () => {
    expect(isOverdue('2025-03', 20, '2025-06-01', '2025-03-20')).toBe(false);
    expect(isOverdue('2025-03', 20, '2025-03-01', '2025-03-21')).toBe(true);
    // 23:59 on the 20th in Beijing is 15:59 UTC: on time; 00:00 on the 21st is late.
    expect(isOverdue('2025-03', 20, '2025-06-01', new Date('2025-03-20T15:59:00Z'))).toBe(false);
    expect(isOverdue('2025-03', 20, '2025-06-01', new Date('2025-03-20T16:00:00Z'))).toBe(true);
    expect(isOverdue('2025-03', 20, '2025-06-01', '2025-03-20T16:00:00Z')).toBe(true);
    expect(isOverdue('2025-03', 20, '2025-03-25', null)).toBe(true);
  });
});

describe('which stages report', () => {
  it('negotiating through producing', () => {
    expect(STAGES.filter(isReportingStage)).toEqual([
      'negotiating',
      'intent',
      'signed',
      'registered',
      'started',
      'producing',
    ]);
  });
});

describe('months owed', () => {
  it('counts from the month it became active through the current month once its due day passed', () => {
    expect(monthsOwed('2025-01-05', '2025-04-20', 20, [])).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(monthsOwed('2025-01-05', '2025-04-21', 20, [])).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
  });

  it('leaves out submitted months', () => {
    expect(monthsOwed('2025-01-05', '2025-04-21', 20, new Set(['2025-02', '2025-04']))).toEqual(['2025-01', '2025-03']);
  });

  it('does not charge the first month when the project became active after its due date', () => {
    expect(monthsOwed('2025-01-21', '2025-02-21', 20, [])).toEqual(['2025-02']);
    expect(monthsOwed('2025-01-20', '2025-02-21', 20, [])).toEqual(['2025-01', '2025-02']);
    expect(monthsOwed('2025-01-21', '2025-02-20', 20, [])).toEqual([]);
  });

  it('stops when the project stops being active', () => {
    expect(monthsOwed('2025-01-05', '2025-06-30', 20, [], '2025-03-20')).toEqual(['2025-01', '2025-02']);
    expect(monthsOwed('2025-01-05', '2025-06-30', 20, [], '2025-03-21')).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('clamps the due day in short months', () => {
    expect(monthsOwed('2025-02-01', '2025-03-01', 31, [])).toEqual(['2025-02']);
    expect(monthsOwed('2025-02-01', '2025-02-28', 31, [])).toEqual([]);
  });

  it('spans years', () => {
    expect(monthsOwed('2024-11-01', '2025-01-25', 20, ['2024-12'])).toEqual(['2024-11', '2025-01']);
  });

  it('agrees with isOverdue for every month (property)', () => {
    const arbDate = fc
      .integer({ min: 0, max: 3 * 365 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        arbDate,
        arbDate,
        fc.integer({ min: 1, max: 31 }),
        fc.array(fc.integer({ min: 0, max: 40 })),
        (a, b, dueDay, picks) => {
          const [activeFrom, today] = a <= b ? [a, b] : [b, a];
          const span = monthsBetween(activeFrom.slice(0, 7), today.slice(0, 7));
          const submitted = picks.map((i) => span[i % span.length]!);
          const owed = monthsOwed(activeFrom, today, dueDay, submitted);
          for (const m of span) {
            const expected = isOverdue(m, dueDay, today) && !submitted.includes(m) && dueDate(m, dueDay) >= activeFrom;
            expect(owed.includes(m), `${m} owed`).toBe(expected);
          }
          expect(owed).toEqual([...owed].sort());
        },
      ),
    );
  });
});

describe('stalled negotiations (Jilin: over six months without substantive progress)', () => {
  const negotiating = { stage: 'negotiating' as const, enteredStageOn: '2025-01-15', lastSubstantiveProgressOn: null };

  it('is not stalled at exactly six months, is stalled the day after', () => {
    expect(isStalled(negotiating, '2025-07-14', 6)).toBe(false);
    expect(isStalled(negotiating, '2025-07-15', 6)).toBe(false);
    expect(isStalled(negotiating, '2025-07-16', 6)).toBe(true);
    expect(stalledFrom(negotiating, 6)).toBe('2025-07-16');
  });

  it('counts from the later of entering negotiation and the last substantive progress', () => {
    const progressed = { ...negotiating, lastSubstantiveProgressOn: '2025-03-10' };
    expect(isStalled(progressed, '2025-09-10', 6)).toBe(false);
    expect(isStalled(progressed, '2025-09-11', 6)).toBe(true);
    // Progress recorded before (re-)entering negotiation does not push the date back.
    const old = { ...negotiating, lastSubstantiveProgressOn: '2024-01-01' };
    expect(stalledFrom(old, 6)).toBe('2025-07-16');
  });

  it('handles month ends: from 31 August, six months end on the last day of February', () => {
    const p = { ...negotiating, enteredStageOn: '2025-08-31' };
    expect(isStalled(p, '2026-02-28', 6)).toBe(false);
    expect(isStalled(p, '2026-03-01', 6)).toBe(true);
  });

  it('uses the policy period', () => {
    expect(isStalled(negotiating, '2025-04-16', 3)).toBe(true);
    expect(isStalled(negotiating, '2025-04-15', 3)).toBe(false);
  });

  it('only a project in negotiation can be stalled', () => {
    for (const stage of STAGES.filter((s) => s !== 'negotiating')) {
      expect(isStalled({ ...negotiating, stage }, '2030-01-01', 6)).toBe(false);
    }
  });

  it('refuses bad input', () => {
    expect(() => isStalled(negotiating, '2025-7-16', 6)).toThrow(RangeError);
    expect(() => isStalled(negotiating, '2025-07-16', 0)).toThrow(RangeError);
    expect(() => isStalled({ ...negotiating, enteredStageOn: 'x' }, '2025-07-16', 6)).toThrow(RangeError);
  });

  it('once stalled stays stalled as days pass without progress; progress un-stalls (property)', () => {
    const arbDay = fc
      .integer({ min: 0, max: 2000 })
      .map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(arbDay, arbDay, fc.integer({ min: 1, max: 24 }), (entered, today, months) => {
        const p = { stage: 'negotiating' as const, enteredStageOn: entered, lastSubstantiveProgressOn: null };
        const from = stalledFrom(p, months)!;
        expect(isStalled(p, today, months)).toBe(today >= from);
        // Stalled strictly after `months` months have passed, never before.
        expect(addMonths(entered, months) < from).toBe(true);
        expect(isStalled({ ...p, lastSubstantiveProgressOn: today }, today, months)).toBe(false);
      }),
    );
  });
});
