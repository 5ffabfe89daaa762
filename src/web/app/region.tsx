import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { Page, RegionNode } from '../api/types';
import { useLang, type Named } from '../i18n';
import { useSignedInUser } from './auth';

export function useRegionTree() {
  return useQuery({
    queryKey: ['regions', 'tree'],
    queryFn: () => api.get<Pick<Page<RegionNode>, 'items'>>('/api/regions').then((r) => r.items),
    staleTime: 30 * 60_000,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

/** The regions of the caller's province, where a project may be offered (省内流转). */
export function useTransferTargetTree(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['regions', 'transfer-targets'],
    queryFn: () => api.get<Pick<Page<RegionNode>, 'items'>>('/api/regions/transfer-targets').then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

/** A region's name in the chosen language (the API sends Chinese names; the tree knows the English ones). */
export function useRegionName(): (region: { code: string; name: string } | null | undefined) => string {
  const { nameOf } = useLang();
  const { data: tree } = useRegionTree();
  return useCallback((region) => (region ? regionNameIn(tree, region, nameOf) : '—'), [nameOf, tree]);
}

/** A region's name in the chosen language, from the tree that knows its English name; else the name given. */
export function regionNameIn(
  tree: RegionNode[] | undefined,
  region: { code: string; name: string },
  nameOf: (named: Named) => string,
): string {
  const node = findRegion(tree, region.code);
  return node ? nameOf(node) : region.name;
}

/** Finds a region in the tree by code. */
export function findRegion(nodes: RegionNode[] | undefined, code: string): RegionNode | undefined {
  for (const node of nodes ?? []) {
    if (node.code === code) return node;
    const inChild = findRegion(node.children, code);
    if (inChild) return inChild;
  }
  return undefined;
}

interface RegionContextValue {
  /** The region the pages show data for: the caller's own region or one below it. */
  regionCode: string;
  setRegionCode: (code: string) => void;
}

const RegionContext = createContext<RegionContextValue | null>(null);

export function RegionProvider({ children }: { children: ReactNode }) {
  const me = useSignedInUser();
  const [chosen, setRegionCode] = useState<string | null>(null);
  const value = useMemo(() => ({ regionCode: chosen ?? me.region.code, setRegionCode }), [chosen, me.region.code]);
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

/** The region chosen in the header's region picker. */
export function useRegion(): RegionContextValue {
  const value = useContext(RegionContext);
  if (!value) throw new Error('useRegion must be used inside <RegionProvider>');
  return value;
}
