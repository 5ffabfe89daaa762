import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProjectCode, isRegionCode, parseProjectCode, projectCodePrefix } from './project-code';

describe('project codes', () => {
  it('formats ZS-<year>-<region>-<4-digit seq>', () => {
    expect(formatProjectCode({ year: 2025, regionCode: '220400', seq: 1 })).toBe('ZS-2025-220400-0001');
    expect(formatProjectCode({ year: 2025, regionCode: '2204Z1', seq: 37 })).toBe('ZS-2025-2204Z1-0037');
    expect(formatProjectCode({ year: 2026, regionCode: '620100', seq: 12345 })).toBe('ZS-2026-620100-12345');
    expect(projectCodePrefix(2025, '3304Z2')).toBe('ZS-2025-3304Z2-');
  });

  it.each([
    [{ year: 25, regionCode: '220400', seq: 1 }],
    [{ year: 2025, regionCode: '2204', seq: 1 }],
    [{ year: 2025, regionCode: '2204z1', seq: 1 }],
    [{ year: 2025, regionCode: '220400', seq: 0 }],
    [{ year: 2025, regionCode: '220400', seq: 1.5 }],
  ])('refuses bad parts %j', (parts) => {
    expect(() => formatProjectCode(parts)).toThrow(RangeError);
  });

  it('parses, accepting lower case and spaces, returning the canonical code', () => {
    expect(parseProjectCode('ZS-2025-220400-0001')).toEqual({
      ok: true,
      code: 'ZS-2025-220400-0001',
      year: 2025,
      regionCode: '220400',
      seq: 1,
    });
    expect(parseProjectCode(' zs-2025-2204z1-0042 ')).toMatchObject({
      ok: true,
      code: 'ZS-2025-2204Z1-0042',
      regionCode: '2204Z1',
      seq: 42,
    });
    expect(parseProjectCode('ZS-2025-220400-12345')).toMatchObject({ ok: true, seq: 12345 });
  });

  it.each([
    '',
    'ZS-2025-220400-1',
    'ZS-2025-220400-00001',
    'ZS-2025-220400-0000',
    'XX-2025-220400-0001',
    'ZS-2025-22040-0001',
    'ZS-25-220400-0001',
    'ZS-2025-220400-0001-1',
    'ZS-2025-Z20400-0001',
  ])('refuses %j in both languages', (text) => {
    const r = parseProjectCode(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toContain('项目编号');
      expect(r.error.en).toContain('not a project code');
    }
  });

  it('recognises region and zone codes', () => {
    expect(['220400', '220421', '2204Z1', '000000'].every(isRegionCode)).toBe(true);
    expect(['22040', '2204z1', 'Z20400', '2204Z10'].some(isRegionCode)).toBe(false);
  });

  it('format and parse are inverse, and distinct parts give distinct codes', () => {
    const arbParts = fc.record({
      year: fc.integer({ min: 2000, max: 2099 }),
      regionCode: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{4}Z\d$/)),
      seq: fc.integer({ min: 1, max: 999_999 }),
    });
    fc.assert(
      fc.property(arbParts, arbParts, (a, b) => {
        const code = formatProjectCode(a);
        expect(parseProjectCode(code)).toEqual({ ok: true, code, ...a });
        const same = a.year === b.year && a.regionCode === b.regionCode && a.seq === b.seq;
        expect(code === formatProjectCode(b)).toBe(same);
      }),
    );
  });

  it('codes of one region and year with seq ≤ 9999 sort in sequence order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (x, y) => {
        const cx = formatProjectCode({ year: 2025, regionCode: '220400', seq: x });
        const cy = formatProjectCode({ year: 2025, regionCode: '220400', seq: y });
        expect(cx < cy).toBe(x < y);
      }),
    );
  });
});
