import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, isCalendarMonth, isLeapYear } from './calendar';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2026-12-31', '2026-04-30'])('accepts %s', (value) =>
    expect(isCalendarDate(value)).toBe(true),
  );

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '0000-01-01',
    '1899-12-31',
    '2200-01-01',
    '2026-13-45',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '20260105',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '２０２６-01-05',
    '',
  ])('refuses %s', (value) => expect(isCalendarDate(value)).toBe(false));

  it('agrees with the JavaScript calendar for every day of the supported range', () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2199, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: min / 86_400_000, max: max / 86_400_000 }), (day) => {
        expect(isCalendarDate(iso(new Date(day * 86_400_000)))).toBe(true);
      }),
      { seed: 15 },
    );
  });

  it('accepts a YYYY-MM-DD string exactly when Date round-trips it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const parsed = new Date(`${value}T00:00:00Z`);
          const real = !Number.isNaN(parsed.getTime()) && iso(parsed) === value && y >= 1900 && y <= 2199;
          expect(isCalendarDate(value)).toBe(real);
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });
});

describe('isCalendarMonth', () => {
  it.each(['2026-01', '2026-12', '1900-01', '2199-12'])('accepts %s', (v) => expect(isCalendarMonth(v)).toBe(true));
  it.each(['2026-00', '2026-13', '0000-01', '2200-01', '2026-1', '2026-01-01', 'current'])('refuses %s', (v) =>
    expect(isCalendarMonth(v)).toBe(false),
  );
});

describe('daysInMonth / isLeapYear', () => {
  it('has 365 or 366 days in a year, 366 exactly in leap years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), (year) => {
        const days = Array.from({ length: 12 }, (_, i) => daysInMonth(year, i + 1)).reduce((a, b) => a + b, 0);
        expect(days).toBe(isLeapYear(year) ? 366 : 365);
      }),
      { seed: 15 },
    );
  });
});
