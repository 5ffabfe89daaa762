import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { UNIT_KINDS, type Page, type Unit, type UnitKind } from '../../api/types';
import { findRegion, useRegion, useRegionName, useRegionTree } from '../../app/region';
import { useLang } from '../../i18n';
import { UnitFormModal } from './UnitFormModal';

interface Filters {
  q: string;
  kind?: UnitKind;
  page: number;
  pageSize: number;
}

export default function UnitsPage() {
  const { t, lang, nameOf } = useLang();
  const regionName = useRegionName();
  const { regionCode } = useRegion();
  const { data: tree } = useRegionTree();
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const { data, isFetching } = useQuery({
    queryKey: ['units', 'list', regionCode, filters],
    queryFn: () => api.get<Page<Unit>>('/api/units', { regionCode, ...filters }),
    placeholderData: keepPreviousData,
  });

  const region = findRegion(tree, regionCode);
  const regionLabel = region ? nameOf(region) : regionCode;

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (_, unit) => nameOf(unit),
    },
    {
      title: lang === 'en' ? t('units.nameZh') : t('units.nameEn'),
      render: (_, unit) => (lang === 'en' ? unit.name : unit.nameEn),
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: UnitKind) => t(`unitKind.${kind}`),
    },
    {
      title: t('units.region'),
      dataIndex: 'regionName',
      width: 140,
      render: (name: string, unit) => regionName({ code: unit.regionCode, name }),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_, unit) => (
        <Button type="link" size="small" onClick={() => setEditing(unit)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <h2 className="zs-page-title">{t('units.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('units.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim(), page: 1 }))}
            enterButton={t('common.search')}
          />
          <Select<UnitKind>
            allowClear
            style={{ width: 200 }}
            placeholder={t('units.kind')}
            value={filters.kind}
            onChange={(kind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
          <Typography.Text type="secondary">{t('units.scopeHint', { region: regionLabel })}</Typography.Text>
          <div style={{ flex: 1 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('units.create')}
          </Button>
        </div>
        <Table<Unit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      <UnitFormModal
        unit={editing === 'new' ? null : editing}
        open={editing !== null}
        defaultRegionCode={regionCode}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
