import { EnvironmentOutlined } from '@ant-design/icons';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { RegionNode } from '../api/types';
import { useRegion, useRegionTree, useTransferTargetTree } from '../app/region';
import { useLang, type Named } from '../i18n';

export interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

/** The region tree as TreeSelect options, in the chosen language. */
export function regionOptions(nodes: RegionNode[], nameOf: (named: Named) => string): RegionOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: nameOf(n),
    children: regionOptions(n.children ?? [], nameOf),
  }));
}

/** Options of the caller's region tree, or (`transferTargets`) of the province a project may be offered within. */
export function useRegionOptions(transferTargets = false): { options: RegionOption[]; loading: boolean } {
  const { nameOf } = useLang();
  const scopeTree = useRegionTree();
  const provinceTree = useTransferTargetTree(transferTargets);
  const { data, isPending } = transferTargets ? provinceTree : scopeTree;
  const options = useMemo(() => regionOptions(data ?? [], nameOf), [data, nameOf]);
  return { options, loading: isPending };
}

/** The header's picker of the region all pages show data for; the server limits the tree to the caller's scope. */
export function RegionPicker() {
  const { t } = useLang();
  const { regionCode, setRegionCode } = useRegion();
  const { options, loading } = useRegionOptions();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <EnvironmentOutlined style={{ color: '#1559b8' }} />
      <span style={{ color: '#6b7280', whiteSpace: 'nowrap' }}>{t('header.region')}</span>
      <TreeSelect
        data-testid="region-picker"
        style={{ width: 220 }}
        value={options.length ? regionCode : undefined}
        placeholder={t('header.regionPlaceholder')}
        loading={loading}
        treeData={options}
        treeDefaultExpandedKeys={[regionCode]}
        onChange={(code: string) => setRegionCode(code)}
        showSearch={{ treeNodeFilterProp: 'title' }}
        popupMatchSelectWidth={false}
      />
    </span>
  );
}
