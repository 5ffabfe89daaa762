import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Catalog } from './types';

export function usePartnerCatalog() {
  return useQuery({
    queryKey: ['partners', 'catalog'],
    queryFn: () => api.get<Catalog>('/api/partners/catalog'),
    staleTime: Infinity,
  });
}
