import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IndustryTree } from '../projects/types';

/** GB/T 4754-2017 sections and divisions; they never change while the app runs. */
export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => api.get<IndustryTree>('/api/industries'),
    staleTime: Infinity,
  });
}
