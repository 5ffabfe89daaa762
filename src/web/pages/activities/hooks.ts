import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import type { Bilingual, Catalog, Progress } from './types';

export function useActivityCatalog() {
  return useQuery({
    queryKey: ['activities', 'catalog'],
    queryFn: () => api.get<Catalog>('/api/activities/catalog'),
    staleTime: Infinity,
  });
}

/** A {zh, en} label in the chosen language. */
export function useLabel(): (label: Bilingual | undefined) => string {
  const { lang } = useLang();
  return (label) => (label ? (lang === 'en' ? label.en : label.zh) : '—');
}

/** "3 / 5" with the required figure when a quota applies. */
export function progressText(p: Progress): string {
  return p.required === null ? String(p.done) : `${p.done} / ${p.required}`;
}

/** Today as YYYY-MM-DD in China. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
