import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  computeCheckChar,
  makeCreditCode,
  organisationCodeCheckChar,
  validateCreditCode,
} from './credit-code';

// Codes published on the national enterprise credit information system.
const PUBLISHED = [
  '91350100M000100Y43',
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
  '9111000071093123XX',
];

describe('validateCreditCode', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ ok: true, code });
  });

  it('explains the parts of a valid code', () => {
    const result = validateCreditCode('91350100M000100Y43');
    expect(result).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      authority: expect.objectContaining({ zh: '市场监管（工商）' }),
      organisationType: { zh: '企业', en: 'Enterprise' },
      divisionCode: '350100',
      organisationCode: 'M000100Y4',
    });
  });

  it('computes the check character for a code made from 17 characters', () => {
    expect(computeCheckChar('91350100M000100Y4')).toBe('3');
    // A check of 31 − 0 wraps to 0: seventeen zeros weigh nothing.
    expect(computeCheckChar('00000000000000000')).toBe('0');
    const first17 = '91110000100000000';
    const code = first17 + computeCheckChar(first17);
    expect(validateCreditCode(code).ok).toBe(true);
  });

  it('names position 18 and the right check character in both languages', () => {
    const result = validateCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({
      ok: false,
      failure: 'check',
      position: 18,
      expected: '3',
      message: { zh: '第18位校验码应为 3', en: 'check character at position 18 should be 3' },
    });
  });

  it('names the position of a character outside the alphabet (I, O, Z, S, V)', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      const code = '9135O100M000100Y43'.replace('O', bad);
      expect(validateCreditCode(code)).toMatchObject({
        ok: false,
        failure: 'character',
        position: 5,
        message: { zh: `第5位含非法字符 ${bad}` },
      });
    }
  });

  it('upper-cases, converts full-width characters and drops spaces', () => {
    expect(validateCreditCode('  91350100m000100y43 ')).toMatchObject({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode('9135 0100 M000 100Y 43')).toMatchObject({ ok: true });
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ ok: true });
  });

  it('refuses a wrong length, authority, type or division digit, naming each', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, failure: 'length' });
    expect(validateCreditCode('')).toMatchObject({ ok: false, failure: 'length' });
    const withStart = (start: string) => {
      const first17 = start + '350100M000100Y4';
      return first17 + computeCheckChar(first17);
    };
    expect(validateCreditCode(withStart('B1'))).toMatchObject({ ok: false, failure: 'authority', position: 1 });
    expect(validateCreditCode(withStart('94'))).toMatchObject({ ok: false, failure: 'type', position: 2 });
    const letterInDivision = '9135A100M000100Y4';
    expect(validateCreditCode(letterInDivision + computeCheckChar(letterInDivision))).toMatchObject({
      ok: false,
      failure: 'division',
      position: 5,
    });
  });

  it('checks the GB 11714 organisation code inside published codes', () => {
    for (const code of PUBLISHED) expect(organisationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });
});

describe('makeCreditCode (property)', () => {
  it('is deterministic', () => {
    expect(makeCreditCode(42)).toBe(makeCreditCode(42));
    expect(makeCreditCode(42)).not.toBe(makeCreditCode(43));
  });

  it('every generated code validates', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const code = makeCreditCode(seed);
        expect(validateCreditCode(code)).toMatchObject({ ok: true, code });
      }),
      { numRuns: 2000 },
    );
  });

  it('changing any one character of a valid code is caught', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...CREDIT_CODE_ALPHABET),
        (seed, position, replacement) => {
          const code = makeCreditCode(seed);
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(validateCreditCode(changed).ok).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
