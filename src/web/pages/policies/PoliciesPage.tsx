import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { useIndustries } from '../enterprises/hooks';
import { industryLabel } from '../projects/labels';
import { describeParam, PARAM_ORDER, paramLabel, type DescribeContext } from './params';

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
  const { data: industries } = useIndustries();
  const context: DescribeContext = { t, section: (code) => industryLabel(industries, code, lang) };
  // Known parameters in their order, then any the page does not know yet.
  const position = (key: string) => {
    const i = (PARAM_ORDER as string[]).indexOf(key);
    return i < 0 ? PARAM_ORDER.length : i;
  };
  const rows = Object.entries(data?.params ?? {})
    .map(([key, p]) => ({ key, ...p }))
    .sort((a, b) => position(a.key) - position(b.key));

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
              render: (key: string) => paramLabel(key, t),
            },
            {
              title: t('policy.value'),
              render: (_, row) =>
                describeParam(row.key, row.value, context).map((text, i) => <div key={i}>{text}</div>),
            },
            { title: t('policy.source'), dataIndex: 'source', width: 220 },
            { title: t('policy.pack'), dataIndex: 'packId', width: 280, render: (id: string | null) => packName(id) },
          ]}
        />
      </Card>
    </>
  );
}
