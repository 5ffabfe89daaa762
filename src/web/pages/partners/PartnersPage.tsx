import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { useLang } from '../../i18n';
import { useLabel } from '../activities/hooks';
import { PartnerDrawer } from './PartnerDrawer';
import { PartnerFormModal } from './PartnerFormModal';
import { RewardsTab } from './RewardsTab';
import { usePartnerCatalog } from './hooks';
import type { Partner, PartnerKind } from './types';

function LibraryTab() {
  const { t } = useLang();
  const label = useLabel();
  const { data: catalog } = usePartnerCatalog();
  const [filters, setFilters] = useState<{ q: string; kind?: PartnerKind; page: number; pageSize: number }>({
    q: '',
    page: 1,
    pageSize: 20,
  });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['partners', 'list', filters],
    queryFn: () => api.get<{ items: Partner[]; total: number }>('/api/partners', { ...filters }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Partner> = [
    { title: t('partners.kind'), width: 150, render: (_, p) => <Tag>{label(p.kindLabel)}</Tag> },
    {
      title: t('partners.name'),
      render: (_, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(p.id)}>
          {p.name}
        </Button>
      ),
    },
    {
      title: t('partners.contact'),
      width: 200,
      render: (_, p) => [p.contactPerson, p.phone].filter(Boolean).join(' ') || '—',
    },
    { title: t('partners.location'), width: 120, render: (_, p) => p.location ?? p.country },
    { title: t('partners.focus'), render: (_, p) => p.focusIndustries.join('、') || '—' },
    {
      title: t('partners.status'),
      width: 90,
      render: (_, p) => <Tag color={p.status === 'active' ? 'green' : 'default'}>{label(p.statusLabel)}</Tag>,
    },
    { title: t('partners.owner'), width: 180, render: (_, p) => p.ownerUnit.name },
    { title: t('partners.referralCount'), width: 80, dataIndex: 'referralCount', align: 'right' },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('partners.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={t('partners.kind')}
          value={filters.kind}
          onChange={(kind?: PartnerKind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
          options={(catalog?.kinds ?? []).map((k) => ({ value: k.value, label: label(k.label) }))}
          style={{ width: 200 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('partners.new')}
        </Button>
      </Space>
      <PagedTable<Partner>
        columns={columns}
        data={data}
        loading={isFetching}
        page={filters.page}
        pageSize={filters.pageSize}
        onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
      />
      <PartnerFormModal editing={editing} onClose={() => setEditing(null)} />
      <PartnerDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={(p) => {
          setOpenId(null);
          setEditing(p);
        }}
      />
    </>
  );
}

const TABS = ['library', 'rewards'] as const;

/** 招商合作伙伴: advisors, chambers, intermediaries and ambassadors; referrals; the rewards landed projects make due. */
export default function PartnersPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'library';
  return (
    <>
      <h2 className="zs-page-title">{t('partners.title')}</h2>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'library', label: t('partners.tab.library'), children: <LibraryTab /> },
          { key: 'rewards', label: t('partners.tab.rewards'), children: <RewardsTab /> },
        ]}
      />
    </>
  );
}
