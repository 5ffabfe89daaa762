import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { StageTag } from '../projects/StageTag';
import type { ProjectListItem } from '../projects/types';
import type { DrillResult } from './types';

/** The projects behind one dashboard number, each linking to its project page. */
export default function DrillPage() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const query = {
    metric: params.get('metric') ?? 'signed',
    from: params.get('from') ?? 'current',
    to: params.get('to') ?? 'current',
    region: params.get('region') ?? undefined,
  };
  const { data, isFetching } = useQuery({
    queryKey: ['dashboard', 'drill', query, page],
    queryFn: () => api.get<DrillResult>('/api/dashboard/drill', { ...query, page, pageSize: 50 }),
  });
  return (
    <Card
      title={
        <>
          {params.get('label') ?? query.metric}
          <Typography.Text type="secondary" style={{ marginLeft: 12, fontWeight: 'normal' }}>
            {data?.region.name} · {query.from === 'current' ? t('dash.drill.current') : `${query.from} – ${query.to}`} ·{' '}
            {t('dash.drill.total', { n: data?.total ?? 0 })}
          </Typography.Text>
        </>
      }
    >
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('project.code'),
            dataIndex: 'code',
            width: 190,
            render: (c: string, p) => <Link to={`/projects/${p.id}`}>{c}</Link>,
          },
          {
            title: t('project.name'),
            dataIndex: 'name',
            render: (n: string, p) => <Link to={`/projects/${p.id}`}>{n}</Link>,
          },
          {
            title: t('project.stage'),
            dataIndex: 'stage',
            width: 110,
            render: (s: ProjectListItem['stage']) => <StageTag stage={s} />,
          },
          { title: t('project.hostRegion'), width: 160, render: (_, p) => p.hostRegion.name },
          { title: t('dash.drill.month'), dataIndex: 'month', width: 100 },
          {
            title: t('dash.drill.amount'),
            dataIndex: 'amount',
            width: 160,
            align: 'right',
            render: (v: string) => formatWan(v),
          },
        ]}
      />
    </Card>
  );
}
