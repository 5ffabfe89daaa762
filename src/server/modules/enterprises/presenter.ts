import { ENTERPRISE_TAG_LABELS, isTopThree500 } from '../../../domain/enterprise-tags';
import { findDivision, findSection } from '../../../domain/industry';
import type { EnterpriseRow } from './repository';
import type { TEnterprise } from './schema';

const COUNTRY_ZH = new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'code' });
const COUNTRY_EN = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** numeric(18,2) comes back as text on both engines; always show two decimals ("1234.50"). */
function capital(value: string | null): string | null {
  if (value === null) return null;
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function presentEnterprise(row: EnterpriseRow): TEnterprise {
  const section = row.industrySection ? findSection(row.industrySection) : undefined;
  const division = row.industryDivision ? findDivision(row.industryDivision) : undefined;
  return {
    id: row.id,
    name: row.name,
    nameCore: row.nameCore,
    creditCode: row.creditCode,
    registeredCapitalWan: capital(row.registeredCapitalWan),
    hqCountry: {
      code: row.hqCountry,
      zh: COUNTRY_ZH.of(row.hqCountry) ?? row.hqCountry,
      en: COUNTRY_EN.of(row.hqCountry) ?? row.hqCountry,
    },
    hqRegion: row.hqRegionCode ? { code: row.hqRegionCode, name: row.hqRegionName ?? row.hqRegionCode } : null,
    industrySection: section ? { code: section.code, zh: section.zh, en: section.en } : null,
    industryDivision: division ? { code: division.code, zh: division.zh, en: division.en } : null,
    tags: row.tags,
    tagLabels: row.tags.map((t) => ENTERPRISE_TAG_LABELS[t]),
    topThree500: isTopThree500(row.tags),
    region: { code: row.regionCode, name: row.regionName },
    unit: { id: row.unitId, name: row.unitName },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
