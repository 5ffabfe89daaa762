import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Project, SavedView } from './types';

export const projectKey = (id: string) => ['projects', 'one', id] as const;

export function useProject(id: string) {
  return useQuery({ queryKey: projectKey(id), queryFn: () => api.get<Project>(`/api/projects/${id}`) });
}

export function useSavedViews() {
  return useQuery({
    queryKey: ['projects', 'views'],
    queryFn: () => api.get<{ items: SavedView[] }>('/api/projects/views').then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}
