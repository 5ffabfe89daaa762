import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useErrorText } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { usePublicRegionOptions } from './hooks';
import type { PublicRanking } from './types';

type Row = PublicRanking['rows'][number];

interface Published {
  items: Array<{ id: string; region: { code: string; name: string }; period: string; closedAt: string }>;
}

/** 招商实绩: the public ranking of a closed period (every closed period is published), newest first. */
export function PublicRankingTab() {
  const { t, lang } = useLang();
  const errorText = useErrorText();
  const { nameByCode } = usePublicRegionOptions();
  const published = useQuery({
    queryKey: ['public', 'rankings', 'published'],
    queryFn: () => api.get<Published>('/api/public/rankings/published'),
  });
  const items = useMemo(() => published.data?.items ?? [], [published.data]);
  const [chosen, setChosen] = useState<{ region: string; period: string } | undefined>();
  const region = chosen?.region ?? items[0]?.region.code;
  const period = chosen?.period ?? items[0]?.period;
  const regionChoices = useMemo(() => [...new Map(items.map((i) => [i.region.code, i.region])).values()], [items]);
  const periodChoices = items.filter((i) => i.region.code === region).map((i) => i.period);

  const ranking = useQuery({
    queryKey: ['public', 'ranking', region, period],
    queryFn: () => api.get<PublicRanking>('/api/public/rankings', { region, period }),
    enabled: Boolean(region && period),
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
  const notPublished = ranking.error instanceof ApiError && ranking.error.status === 404;
  const bilingual = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);

  const columns: TableColumnsType<Row> = [
    { title: t('portal.ranking.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
    { title: t('portal.ranking.region'), render: (_, row) => nameByCode(row.region) },
    ...(ranking.data?.indicators ?? []).map((ind) => ({
      title: ind.unit === 'wan' ? `${bilingual(ind.name)}（${t('unit.wan')}）` : bilingual(ind.name),
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={0}>
          <span>{formatWan(row.values[ind.key])}</span>
          {row.completion[ind.key] && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('portal.ranking.completion', { value: row.completion[ind.key]! })}
            </Typography.Text>
          )}
        </Space>
      ),
    })),
    { title: t('portal.ranking.score'), dataIndex: 'score', width: 90, render: (s: string | null) => s ?? '—' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('portal.ranking.region')}
          style={{ width: 220 }}
          value={region}
          placeholder={t('portal.ranking.regionPlaceholder')}
          loading={published.isPending}
          onChange={(code: string) =>
            setChosen({ region: code, period: items.find((i) => i.region.code === code)!.period })
          }
          options={regionChoices.map((r) => ({ value: r.code, label: nameByCode(r) }))}
        />
        <Select
          aria-label={t('portal.ranking.period')}
          style={{ width: 130 }}
          value={period}
          onChange={(p: string) => setChosen({ region: region!, period: p })}
          options={periodChoices.map((p) => ({ value: p, label: p }))}
        />
      </Space>
      {ranking.data && (
        <Typography.Text type="secondary">
          {t('portal.ranking.publishedOn', { date: ranking.data.closedAt.slice(0, 10) })}
        </Typography.Text>
      )}
      {published.isSuccess && items.length === 0 ? (
        <Empty description={t('portal.ranking.noneYet')} />
      ) : notPublished ? (
        <Empty description={t('portal.ranking.notPublished')} />
      ) : ranking.isError ? (
        <Alert type="error" showIcon title={errorText(ranking.error)} role="alert" />
      ) : (
        <Table<Row>
          rowKey={(r) => r.region.code}
          size="middle"
          loading={ranking.isFetching}
          dataSource={ranking.data?.rows ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: true }}
        />
      )}
      {ranking.data && ranking.data.corrections.length > 0 && (
        <Alert
          type="info"
          title={t('portal.ranking.corrections')}
          description={ranking.data.corrections.map((c) => (
            <div key={c.id}>
              {nameByCode({ code: c.regionCode, name: c.regionCode })} ·{' '}
              {bilingual(
                ranking.data.indicators.find((i) => i.key === c.indicator)?.name ?? {
                  zh: c.indicator,
                  en: c.indicator,
                },
              )}
              : {c.correctedValue} ({c.reason})
            </div>
          ))}
        />
      )}
    </Space>
  );
}
