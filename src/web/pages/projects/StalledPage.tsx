import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { useMoney } from './labels';
import { canAssignTaskForce } from './permissions';
import { StageTag } from './StageTag';
import { TaskForceModal } from './TaskForceModal';
import type { ProjectListItem } from './types';

/** 停滞项目: negotiations without substantive progress for longer than the policy allows. */
export default function StalledPage() {
  const { t } = useLang();
  const me = useSignedInUser();
  const money = useMoney();
  const [assigning, setAssigning] = useState<ProjectListItem | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['projects', 'stalled'],
    queryFn: () => api.get<{ items: ProjectListItem[] }>('/api/projects/stalled').then((r) => r.items),
  });
  const columns: TableColumnsType<ProjectListItem> = [
    {
      title: t('project.code'),
      dataIndex: 'code',
      width: 180,
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
      width: 100,
      render: (s: ProjectListItem['stage']) => <StageTag stage={s} />,
    },
    {
      title: t('project.totalInvestment'),
      dataIndex: 'totalInvestmentWan',
      width: 150,
      align: 'right',
      render: (v: string | null) => money(v),
    },
    { title: t('project.firstUnit'), width: 200, render: (_, p) => p.firstUnit?.name ?? '—' },
    {
      title: t('project.lastSubstantiveProgressOn'),
      dataIndex: 'lastSubstantiveProgressOn',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('stalled.since'),
      dataIndex: 'stalledSince',
      width: 120,
      render: (v: string | null) => <Typography.Text type="danger">{v ?? '—'}</Typography.Text>,
    },
  ];
  if (canAssignTaskForce(me.role)) {
    columns.push({
      title: t('common.actions'),
      width: 130,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => setAssigning(p)}>
          {t('taskForce.assign')}
        </Button>
      ),
    });
  }
  return (
    <>
      <h2 className="zs-page-title">{t('stalled.title')}</h2>
      <Card>
        <Typography.Paragraph type="secondary">{t('stalled.hint')}</Typography.Paragraph>
        <Table<ProjectListItem> rowKey="id" size="middle" columns={columns} dataSource={data} loading={isFetching} />
      </Card>
      <TaskForceModal project={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
