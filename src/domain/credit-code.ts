/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (the digits and the capitals without I, O, Z, S, V):
 * position 1 the registration authority, 2 the organisation type, 3–8 the administrative division
 * code (GB/T 2260), 9–17 the organisation code (GB 11714), 18 a check character over the first 17.
 */

import type { Bilingual } from './errors';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Organisation types each registration authority may issue (GB 32100-2015 appendix A and its amendments). */
export const REGISTRATION_AUTHORITIES: Record<string, Bilingual & { types: Record<string, Bilingual> }> = {
  '1': {
    zh: '机构编制',
    en: 'Public sector establishment',
    types: {
      '1': { zh: '机关', en: 'Government organ' },
      '2': { zh: '事业单位', en: 'Public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation under the central establishment office' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '2': {
    zh: '外交',
    en: 'Foreign affairs',
    types: {
      '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '3': {
    zh: '司法行政',
    en: 'Justice administration',
    types: {
      '1': { zh: '律师执业机构', en: 'Law firm' },
      '2': { zh: '公证处', en: 'Notary office' },
      '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '4': {
    zh: '文化',
    en: 'Culture',
    types: {
      '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre in China' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    types: {
      '1': { zh: '社会团体', en: 'Social organisation' },
      '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
      '3': { zh: '基金会', en: 'Foundation' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    types: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'Resident office of a foreign tourism authority' },
      '2': { zh: '港澳台地区旅游部门常驻内地代表机构', en: 'Resident office of a HK/Macao/Taiwan tourism authority' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '7': {
    zh: '宗教',
    en: 'Religious affairs',
    types: {
      '1': { zh: '宗教活动场所', en: 'Place of religious activity' },
      '2': { zh: '宗教院校', en: 'Religious college' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '8': {
    zh: '工会',
    en: 'Trade unions',
    types: {
      '1': { zh: '基层工会', en: 'Grassroots trade union' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  '9': {
    zh: '市场监管（工商）',
    en: 'Market regulation (industry and commerce)',
    types: {
      '1': { zh: '企业', en: 'Enterprise' },
      '2': { zh: '个体工商户', en: 'Individual business' },
      '3': { zh: '农民专业合作社', en: "Farmers' specialised cooperative" },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'Central Military Commission establishment office',
    types: {
      '1': { zh: '军队事业单位', en: 'Military public institution' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    types: {
      '1': { zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
      '9': { zh: '其他', en: 'Other' },
    },
  },
  Y: {
    zh: '其他',
    en: 'Other',
    types: { '1': { zh: '其他', en: 'Other' } },
  },
};

export type CreditCodeFailure = 'length' | 'character' | 'authority' | 'type' | 'division' | 'check';

export type CreditCodeResult =
  | {
      ok: true;
      /** The normalised code (upper case, no spaces). */
      code: string;
      authority: Bilingual;
      organisationType: Bilingual;
      divisionCode: string;
      organisationCode: string;
    }
  | {
      ok: false;
      code: string;
      failure: CreditCodeFailure;
      /** 1-based position of the first failing character, when one is to blame. */
      position?: number;
      /** For a wrong check character: the one it should be. */
      expected?: string;
      message: Bilingual;
    };

/** Upper-cases, turns full-width letters and digits into ASCII and drops every space. */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** The check character (position 18) for the first 17 characters, which must be from the alphabet. */
export function computeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not in the credit code alphabet`);
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

function fail(
  code: string,
  failure: CreditCodeFailure,
  message: Bilingual,
  position?: number,
  expected?: string,
): CreditCodeResult {
  return { ok: false, code, failure, message, position, expected };
}

/**
 * Validates a credit code and says which position is wrong, in both languages. Lower-case input
 * and spaces are accepted (normalised first).
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  const chars = [...code];
  if (chars.length !== 18) {
    return fail(code, 'length', {
      zh: `应为18位，实际为${chars.length}位`,
      en: `must be 18 characters long, got ${chars.length}`,
    });
  }
  for (let i = 0; i < 18; i++) {
    const c = chars[i]!;
    if (!CREDIT_CODE_ALPHABET.includes(c)) {
      return fail(
        code,
        'character',
        { zh: `第${i + 1}位含非法字符 ${c}`, en: `position ${i + 1} has the illegal character ${c}` },
        i + 1,
      );
    }
  }
  const authority = REGISTRATION_AUTHORITIES[code[0]!];
  if (!authority) {
    return fail(
      code,
      'authority',
      {
        zh: `第1位登记管理部门代码 ${code[0]} 不存在`,
        en: `position 1: ${code[0]} is not a registration authority code`,
      },
      1,
    );
  }
  const organisationType = authority.types[code[1]!];
  if (!organisationType) {
    return fail(
      code,
      'type',
      {
        zh: `第2位机构类别代码 ${code[1]} 不属于登记管理部门“${authority.zh}”`,
        en: `position 2: ${code[1]} is not an organisation type of the authority "${authority.en}"`,
      },
      2,
    );
  }
  for (let i = 2; i < 8; i++) {
    if (!/[0-9]/.test(code[i]!)) {
      return fail(
        code,
        'division',
        {
          zh: `第${i + 1}位应为数字（第3–8位为登记管理机关行政区划码）`,
          en: `position ${i + 1} must be a digit (positions 3–8 are the administrative division code)`,
        },
        i + 1,
      );
    }
  }
  const expected = computeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return fail(
      code,
      'check',
      { zh: `第18位校验码应为 ${expected}`, en: `check character at position 18 should be ${expected}` },
      18,
      expected,
    );
  }
  return {
    ok: true,
    code,
    authority: { zh: authority.zh, en: authority.en },
    organisationType,
    divisionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  };
}

/** GB 11714 organisation code check character over its first 8 characters (0–9 or X). */
export function organisationCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    // GB 11714 values: digits as themselves, A–Z as 10–35.
    const v = /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** A small deterministic PRNG (mulberry32), so a seed always gives the same code. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERATOR_DIVISIONS = ['110000', '310000', '220400', '220421', '620100', '440700', '330400', '330481', '320500'];
const ORG_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A valid credit code made from `seed` (same seed, same code): mostly enterprises (91), with a
 * real division code and an organisation code whose own GB 11714 check holds. For test data and
 * the benchmark.
 */
export function makeCreditCode(seed: number): string {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const authorityCode = next() < 0.8 ? '9' : pick(Object.keys(REGISTRATION_AUTHORITIES));
  const typeCode =
    authorityCode === '9' && next() < 0.9 ? '1' : pick(Object.keys(REGISTRATION_AUTHORITIES[authorityCode]!.types));
  const division = pick(GENERATOR_DIVISIONS);
  let org = '';
  for (let i = 0; i < 8; i++) org += i === 0 || next() < 0.3 ? pick([...ORG_CODE_ALPHABET]) : pick([...'0123456789']);
  org += organisationCodeCheckChar(org);
  const first17 = authorityCode + typeCode + division + org;
  return first17 + computeCheckChar(first17);
}
