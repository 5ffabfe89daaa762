import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Segmented, Select, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../api/useApiError';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { useLang } from '../../i18n';
import { StatusTag } from '../factors/labels';
import { LAND_USES, type LandUse } from '../factors/types';
import { usePublicRegionOptions } from './hooks';
import type { ChosenItem, PublicSupplyItem, PublicSupplyPage, SupplyKind } from './types';

interface Filters {
  kind: SupplyKind;
  region?: string;
  use?: LandUse;
  q?: string;
  page: number;
  pageSize: number;
}

/** 要素资源: the published parcels and buildings, each with a button to enquire about it. */
export function SupplyTab({ onEnquire }: { onEnquire: (item: ChosenItem) => void }) {
  const { t } = useLang();
  const errorText = useErrorText();
  const { options, loading: regionsLoading, nameByCode } = usePublicRegionOptions();
  const [filters, setFilters] = useState<Filters>({ kind: 'parcel', page: 1, pageSize: 20 });
  const parcels = filters.kind === 'parcel';

  const list = useQuery({
    queryKey: ['public', 'supply', filters],
    queryFn: () => api.get<PublicSupplyPage>('/api/public/supply', { ...filters }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<PublicSupplyItem> = [
    { title: t('portal.supply.code'), dataIndex: 'code', width: 150 },
    {
      title: t('portal.supply.name'),
      render: (_, item) => (
        <>
          <div>{item.name}</div>
          {item.address && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.address}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('portal.supply.region'), width: 140, render: (_, item) => nameByCode(item.region) },
    {
      title: parcels ? t('portal.supply.areaMu') : t('portal.supply.floorAreaM2'),
      dataIndex: 'size',
      width: 120,
      align: 'right',
    },
    parcels
      ? {
          title: t('portal.supply.use'),
          width: 110,
          render: (_, item) => (item.use ? t(`factors.use.${item.use}`) : '—'),
        }
      : {
          title: t('portal.supply.buildingKind'),
          width: 110,
          render: (_, item) => (item.buildingKind ? t(`factors.buildingKind.${item.buildingKind}`) : '—'),
        },
    {
      title: parcels ? t('portal.supply.priceParcel') : t('portal.supply.rent'),
      dataIndex: 'price',
      width: 150,
      align: 'right',
      render: (price: string | null) => price ?? t('portal.supply.priceOnRequest'),
    },
    ...(parcels
      ? [
          {
            title: t('portal.supply.readyToBuild'),
            width: 100,
            render: (_: unknown, item: PublicSupplyItem) =>
              item.readyToBuild ? <Tag color="green">{t('portal.supply.readyToBuild')}</Tag> : '—',
          },
        ]
      : []),
    {
      title: t('portal.supply.availableOn'),
      dataIndex: 'availableOn',
      width: 110,
      render: (v: string | null) => v ?? t('factors.now'),
    },
    { title: t('common.status'), width: 90, render: (_, item) => <StatusTag status={item.status} /> },
    {
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_, item) => (
        <Button
          type="primary"
          ghost
          size="small"
          onClick={() =>
            onEnquire({ kind: item.kind, id: item.id, code: item.code, name: item.name, region: item.region })
          }
        >
          {t('portal.supply.enquire')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="zs-toolbar">
        <Segmented<SupplyKind>
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind, use: undefined, page: 1 }))}
          options={[
            { value: 'parcel', label: t('portal.supply.kind.parcel') },
            { value: 'building', label: t('portal.supply.kind.building') },
          ]}
        />
        <TreeSelect
          allowClear
          aria-label={t('portal.supply.region')}
          style={{ width: 220 }}
          placeholder={t('portal.supply.regionPlaceholder')}
          loading={regionsLoading}
          treeData={options}
          value={filters.region}
          onChange={(region?: string) => setFilters((f) => ({ ...f, region, page: 1 }))}
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
        />
        {parcels && (
          <Select<LandUse>
            allowClear
            aria-label={t('portal.supply.use')}
            style={{ width: 140 }}
            placeholder={t('portal.supply.use')}
            value={filters.use}
            onChange={(use) => setFilters((f) => ({ ...f, use, page: 1 }))}
            options={LAND_USES.map((u) => ({ value: u, label: t(`factors.use.${u}`) }))}
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('portal.supply.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
      </div>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} role="alert" />
      )}
      <PagedTable<PublicSupplyItem>
        columns={columns}
        data={list.data}
        loading={list.isFetching}
        page={filters.page}
        pageSize={filters.pageSize}
        onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
      />
    </>
  );
}
