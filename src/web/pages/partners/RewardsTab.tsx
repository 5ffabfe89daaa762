import { useQuery } from '@tanstack/react-query';
import { Alert, InputNumber, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { useLabel } from '../activities/hooks';
import type { Entitlement } from './types';

/** 奖励清单: first-negotiation units (liaoyuan §三.七) and partners (jiaxing §二(二)9) owed a reward. */
export function RewardsTab() {
  const { t } = useLang();
  const label = useLabel();
  const [year, setYear] = useState<number | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['partners', 'rewards', year],
    queryFn: () => api.get<{ items: Entitlement[] }>('/api/partners/rewards', { year }),
  });
  const columns: TableColumnsType<Entitlement> = [
    {
      title: t('partners.reward.reason'),
      width: 170,
      render: (_, e) => <Tag color={e.reason === 'referral' ? 'blue' : 'gold'}>{label(e.reasonLabel)}</Tag>,
    },
    { title: t('partners.reward.beneficiary'), render: (_, e) => e.beneficiary.name },
    {
      title: t('partners.reward.project'),
      render: (_, e) => (
        <>
          <Link to={`/projects/${e.project.id}`}>{e.project.name}</Link>（{e.project.code}，
          {formatWan(e.project.totalInvestmentWan)}）
        </>
      ),
    },
    { title: t('partners.reward.landedOn'), dataIndex: 'landedOn', width: 110 },
    { title: t('partners.reward.year'), dataIndex: 'rewardYear', width: 90 },
    { title: t('partners.reward.reward'), render: (_, e) => label(e.reward) },
    { title: t('partners.reward.source'), dataIndex: 'source', width: 160 },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('partners.reward.hint')} />
      <Space>
        <span>{t('partners.reward.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v)} placeholder={t('common.all')} />
      </Space>
      <Table<Entitlement>
        rowKey={(e) => `${e.reason}|${e.beneficiary.id}|${e.project.id}`}
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
      />
    </Space>
  );
}
