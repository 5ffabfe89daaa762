import { computeCheckChar, organisationCodeCheckChar } from '../../src/domain/credit-code';
import type { EnterpriseTag } from '../../src/domain/enterprise-tags';
import { sectionOfDivision } from '../../src/domain/industry';
import { instantAt, toDay } from './dates';
import { Rng } from './random';
import { nameKeys } from './search-keys';
import type { EnterpriseRow, FirstUnit, RegionRow } from './types';
import {
  FOREIGN_COUNTRIES,
  INDUSTRY_THEMES,
  LEGAL_FORMS,
  OUTSIDE_REGIONS,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
} from './vocabulary';

/** An enterprise row plus what the project generator needs to name projects after it. */
export interface GeneratedEnterprise {
  row: EnterpriseRow;
  tradeName: string;
  theme: number;
  foreign: boolean;
  /** 德国 / 日本 … for a foreign investor, else ''. */
  countryPrefix: string;
}

const FOREIGN_SYLLABLES = [...'斯特克森尔林顿德纳诺莱曼'];
const ORG_ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const THEME_WEIGHTS = INDUSTRY_THEMES.map((t, i) => [i, t.weight] as const);

/**
 * A valid 统一社会信用代码 of an enterprise (91…) registered in `division`, built from the
 * check-character rules of src/domain/credit-code.ts; the organisation code is of the post-2015
 * `MA…` kind half of the time.
 */
function creditCode(rng: Rng, division: string): string {
  let org = rng.chance(0.5) ? 'MA' : String(rng.int(1, 9));
  while (org.length < 8) org += rng.chance(0.8) ? String(rng.int(0, 9)) : rng.pick(ORG_ALPHABET);
  org += organisationCodeCheckChar(org);
  const first17 = `91${division}${org}`;
  return first17 + computeCheckChar(first17);
}

function money(value: number): string {
  return value.toFixed(2);
}

function localPrefix(rng: Rng, region: RegionRow): string {
  if (region.level === 'city' && rng.chance(0.5)) return region.name.replace(/市$/, '');
  return region.name;
}

function domesticTags(rng: Rng): EnterpriseTag[] {
  const tags: EnterpriseTag[] = [];
  if (rng.chance(0.004)) tags.push('fortune_global_500');
  if (rng.chance(0.01)) tags.push('china_top_500');
  if (rng.chance(0.015)) tags.push('private_top_500');
  if (rng.chance(0.06)) tags.push('specialized');
  if (rng.chance(0.05)) tags.push('listed');
  if (rng.chance(0.01)) tags.push('central_soe');
  else if (rng.chance(0.02)) tags.push('local_soe');
  return tags;
}

/**
 * `count` enterprises: ~95% Chinese (region prefix + 字号 + industry word + legal form, valid
 * credit code registered in that region), ~5% foreign parents (DE/JP/US/KR, no credit code).
 * Names and credit codes are unique within the set.
 */
export function generateEnterprises(
  seed: number,
  count: number,
  regions: readonly RegionRow[],
  units: readonly FirstUnit[],
  today: string,
  windowYears: number,
): GeneratedEnterprise[] {
  // Six-digit codes only: 嘉峪关's streets carry 9-digit township codes, no credit-code division.
  const localRegions = regions.filter((r) => r.level !== 'country' && r.code.length === 6);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const unitWeights = units.map((u, i) => [i, u.weight] as const);
  const todayDay = toDay(today);
  const windowDays = Math.round(windowYears * 365.25);
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: GeneratedEnterprise[] = [];
  for (let i = 0; i < count; i++) {
    const rng = Rng.for(seed, 'enterprise', i);
    const theme = rng.weighted(THEME_WEIGHTS);
    const t = INDUSTRY_THEMES[theme]!;
    const foreign = rng.chance(0.05);
    const owner = units[rng.weighted(unitWeights)]!;
    let parts: string[] = [];
    let tradeName = '';
    let countryPrefix = '';
    let hqCountry = 'CN';
    let hqRegionCode: string | null = null;
    let division = '';
    for (let attempt = 0; ; attempt++) {
      const word = rng.pick(t.words);
      if (foreign) {
        const country = rng.pick(FOREIGN_COUNTRIES);
        tradeName = rng.pick(country.names);
        // A crowded name space grows the trade name by a syllable per retry, so retries end.
        for (let k = 1; k < attempt; k++) tradeName += rng.pick(FOREIGN_SYLLABLES);
        countryPrefix = country.prefix;
        hqCountry = country.code;
        parts = [country.prefix, tradeName, word, country.form];
      } else {
        tradeName = rng.pick(TRADE_NAME_FIRST) + rng.pick(TRADE_NAME_SECOND);
        for (let k = 3; k < attempt; k++) tradeName += rng.pick(TRADE_NAME_SECOND);
        let prefix = '';
        if (rng.chance(0.45)) {
          const region = rng.pick(localRegions);
          hqRegionCode = region.code;
          // A zone has no GB/T 2260 code: enterprises there register with the city's.
          division = region.level === 'zone' ? region.parentCode! : region.code;
          prefix = localPrefix(rng, region);
        } else {
          const [outside, code] = rng.pick(OUTSIDE_REGIONS);
          hqRegionCode = null;
          division = code;
          prefix = rng.chance(0.9) ? outside : '';
        }
        parts = [prefix, tradeName, word, rng.weighted(LEGAL_FORMS)];
      }
      parts = parts.filter(Boolean);
      if (!names.has(parts.join(''))) break;
    }
    const keys = nameKeys(parts, 'core-first');
    names.add(keys.name);
    let code: string | null = null;
    if (!foreign) {
      do code = creditCode(rng, division);
      while (codes.has(code));
      codes.add(code);
    }
    const tags = foreign
      ? ([
          'foreign',
          ...(rng.chance(0.08) ? ['fortune_global_500'] : []),
          ...(rng.chance(0.3) ? ['listed'] : []),
        ] as EnterpriseTag[])
      : domesticTags(rng);
    const created = instantAt(todayDay - rng.int(0, windowDays), rng.int(8 * 60, 18 * 60));
    out.push({
      tradeName,
      theme,
      foreign,
      countryPrefix,
      row: {
        id: rng.uuid(),
        name: keys.name,
        nameCore: keys.nameCore,
        namePinyin: keys.namePinyin,
        creditCode: code,
        registeredCapitalWan: money(Math.max(10, Math.round(rng.logNormal(3000, 1.5) / 10) * 10)),
        hqCountry,
        hqRegionCode: hqRegionCode && byCode.has(hqRegionCode) ? hqRegionCode : null,
        industrySection: sectionOfDivision(t.division)!.code,
        industryDivision: t.division,
        tags,
        regionCode: owner.regionCode,
        unitId: owner.id,
        createdBy: owner.actorId,
        createdAt: created,
        updatedAt: created,
      },
    });
  }
  return out;
}
