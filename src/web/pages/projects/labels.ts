import { useCallback } from 'react';
import { useLang } from '../../i18n';
import type { IndustryRef, IndustryTree } from './types';

/** 12345.6 → "12,345.6": thousands separators on a decimal string without touching its digits. */
export function formatWan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** "1234.5" 万元 with its unit in the chosen language. */
export function useMoney(): (value: string | null | undefined, unit?: 'wan' | 'usdWan') => string {
  const { t } = useLang();
  return useCallback(
    (value, unit = 'wan') =>
      value === null || value === undefined || value === ''
        ? '—'
        : `${formatWan(value)} ${t(unit === 'wan' ? 'unit.wan' : 'unit.usdWan')}`,
    [t],
  );
}

/** The label of an industry section or division code in the chosen language. */
export function industryLabel(tree: IndustryTree | undefined, ref: IndustryRef, lang: string): string {
  if (!ref) return '—';
  if (typeof ref !== 'string' && ref.zh) return `${ref.code} ${lang === 'en' ? ref.en : ref.zh}`;
  const code = typeof ref === 'string' ? ref : ref.code;
  for (const section of tree?.sections ?? []) {
    if (section.code === code) return `${code} ${lang === 'en' ? section.en : section.zh}`;
    const division = section.divisions.find((d) => d.code === code);
    if (division) return `${code} ${lang === 'en' ? division.en : division.zh}`;
  }
  return code;
}
