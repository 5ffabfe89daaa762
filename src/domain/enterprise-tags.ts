import type { Bilingual } from './errors';

/** Labels an officer attaches to an enterprise; stored as their codes. */
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

export const ENTERPRISE_TAG_LABELS: Record<EnterpriseTag, Bilingual> = {
  fortune_global_500: { zh: '世界500强', en: 'Fortune Global 500' },
  china_top_500: { zh: '中国500强', en: 'China Top 500' },
  private_top_500: { zh: '民营500强', en: 'China Private Top 500' },
  specialized: { zh: '专精特新', en: 'Specialised and innovative SME' },
  listed: { zh: '上市', en: 'Listed' },
  unicorn: { zh: '独角兽', en: 'Unicorn' },
  foreign: { zh: '外资', en: 'Foreign-invested' },
  central_soe: { zh: '央企', en: 'Central state-owned' },
  local_soe: { zh: '国企', en: 'Local state-owned' },
};

/** The “三个500强” (three Top-500 lists) the policies count separately from other enterprises. */
export const TOP_THREE_500: readonly EnterpriseTag[] = ['fortune_global_500', 'china_top_500', 'private_top_500'];

/** Whether an enterprise is on any of the three Top-500 lists (三个500强). */
export function isTopThree500(tags: readonly string[]): boolean {
  return tags.some((t) => (TOP_THREE_500 as readonly string[]).includes(t));
}
