import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { RegionNode } from '../../api/types';
import { regionNameIn } from '../../app/region';
import { useLang } from '../../i18n';
import { regionOptions, type RegionOption } from '../../layout/RegionPicker';

/** The whole region tree, public: the portal lets an investor look anywhere. */
export function usePublicRegions() {
  return useQuery({
    queryKey: ['public', 'regions'],
    queryFn: () => api.get<RegionNode[]>('/api/public/regions'),
    staleTime: 30 * 60_000,
  });
}

/** The public region tree as TreeSelect options in the chosen language, and a name lookup by code. */
export function usePublicRegionOptions(): {
  options: RegionOption[];
  loading: boolean;
  nameByCode: (region: { code: string; name: string }) => string;
} {
  const { nameOf } = useLang();
  const { data, isPending } = usePublicRegions();
  return useMemo(
    () => ({
      options: regionOptions(data ?? [], nameOf),
      loading: isPending,
      nameByCode: (region) => regionNameIn(data, region, nameOf),
    }),
    [data, isPending, nameOf],
  );
}
