import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Catalog, Chain, ChainSummary, GapRow, Indicators, Recommendation, Target } from './types';

export function useChains(regionCode: string) {
  return useQuery({
    queryKey: ['chains', 'list', regionCode],
    queryFn: () => api.get<{ items: ChainSummary[] }>('/api/chains', { regionCode }).then((r) => r.items),
  });
}

export function useChain(id: string) {
  return useQuery({ queryKey: ['chains', 'one', id], queryFn: () => api.get<Chain>(`/api/chains/${id}`) });
}

export function useGaps(id: string) {
  return useQuery({
    queryKey: ['chains', 'gaps', id],
    queryFn: () => api.get<{ rows: GapRow[]; uncovered: number }>(`/api/chains/${id}/gaps`),
  });
}

export function useTargets(segmentId: string | null) {
  return useQuery({
    queryKey: ['chains', 'targets', segmentId],
    queryFn: () => api.get<{ items: Target[] }>(`/api/chain-segments/${segmentId}/targets`).then((r) => r.items),
    enabled: Boolean(segmentId),
  });
}

export function useRecommendations(segmentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['chains', 'recommendations', segmentId],
    queryFn: () =>
      api
        .get<{ items: Recommendation[] }>(`/api/chain-segments/${segmentId}/recommendations`, { limit: 20 })
        .then((r) => r.items),
    enabled: Boolean(segmentId) && enabled,
  });
}

export function useCatalogs() {
  return useQuery({
    queryKey: ['catalogs'],
    queryFn: () => api.get<{ items: Catalog[] }>('/api/catalogs').then((r) => r.items),
    staleTime: Infinity,
  });
}

export function useIndicators(regionCode: string, period: string) {
  return useQuery({
    queryKey: ['chains', 'indicators', regionCode, period],
    queryFn: () => api.get<Indicators>('/api/chains/indicators', { regionCode, period }),
  });
}

/** A mutation that refreshes every chain query when it succeeds. */
export function useChainMutation<TVars, TResult = unknown>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['chains'] }),
  });
}
