import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import type { Bilingual, Catalog } from './types';

/** The module's lists and labels, from the server (they live in src/domain). */
export function useCatalog() {
  return useQuery({
    queryKey: ['services', 'catalog'],
    queryFn: () => api.get<Catalog>('/api/services/catalog'),
    staleTime: Infinity,
  });
}

/** A {zh, en} label in the chosen language. */
export function useLabel(): (label: Bilingual | undefined) => string {
  const { lang } = useLang();
  return (label) => (label ? (lang === 'en' ? label.en : label.zh) : '—');
}

/** Today as YYYY-MM-DD in China. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
