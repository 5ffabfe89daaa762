import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Empty,
  InputNumber,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { chinaToday, progressText } from './hooks';
import type { Progress, ProjectRef, Quotas } from './types';

type LeaderRow = Quotas['leaders'][number];
type LocalityRow = Quotas['localities'][number];

function ProgressCell({ p, projects }: { p: Progress; projects?: ProjectRef[] }) {
  const text = progressText(p);
  const tag = p.met === null ? <span>{text}</span> : <Tag color={p.met ? 'green' : 'orange'}>{text}</Tag>;
  if (!projects?.length) return tag;
  return (
    <Tooltip
      title={projects.map((x) => (
        <div key={x.id}>
          <Link to={`/projects/${x.id}`}>{x.name}</Link>（{x.code}）
        </div>
      ))}
    >
      {tag}
    </Tooltip>
  );
}

/** 任务进度: each leader's yearly quotas (liaoyuan §二), people sent (jiaxing §二(三)11), teams out (jiangmen §(九)). */
export function QuotasTab() {
  const { t } = useLang();
  const { regionCode } = useRegion();
  const [year, setYear] = useState(() => Number(chinaToday().slice(0, 4)));
  const { data, isFetching } = useQuery({
    queryKey: ['activities', 'quotas', regionCode, year],
    queryFn: () => api.get<Quotas>('/api/activities/quotas', { region: regionCode, year }),
  });

  const leaderColumns: TableColumnsType<LeaderRow> = [
    { title: t('act.quota.leader'), dataIndex: 'leaderName' },
    { title: t('act.quota.region'), render: (_, r) => r.region.name },
    { title: t('act.quota.trips'), render: (_, r) => <ProgressCell p={r.trips} /> },
    {
      title: t('act.quota.signed'),
      render: (_, r) => (
        <Space size={4}>
          <ProgressCell p={r.signed} projects={r.signed.projects} />
          {r.signed.minWan && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('act.quota.signedHint', { min: r.signed.minWan })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('act.quota.landed'), render: (_, r) => <ProgressCell p={r.landed} projects={r.landed.projects} /> },
    { title: t('act.quota.source'), render: (_, r) => r.source ?? t('act.quota.noRule') },
  ];
  const localityColumns: TableColumnsType<LocalityRow> = [
    { title: t('act.quota.region'), render: (_, r) => r.region.name },
    {
      title: t('act.quota.people'),
      render: (_, r) => (
        <Tooltip title={r.peopleSent.people.join('、') || undefined}>
          <span>
            <ProgressCell p={r.peopleSent} />
          </span>
        </Tooltip>
      ),
    },
    { title: t('act.quota.cities'), render: (_, r) => r.cities.join('、') },
    { title: t('act.quota.source'), dataIndex: 'source' },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space>
        <span>{t('act.year')}</span>
        <InputNumber aria-label={t('act.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <Card title={t('act.quota.leaders')} size="small">
        <Table<LeaderRow>
          data-testid="leader-quotas"
          rowKey={(r) => `${r.region.code}|${r.leaderName}`}
          size="middle"
          loading={isFetching}
          columns={leaderColumns}
          dataSource={data?.leaders ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('act.quota.empty')} /> }}
        />
      </Card>
      {data && data.localities.length > 0 && (
        <Card title={t('act.quota.localities')} size="small">
          <Table<LocalityRow>
            rowKey={(r) => r.region.code}
            size="middle"
            columns={localityColumns}
            dataSource={data.localities}
            pagination={false}
          />
        </Card>
      )}
      {data && (
        <Card title={t('act.quota.teams')} size="small">
          <Statistic
            value={progressText(data.stationedTeams)}
            suffix={
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('act.quota.teamsOn', { date: data.stationedTeams.date })}
                {data.stationedTeams.source ? ` · ${data.stationedTeams.source}` : ''}
              </Typography.Text>
            }
          />
        </Card>
      )}
    </Space>
  );
}
