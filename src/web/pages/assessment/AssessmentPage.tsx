import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, List, Table, Tabs, Tag } from 'antd';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import { RankingTab } from './RankingTab';
import { SamplingTab } from './SamplingTab';
import { TargetsTab } from './TargetsTab';
import type { Indicator, Scheme } from './types';

/** 目标考核: rankings by period, targets, schemes, indicator definitions, sampling checks. */
export default function AssessmentPage() {
  const { t, lang } = useLang();
  const name = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  const indicators = useQuery({
    queryKey: ['assessment', 'indicators'],
    queryFn: () => api.get<{ items: Indicator[] }>('/api/assessment/indicators').then((r) => r.items),
  });
  const schemes = useQuery({
    queryKey: ['assessment', 'schemes'],
    queryFn: () => api.get<{ items: Scheme[] }>('/api/assessment/schemes').then((r) => r.items),
  });
  const nameOf = (key: string) => {
    const ind = indicators.data?.find((i) => i.key === key);
    return ind ? name(ind.name) : key;
  };
  return (
    <Card title={t('menu.assessment')}>
      <Tabs
        items={[
          { key: 'ranking', label: t('assess.tab.ranking'), children: <RankingTab /> },
          {
            key: 'targets',
            label: t('assess.tab.targets'),
            children: <TargetsTab indicators={indicators.data ?? []} />,
          },
          {
            key: 'schemes',
            label: t('assess.tab.schemes'),
            children: (
              <List
                dataSource={schemes.data ?? []}
                renderItem={(s) => (
                  <List.Item>
                    <Descriptions title={`${s.region.name} · ${name(s.name)}`} size="small" column={1}>
                      <Descriptions.Item label={t('assess.scheme.indicators')}>
                        {s.rules.indicators.map((i) => (
                          <Tag key={i.key} color={i.key === s.rules.mainIndicator ? 'blue' : undefined}>
                            {nameOf(i.key)} {i.weight}
                          </Tag>
                        ))}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('assess.scheme.rules')}>
                        {t('assess.scheme.rulesText', {
                          cap: s.rules.completionCapPercent,
                          excellent: s.rules.ratingBands.excellent,
                          min:
                            s.rules.excellentMinCompletion === null ? '—' : `${s.rules.excellentMinCompletion * 100}%`,
                          years: s.rules.reminderAfterYears ?? '—',
                        })}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('assess.scheme.source')}>
                        {s.rules.source} · {s.validFrom}–{s.validTo ?? ''}
                      </Descriptions.Item>
                    </Descriptions>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'indicators',
            label: t('assess.tab.indicators'),
            children: (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={indicators.data ?? []}
                columns={[
                  { title: t('assess.indicator'), render: (_, i) => name(i.name) },
                  { title: 'v', dataIndex: 'version', width: 50 },
                  { title: t('assess.definition'), render: (_, i) => name(i.definition) },
                ]}
              />
            ),
          },
          { key: 'sampling', label: t('assess.tab.sampling'), children: <SamplingTab /> },
        ]}
      />
    </Card>
  );
}
