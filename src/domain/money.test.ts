import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  addWan,
  compareWan,
  formatWan,
  fromUnits,
  isPositiveWan,
  parseWan,
  subtractWan,
  toUnits,
  usdWanToWan,
  yiToWan,
} from './money';

describe('parseWan', () => {
  it.each([
    ['1234', '1234'],
    ['1234.5', '1234.5'],
    ['1,234.50', '1234.5'],
    ['1,234,567.0001', '1234567.0001'],
    ['  12 ', '12'],
    ['１２３４．５', '1234.5'],
    ['1，234', '1234'],
    ['0', '0'],
    ['0007', '7'],
    ['1234.5000', '1234.5'], // as numeric(18,4) comes back from PostgreSQL
    ['5.000000', '5'],
    ['+3', '3'],
  ])('accepts %j as %s', (text, canonical) => {
    expect(parseWan(text)).toMatchObject({ ok: true, text: canonical });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not a valid amount'],
    ['1.2.3', 'not a valid amount'],
    ['12,34', 'not a valid amount'],
    ['1,2345', 'not a valid amount'],
    [',123', 'not a valid amount'],
    ['1e5', 'not a valid amount'],
    ['12.', 'not a valid amount'],
    ['.5', 'not a valid amount'],
    ['5亿', 'not a valid amount'],
    ['1.23456', 'at most 4 decimals'],
    ['-1', 'cannot be negative'],
  ])('refuses %j in both languages', (text, en) => {
    const r = parseWan(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.en).toContain(en);
    expect(r.error.zh).not.toBe('');
  });

  it('accepts a negative amount only when asked', () => {
    expect(parseWan('-1.5', { allowNegative: true })).toEqual({ ok: true, units: -15000n, text: '-1.5' });
  });

  it('keeps amounts beyond float precision exact', () => {
    const big = '123456789012345678.9999';
    expect(parseWan(big)).toMatchObject({ ok: true, text: big, units: 1234567890123456789999n });
  });
});

describe('formatting and arithmetic', () => {
  it('formats canonically, with fixed decimals, with grouping', () => {
    expect(formatWan('1234.50')).toBe('1234.5');
    expect(formatWan('1234.5', { decimals: 2, grouping: true })).toBe('1,234.50');
    expect(formatWan('1234.5678', { decimals: 2 })).toBe('1234.57');
    expect(formatWan('0.005', { decimals: 2 })).toBe('0.01');
    expect(formatWan('-0.005', { decimals: 2 })).toBe('-0.01');
    expect(formatWan('999.9999', { decimals: 0 })).toBe('1000');
    expect(formatWan(12345678n * 10000n, { grouping: true })).toBe('12,345,678');
    expect(() => formatWan('1', { decimals: 5 })).toThrow(RangeError);
  });

  it('adds, subtracts and compares exactly where floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addWan('0.1', '0.2')).toBe('0.3');
    expect(addWan()).toBe('0');
    expect(addWan('1,000', '2000.5', '0.0001')).toBe('3000.5001');
    expect(subtractWan('1', '1.5')).toBe('-0.5');
    expect(compareWan('1.50', '1.5')).toBe(0);
    expect(compareWan('9', '10')).toBe(-1);
    expect(compareWan('100000', '99999.9999')).toBe(1);
  });

  it('says which amount is garbage with a field error', () => {
    try {
      addWan('1', 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fields[0]).toMatchObject({
        field: 'amount',
        en: '"x" is not a valid amount (e.g. 1234.5 or 1,234.50)',
      });
    }
  });

  it('isPositiveWan', () => {
    expect(isPositiveWan('0.0001')).toBe(true);
    expect(isPositiveWan('0')).toBe(false);
    expect(isPositiveWan('-1')).toBe(false);
    expect(isPositiveWan('x')).toBe(false);
  });
});

describe('unit conversions', () => {
  it('亿元 → 万元: 1亿 = 10000万', () => {
    expect(yiToWan('1')).toBe('10000');
    expect(yiToWan('5')).toBe('50000');
    expect(yiToWan('1.5')).toBe('15000');
    expect(yiToWan('0.00012345')).toBe('1.2345');
    expect(yiToWan('10,000')).toBe('100000000');
    expect(() => yiToWan('0.000000001')).toThrow(AppError);
    expect(() => yiToWan('一亿')).toThrow(AppError);
  });

  it('万美元 → 万元 at a rate, rounded to the yuan', () => {
    expect(usdWanToWan('10000', '7.1884')).toBe('71884');
    expect(usdWanToWan('1', '7.18845')).toBe('7.1885'); // 7.18845 rounds half up
    expect(usdWanToWan('0.0001', '7')).toBe('0.0007');
    expect(usdWanToWan('0', '7')).toBe('0');
    expect(() => usdWanToWan('1', '0')).toThrow(AppError);
    expect(() => usdWanToWan('1', 'abc')).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'rate' })] }),
    );
  });
});

const arbUnits = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const arbAmount = arbUnits.map(fromUnits);

describe('properties', () => {
  it('parse and format round-trip, with or without grouping', () => {
    fc.assert(
      fc.property(arbUnits, (u) => {
        const text = fromUnits(u);
        expect(toUnits(text)).toBe(u);
        expect(toUnits(formatWan(text, { grouping: true }))).toBe(u);
        expect(toUnits(formatWan(text, { decimals: 4, grouping: true }))).toBe(u);
      }),
    );
  });

  it('addition is exact, commutative and associative', () => {
    fc.assert(
      fc.property(arbAmount, arbAmount, arbAmount, (a, b, c) => {
        expect(toUnits(addWan(a, b))).toBe(toUnits(a) + toUnits(b));
        expect(addWan(a, b)).toBe(addWan(b, a));
        expect(addWan(addWan(a, b), c)).toBe(addWan(a, addWan(b, c)));
        expect(subtractWan(addWan(a, b), b)).toBe(fromUnits(toUnits(a)));
      }),
    );
  });

  it('compare agrees with subtraction', () => {
    fc.assert(
      fc.property(arbAmount, arbAmount, (a, b) => {
        const diff = toUnits(subtractWan(a, b));
        expect(compareWan(a, b)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
      }),
    );
  });

  it('yiToWan is multiplication by 10000', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (yiUnits) => {
        // yiUnits is an amount of 亿 with 4 decimals; in 万 it is exact.
        expect(toUnits(yiToWan(fromUnits(yiUnits)))).toBe(yiUnits * 10000n);
      }),
    );
  });

  it('rounding to fixed decimals moves an amount by at most half a step', () => {
    fc.assert(
      fc.property(arbUnits, fc.integer({ min: 0, max: 4 }), (u, decimals) => {
        const rounded = toUnits(formatWan(u, { decimals }));
        const half = 10n ** BigInt(4 - decimals) / 2n;
        const delta = rounded - u;
        expect(delta <= half && delta >= -half).toBe(true);
      }),
    );
  });
});
