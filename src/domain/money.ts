/**
 * Money in 万元 (ten-thousand yuan) as exact decimals, never floating point.
 *
 * Exported API (stable):
 * - `WAN_SCALE` — amounts are held as integers of 1/10 000 万元 (= 1 元): `WAN_DECIMALS` = 4.
 * - `parseWan(text, options?)` → `{ ok: true, units, text }` | `{ ok: false, error: Bilingual }`:
 *   accepts "1234", "1234.5", "1,234.50", "１２３４" (full-width), "-5" only with `allowNegative`.
 * - `toUnits(text)` / `fromUnits(units)` — the scaled bigint behind a decimal string (throws on garbage).
 * - `formatWan(amount, { decimals?, grouping? })` — canonical "1234.5" by default, "1,234.50" with options.
 * - `addWan(...amounts)`, `subtractWan(a, b)`, `compareWan(a, b)` (-1 | 0 | 1), `isPositiveWan(text)`.
 * - `yiToWan(yi)` — 亿元 → 万元 (1亿 = 10000万), exact.
 * - `usdWanToWan(usdWan, rate)` — 万美元 → 万元 at `rate` yuan per dollar, rounded half away from zero
 *   to 1 元 (4 decimals of 万元).
 *
 * Functions taking decimal strings throw {@link AppError} `VALIDATION` naming the field `amount`
 * (or `rate`) when a string is not a decimal; callers validating user input use `parseWan`.
 */

import { AppError, type Bilingual } from './errors';

/** A 万元 amount as forms and the API take it: up to 16 whole digits and two decimals. */
export const WAN_AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

/** Decimal places kept: 4 decimals of 万元 is 1 元. */
export const WAN_DECIMALS = 4;
/** The integer factor between 万元 and the internal unit (1 元). */
export const WAN_SCALE = 10n ** BigInt(WAN_DECIMALS);

export type ParseWanResult = { ok: true; units: bigint; text: string } | { ok: false; error: Bilingual };

export interface ParseWanOptions {
  /** Accept a leading minus sign (for deltas and adjustments). Default false: amounts are ≥ 0. */
  allowNegative?: boolean;
}

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

function toAsciiNumber(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0C]/g, ',')
    .replace(/[\uFF0E]/g, '.')
    .replace(/[\uFF0D\u2212]/g, '-')
    .trim();
}

/**
 * Parses a 万元 amount typed by a person or read from the database (`numeric` comes back as
 * "1234.5000"). Thousands separators must group by three. At most 4 decimals may be non-zero
 * (1 元); more precision is refused rather than silently rounded.
 */
export function parseWan(text: string, options: ParseWanOptions = {}): ParseWanResult {
  const bad = (zh: string, en: string): ParseWanResult => ({ ok: false, error: { zh, en } });
  if (typeof text !== 'string') return bad('金额应为数字文本', 'the amount must be a decimal string');
  let s = toAsciiNumber(text);
  if (s === '') return bad('金额不能为空', 'the amount is empty');
  let negative = false;
  if (s.startsWith('-')) {
    if (!options.allowNegative) return bad('金额不能为负数', 'the amount cannot be negative');
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const [intPart = '', fracPart, ...rest] = s.split('.');
  if (rest.length > 0) return bad(`“${text}”不是有效金额`, `"${text}" is not a valid amount`);
  if (!(PLAIN.test(intPart) || GROUPED.test(intPart))) {
    return bad(
      `“${text}”不是有效金额（示例：1234.5 或 1,234.50）`,
      `"${text}" is not a valid amount (e.g. 1234.5 or 1,234.50)`,
    );
  }
  if (fracPart !== undefined && !PLAIN.test(fracPart)) {
    return bad(
      `“${text}”不是有效金额（示例：1234.5 或 1,234.50）`,
      `"${text}" is not a valid amount (e.g. 1234.5 or 1,234.50)`,
    );
  }
  const frac = (fracPart ?? '').replace(/0+$/, '');
  if (frac.length > WAN_DECIMALS) {
    return bad(
      `金额最多保留${WAN_DECIMALS}位小数（精确到元）`,
      `the amount may have at most ${WAN_DECIMALS} decimals (to the yuan)`,
    );
  }
  const units = BigInt(intPart.replace(/,/g, '')) * WAN_SCALE + BigInt(frac.padEnd(WAN_DECIMALS, '0') || '0');
  const signed = negative ? -units : units;
  return { ok: true, units: signed, text: fromUnits(signed) };
}

function mustParse(text: string, field = 'amount'): bigint {
  const parsed = parseWan(text, { allowNegative: true });
  if (!parsed.ok) throw new AppError('VALIDATION', { fields: [{ field, ...parsed.error }] });
  return parsed.units;
}

/** The scaled integer (1 unit = 1 元) of a 万元 decimal string; throws `VALIDATION` on garbage. */
export function toUnits(text: string): bigint {
  return mustParse(text);
}

/** The canonical decimal string of a scaled integer: no grouping, trailing zeros dropped ("1234.5"). */
export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const int = abs / WAN_SCALE;
  const frac = (abs % WAN_SCALE).toString().padStart(WAN_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export interface FormatWanOptions {
  /** Exactly this many decimals (0–4), rounding half away from zero; default: as many as needed. */
  decimals?: number;
  /** Thousands separators: "1,234.5". Default false. */
  grouping?: boolean;
}

/** Formats a 万元 amount (decimal string or scaled bigint) for display or the API edge. */
export function formatWan(amount: string | bigint, options: FormatWanOptions = {}): string {
  let units = typeof amount === 'bigint' ? amount : mustParse(amount);
  const { decimals, grouping = false } = options;
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > WAN_DECIMALS)) {
    throw new RangeError(`formatWan: decimals must be an integer 0–${WAN_DECIMALS}`);
  }
  if (decimals !== undefined) units = roundUnits(units, WAN_DECIMALS - decimals);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let int = (abs / WAN_SCALE).toString();
  let frac = (abs % WAN_SCALE).toString().padStart(WAN_DECIMALS, '0');
  frac = decimals === undefined ? frac.replace(/0+$/, '') : frac.slice(0, decimals);
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Rounds to a multiple of 10^digits units, half away from zero. */
function roundUnits(units: bigint, digits: number): bigint {
  if (digits <= 0) return units;
  const step = 10n ** BigInt(digits);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const rounded = ((abs + step / 2n) / step) * step;
  return negative ? -rounded : rounded;
}

/** Exact sum of 万元 amounts; `addWan()` is "0". */
export function addWan(...amounts: string[]): string {
  return fromUnits(amounts.reduce((sum, a) => sum + mustParse(a), 0n));
}

/** Exact difference `a − b` in 万元 (may be negative). */
export function subtractWan(a: string, b: string): string {
  return fromUnits(mustParse(a) - mustParse(b));
}

/** Compares two 万元 amounts numerically: -1 when a < b, 0 when equal ("1.50" = "1.5"), 1 when a > b. */
export function compareWan(a: string, b: string): -1 | 0 | 1 {
  const x = mustParse(a);
  const y = mustParse(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `text` is a valid amount strictly greater than zero. Never throws. */
export function isPositiveWan(text: string): boolean {
  const parsed = parseWan(text);
  return parsed.ok && parsed.units > 0n;
}

/** 亿元 → 万元: 1亿 = 10000万, exact ("1.5" → "15000"). Inputs with more than 8 decimals are refused. */
export function yiToWan(yi: string): string {
  const s = toAsciiNumber(yi);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s.replace(/,/g, ''));
  if (!match) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'amount', zh: `“${yi}”不是有效金额`, en: `"${yi}" is not a valid amount` }],
    });
  }
  const [, sign = '', int = '0', frac = ''] = match;
  const f = frac.replace(/0+$/, '');
  if (f.length > 4 + WAN_DECIMALS) {
    throw new AppError('VALIDATION', {
      fields: [
        { field: 'amount', zh: '亿元金额小数位过多（精确到元）', en: 'too many decimals for 亿元 (to the yuan)' },
      ],
    });
  }
  // Moving the decimal point four places right is exact: no arithmetic on fractions at all.
  const wanInt = BigInt(int + f.slice(0, 4).padEnd(4, '0'));
  const wanFrac = f.slice(4);
  return fromUnits(mustParse(`${sign}${wanInt}${wanFrac ? `.${wanFrac}` : ''}`));
}

/**
 * 万美元 → 万元 at `rate` yuan per US dollar (e.g. "7.1884"), rounded half away from zero to
 * 1 元. The rate may have up to 6 decimals and must be positive.
 */
export function usdWanToWan(usdWan: string, rate: string): string {
  const amount = mustParse(usdWan);
  const r = toAsciiNumber(rate);
  const match = /^(\d+)(?:\.(\d{0,6}))?$/.exec(r);
  const rateScaled = match ? BigInt(match[1]! + (match[2] ?? '').padEnd(6, '0')) : 0n;
  if (!match || rateScaled === 0n) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'rate',
          zh: `汇率“${rate}”无效，应为正数且最多6位小数`,
          en: `the rate "${rate}" is invalid: a positive number with at most 6 decimals`,
        },
      ],
    });
  }
  return fromUnits(roundUnits(amount * rateScaled, 6) / 1_000_000n);
}
