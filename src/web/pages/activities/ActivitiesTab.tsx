import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { PagedTable } from '../../components/PagedTable';
import { useLang } from '../../i18n';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityFormModal } from './ActivityFormModal';
import { useActivityCatalog, useLabel } from './hooks';
import type { Activity, ActivityKind } from './types';

interface Filters {
  q: string;
  kind?: ActivityKind;
  trips?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export function ActivitiesTab() {
  const { t } = useLang();
  const label = useLabel();
  const { regionCode } = useRegion();
  const { data: catalog } = useActivityCatalog();
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['activities', 'list', regionCode, filters],
    queryFn: () => api.get<{ items: Activity[]; total: number }>('/api/activities', { ...filters, region: regionCode }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Activity> = [
    {
      title: t('act.kind'),
      width: 120,
      render: (_, a) => (
        <Tag color={a.kind === 'trip' ? 'blue' : a.online ? 'purple' : 'gold'}>{label(a.kindLabel)}</Tag>
      ),
    },
    {
      title: t('act.titleField'),
      render: (_, a) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(a.id)}>
          {a.title}
        </Button>
      ),
    },
    {
      title: t('act.dates'),
      width: 200,
      render: (_, a) => (a.startDate === a.endDate ? a.startDate : `${a.startDate} ~ ${a.endDate}`),
    },
    { title: t('act.destination'), width: 140, render: (_, a) => a.destination ?? t('act.online') },
    { title: t('act.leader'), width: 110, render: (_, a) => a.leaderName ?? '—' },
    { title: t('act.unit'), width: 180, render: (_, a) => a.organisingUnit.name },
    {
      title: t('act.results'),
      width: 150,
      render: (_, a) => t('act.resultSummary', { leads: a.results.leads, projects: a.results.projects }),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('act.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={t('act.kind')}
          value={filters.kind}
          onChange={(kind?: ActivityKind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
          options={(catalog?.kinds ?? []).map((k) => ({ value: k.value, label: label(k.label) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('common.all')}
          value={filters.trips}
          onChange={(trips?: 'true' | 'false') => setFilters((f) => ({ ...f, trips, page: 1 }))}
          options={[
            { value: 'true', label: t('act.filter.trips') },
            { value: 'false', label: t('act.filter.others') },
          ]}
          style={{ width: 160 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('act.new')}
        </Button>
      </Space>
      <PagedTable<Activity>
        columns={columns}
        data={data}
        loading={isFetching}
        page={filters.page}
        pageSize={filters.pageSize}
        onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
      />
      <ActivityFormModal editing={editing} onClose={() => setEditing(null)} />
      <ActivityDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={(a) => {
          setOpenId(null);
          setEditing(a);
        }}
      />
    </>
  );
}
