import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { EnterpriseTags } from './EnterpriseTags';
import { ENTERPRISE_TAGS, type Enterprise, type EnterpriseTag } from './types';

interface Filters {
  q: string;
  tag?: EnterpriseTag;
  sort: string;
  page: number;
  pageSize: number;
}

const SORTS: Record<string, [asc: string, desc: string]> = {
  name: ['name', '-name'],
  registeredCapitalWan: ['registeredCapital', '-registeredCapital'],
  updatedAt: ['updatedAt', '-updatedAt'],
};

export default function EnterprisesPage() {
  const { t, lang } = useLang();
  const [filters, setFilters] = useState<Filters>({ q: '', sort: '-updatedAt', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);

  const { data, isFetching } = useQuery({
    queryKey: ['enterprises', 'list', filters],
    queryFn: () => api.get<Page<Enterprise>>('/api/enterprises', { ...filters }),
    placeholderData: keepPreviousData,
  });

  const sortOrder = (key: string) => {
    const pair = SORTS[key];
    if (!pair) return null;
    return filters.sort === pair[0] ? ('ascend' as const) : filters.sort === pair[1] ? ('descend' as const) : null;
  };

  const columns: TableColumnsType<Enterprise> = [
    { title: t('enterprises.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name') },
    {
      title: t('enterprises.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (code: string | null) => <span style={{ fontFamily: 'monospace' }}>{code ?? '—'}</span>,
    },
    {
      title: t('enterprises.industry'),
      width: 200,
      render: (_, e) => {
        const ind = e.industryDivision ?? e.industrySection;
        return ind ? `${ind.code} ${lang === 'en' ? ind.en : ind.zh}` : '—';
      },
    },
    {
      title: t('enterprises.capital'),
      dataIndex: 'registeredCapitalWan',
      key: 'registeredCapitalWan',
      width: 150,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('registeredCapitalWan'),
      render: (v: string | null) => formatWan(v),
    },
    {
      title: t('enterprises.hq'),
      width: 140,
      render: (_, e) => e.hqRegion?.name ?? (lang === 'en' ? e.hqCountry.en : e.hqCountry.zh),
    },
    {
      title: t('enterprises.tags'),
      dataIndex: 'tags',
      render: (tags: EnterpriseTag[]) => <EnterpriseTags tags={tags} />,
    },
    {
      title: t('enterprises.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <h2 className="zs-page-title">{t('enterprises.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t('enterprises.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim(), page: 1 }))}
            enterButton={t('common.search')}
          />
          <Select<EnterpriseTag>
            allowClear
            style={{ width: 200 }}
            placeholder={t('enterprises.tagFilter')}
            value={filters.tag}
            onChange={(tag) => setFilters((f) => ({ ...f, tag, page: 1 }))}
            options={ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: t(`enterpriseTag.${tag}`) }))}
          />
          <Typography.Text type="secondary">{t('enterprises.searchHint')}</Typography.Text>
          <div style={{ flex: 1 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('enterprises.create')}
          </Button>
        </div>
        <Table<Enterprise>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={(_, __, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const pair = one?.columnKey ? SORTS[String(one.columnKey)] : undefined;
            const sort = pair && one?.order ? (one.order === 'ascend' ? pair[0] : pair[1]) : '-updatedAt';
            setFilters((f) => (f.sort === sort ? f : { ...f, sort, page: 1 }));
          }}
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
      <EnterpriseFormModal
        enterprise={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
