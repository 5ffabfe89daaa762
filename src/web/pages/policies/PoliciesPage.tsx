import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { useLang, type MessageKey, type Translate } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';

interface ResolvedParam {
  value: unknown;
  source: string;
  packId: string | null;
  regionCode: string | null;
}

interface Effective {
  region: string;
  date: string;
  params: Record<string, ResolvedParam>;
}

interface PackSummary {
  id: string;
  name: { zh: string; en: string };
  document: string;
  regionCode: string;
  validFrom: string;
  validTo: string | null;
}

/** The parameters the page knows labels for, in the order it shows them. */
const PARAMS = [
  'reportDueDay',
  'stalledMonths',
  'firstReport',
  'transferCredit',
  'preSigningFiling',
  'escalationThresholdWan',
  'provincialSignedReportThresholdWan',
  'majorProjectThreshold',
  'targetGrowth',
  'excellentMinCompletion',
  'keyChainShareTarget',
  'priorityZoneShare',
  'landLists',
  'delayShortensSupport',
  'toleranceExemption',
] as const;
type ParamKey = (typeof PARAMS)[number];

const PART_KEYS = [
  'totalInvestmentWan',
  'foreignInvestmentUsdWan',
  'exclusivityMonths',
  'days',
  'thresholdWan',
  'required',
  'dispatched',
  'contiguousMu',
  'reserveMu',
] as const;

const SHARE_PARAMS = new Set(['excellentMinCompletion', 'keyChainShareTarget', 'priorityZoneShare']);

/** A parameter's value in words: units, percentages, yes/no, and the parts of compound values. */
function describe(key: string, value: unknown, t: Translate): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && SHARE_PARAMS.has(key)) return `${Math.round(value * 1000) / 10}%`;
  if (key === 'reportDueDay') return t('policy.value.day', { day: String(value) });
  if (key === 'stalledMonths') return t('policy.value.months', { months: String(value) });
  if (key === 'transferCredit' && typeof value === 'string') return t(`policy.transferCredit.${value as 'equal'}`);
  if (key.endsWith('Wan') && typeof value === 'string') return `${value} ${t('unit.wan')}`;
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>)
      .map(([part, v]) => {
        const label = (PART_KEYS as readonly string[]).includes(part) ? t(`policy.part.${part as 'days'}`) : part;
        const shown = key === 'targetGrowth' && typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : String(v);
        return `${label}：${shown}`;
      })
      .join('；');
  }
  return String(value);
}

/** 政策: which rule applies where and when, each with the clause it comes from. */
export default function PoliciesPage() {
  const { t, lang } = useLang();
  const { regionCode } = useRegion();
  const { options } = useRegionOptions();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const chosen = region ?? regionCode;
  const { data, isFetching } = useQuery({
    queryKey: ['policies', 'effective', chosen, date.format('YYYY-MM-DD')],
    queryFn: () => api.get<Effective>('/api/policies/effective', { region: chosen, date: date.format('YYYY-MM-DD') }),
  });
  const { data: packs } = useQuery({
    queryKey: ['policies', 'packs'],
    queryFn: () => api.get<{ items: PackSummary[] }>('/api/policies').then((r) => r.items),
    staleTime: 30 * 60_000,
  });
  const packName = (id: string | null) => {
    if (!id) return <Tag>{t('policy.platformDefault')}</Tag>;
    const pack = packs?.find((p) => p.id === id);
    if (!pack) return id;
    return (
      <>
        {lang === 'en' ? pack.name.en : pack.name.zh}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pack.document}
          </Typography.Text>
        </div>
      </>
    );
  };
  const rows = Object.entries(data?.params ?? {})
    .map(([key, p]) => ({ key, ...p }))
    .sort((a, b) => PARAMS.indexOf(a.key as ParamKey) - PARAMS.indexOf(b.key as ParamKey));

  return (
    <>
      <h2 className="zs-page-title">{t('policy.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Space>
            <span>{t('policy.region')}</span>
            <TreeSelect
              style={{ width: 240 }}
              value={options.length ? chosen : undefined}
              treeData={options}
              treeDefaultExpandedKeys={[chosen]}
              onChange={(code: string) => setRegion(code)}
              showSearch={{ treeNodeFilterProp: 'title' }}
              popupMatchSelectWidth={false}
              aria-label={t('policy.region')}
            />
          </Space>
          <Space>
            <span>{t('policy.date')}</span>
            <DatePicker
              allowClear={false}
              value={date}
              onChange={(d) => d && setDate(d)}
              aria-label={t('policy.date')}
            />
          </Space>
        </div>
        <Typography.Paragraph type="secondary">{t('policy.hint')}</Typography.Paragraph>
        <Table
          rowKey="key"
          size="middle"
          loading={isFetching}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('policy.parameter'),
              dataIndex: 'key',
              width: 280,
              render: (key: string) =>
                (PARAMS as readonly string[]).includes(key) ? t(`policy.param.${key as ParamKey}` as MessageKey) : key,
            },
            { title: t('policy.value'), render: (_, row) => describe(row.key, row.value, t) },
            { title: t('policy.source'), dataIndex: 'source', width: 220 },
            { title: t('policy.pack'), dataIndex: 'packId', width: 280, render: (id: string | null) => packName(id) },
          ]}
        />
      </Card>
    </>
  );
}
