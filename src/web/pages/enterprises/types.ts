export const ENTERPRISE_TAGS = [
  'fortune_global_500',
  'china_top_500',
  'private_top_500',
  'specialized',
  'listed',
  'unicorn',
  'foreign',
  'central_soe',
  'local_soe',
] as const;
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number];

export const TAG_COLORS: Record<EnterpriseTag, string> = {
  fortune_global_500: 'red',
  china_top_500: 'volcano',
  private_top_500: 'orange',
  specialized: 'green',
  listed: 'blue',
  unicorn: 'purple',
  foreign: 'cyan',
  central_soe: 'magenta',
  local_soe: 'geekblue',
};

interface Coded {
  code: string;
  zh: string;
  en: string;
}

export interface Enterprise {
  id: string;
  name: string;
  nameCore: string;
  creditCode: string | null;
  registeredCapitalWan: string | null;
  hqCountry: Coded;
  hqRegion: { code: string; name: string } | null;
  industrySection: Coded | null;
  industryDivision: Coded | null;
  tags: EnterpriseTag[];
  tagLabels: { zh: string; en: string }[];
  topThree500: boolean;
  region: { code: string; name: string };
  unit: { id: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}
