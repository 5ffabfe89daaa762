import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { useIndicators } from './hooks';
import type { Indicators } from './types';

/** Key-chain investment share per period against the region's policy target (Jiangmen: ≥ 80%). */
export function IndicatorsCard({ regionCode }: { regionCode: string }) {
  const { t } = useLang();
  const [period, setPeriod] = useState<'year' | 'quarter' | 'month'>('year');
  const { data, isLoading } = useIndicators(regionCode, period);
  return (
    <Card
      title={t('chains.indicators.title')}
      extra={
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as typeof period)}
          options={(['year', 'quarter', 'month'] as const).map((p) => ({
            value: p,
            label: t(`chains.indicators.${p}` as never),
          }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {data?.target
          ? t('chains.indicators.target', { percent: data.target.percent, source: data.target.source })
          : t('chains.indicators.noTarget')}
      </Typography.Paragraph>
      <Table<Indicators['rows'][number]>
        rowKey="period"
        size="small"
        loading={isLoading}
        dataSource={data?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('chains.indicators.period'), dataIndex: 'period' },
          {
            title: t('chains.indicators.projects'),
            align: 'right',
            render: (_, r) => `${r.keyChainProjects} / ${r.projects}`,
          },
          { title: t('chains.indicators.keyChainWan'), align: 'right', render: (_, r) => formatWan(r.keyChainWan) },
          { title: t('chains.indicators.totalWan'), align: 'right', render: (_, r) => formatWan(r.totalWan) },
          {
            title: t('chains.indicators.share'),
            align: 'right',
            render: (_, r) =>
              r.sharePercent === null ? (
                '—'
              ) : (
                <Tag color={r.meetsTarget === false ? 'red' : r.meetsTarget ? 'green' : undefined}>
                  {r.sharePercent}%
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
