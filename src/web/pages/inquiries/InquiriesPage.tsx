import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Segmented, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { useLang } from '../../i18n';
import { InquiryDrawer } from './InquiryDrawer';
import { InquiryStatusTag } from './labels';
import { INQUIRY_STATUSES, type Inquiry, type InquiryPage, type InquiryStatus } from './types';

interface Filters {
  status?: InquiryStatus;
  q?: string;
  page: number;
  pageSize: number;
}

/** 投资意向: investors' inquiries from the portal that reached the caller's regions, newest first. */
export default function InquiriesPage() {
  const { t, nameOf } = useLang();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['inquiries', 'list', filters],
    queryFn: () => api.get<InquiryPage>('/api/inquiries', { ...filters }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Inquiry> = [
    {
      title: t('inquiries.reference'),
      width: 170,
      render: (_, x) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(x.id)}>
          {x.reference}
        </Button>
      ),
    },
    { title: t('inquiries.company'), dataIndex: 'company', minWidth: 180 },
    { title: t('inquiries.contactName'), dataIndex: 'contactName', width: 100 },
    { title: t('inquiries.phone'), dataIndex: 'phone', width: 130 },
    { title: t('inquiries.region'), width: 120, render: (_, x) => nameOf(x.region) },
    {
      title: t('inquiries.item'),
      minWidth: 160,
      render: (_, x) => (x.item ? `${x.item.code} · ${x.item.name}` : '—'),
    },
    {
      title: t('inquiries.receivedAt'),
      width: 150,
      render: (_, x) => dayjs(x.receivedAt).format('YYYY-MM-DD HH:mm'),
    },
    { title: t('common.status'), width: 90, render: (_, x) => <InquiryStatusTag status={x.status} /> },
  ];

  return (
    <>
      <h2 className="zs-page-title">{t('inquiries.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Segmented<InquiryStatus | 'all'>
            value={filters.status ?? 'all'}
            onChange={(v) => setFilters((f) => ({ ...f, status: v === 'all' ? undefined : v, page: 1 }))}
            options={[
              { value: 'all', label: t('common.all') },
              ...INQUIRY_STATUSES.map((s) => ({ value: s, label: t(`inquiries.status.${s}`) })),
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('inquiries.searchPlaceholder')}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
          />
        </div>
        <PagedTable<Inquiry>
          columns={columns}
          data={list.data}
          loading={list.isFetching}
          page={filters.page}
          pageSize={filters.pageSize}
          onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
          onRow={(x) => ({ onClick: () => setOpenId(x.id), style: { cursor: 'pointer' } })}
          scroll={{ x: true }}
        />
      </Card>
      <InquiryDrawer
        id={openId}
        initial={list.data?.items.find((x) => x.id === openId)}
        onClose={() => setOpenId(null)}
      />
    </>
  );
}
