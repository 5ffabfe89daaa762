import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import type { Check, CheckItem, CheckSummary, Quality } from './types';

const RESULT_COLORS = { confirmed: 'green', corrected: 'orange', false: 'red' } as const;

/** 抽样核查 (gansu §(十四)): draw samples per unit, record findings, data quality per unit. */
export function SamplingTab() {
  const { t } = useLang();
  const me = useSignedInUser();
  const { regionCode } = useRegion();
  const client = useQueryClient();
  const showError = useShowError();
  const [year, setYear] = useState(new Date().getFullYear());
  const [perUnit, setPerUnit] = useState(3);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const manage = mayDo(me, 'assessment.manage');
  const verify = mayDo(me, 'sampling.verify');
  const checks = useQuery({
    queryKey: ['assessment', 'sampling'],
    queryFn: () => api.get<{ items: CheckSummary[] }>('/api/assessment/sampling').then((r) => r.items),
  });
  const quality = useQuery({
    queryKey: ['assessment', 'quality', regionCode, year],
    queryFn: () => api.get<Quality>('/api/assessment/data-quality', { region: regionCode, year }),
  });
  const check = useQuery({
    queryKey: ['assessment', 'sampling', openId],
    queryFn: () => api.get<Check>(`/api/assessment/sampling/${openId}`),
    enabled: openId !== null,
  });
  const create = useMutation({
    mutationFn: () => api.post<Check>('/api/assessment/sampling', { regionCode, year, perUnit }),
    onSuccess: (c) => {
      setOpenId(c.id);
      void client.invalidateQueries({ queryKey: ['assessment'] });
    },
    onError: showError,
  });
  const finding = useMutation({
    mutationFn: ({ item, result }: { item: CheckItem; result: 'confirmed' | 'corrected' | 'false' }) =>
      api.post<Check>(`/api/assessment/sampling/items/${item.id}/finding`, {
        result,
        note: notes[item.id] || undefined,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['assessment'] }),
    onError: showError,
  });
  const pct = (v: string | null) => (v === null ? '—' : `${v}%`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('dash.year')}
          options={[-2, -1, 0].map((d) => new Date().getFullYear() + d).map((y) => ({ value: y, label: `${y}` }))}
        />
        {manage && (
          <>
            <InputNumber
              min={1}
              max={50}
              value={perUnit}
              onChange={(v) => setPerUnit(v ?? 1)}
              addonBefore={t('assess.sampling.perUnit')}
            />
            <Button type="primary" onClick={() => create.mutate()} loading={create.isPending}>
              {t('assess.sampling.create')}
            </Button>
          </>
        )}
      </Space>
      <Typography.Title level={5}>{t('assess.quality')}</Typography.Title>
      <Table
        rowKey={(u) => u.unit.id}
        size="small"
        loading={quality.isFetching}
        dataSource={quality.data?.units ?? []}
        pagination={false}
        columns={[
          { title: t('assess.sampling.unit'), render: (_, u) => u.unit.name },
          { title: t('assess.quality.projects'), dataIndex: 'projects', align: 'right' },
          { title: t('assess.quality.completeness'), dataIndex: 'completenessPercent', align: 'right', render: pct },
          { title: t('assess.quality.timeliness'), dataIndex: 'timelinessPercent', align: 'right', render: pct },
          { title: t('assess.quality.verified'), dataIndex: 'verifiedPercent', align: 'right', render: pct },
          {
            title: t('assess.quality.false'),
            render: (_, u) =>
              u.flagged ? (
                <Tag color="red">
                  {t('assess.falseData')} × {u.falseCount}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('assess.sampling.checks')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={checks.isFetching}
        dataSource={checks.data ?? []}
        columns={[
          { title: t('assess.region'), render: (_, c) => c.region.name },
          { title: t('dash.year'), dataIndex: 'year' },
          { title: t('assess.sampling.progress'), render: (_, c) => `${c.verified} / ${c.items}` },
          {
            title: '',
            render: (_, c) => (
              <Button size="small" onClick={() => setOpenId(c.id)}>
                {t('assess.sampling.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} width={820} title={t('assess.sampling.check')}>
        <Table
          rowKey="id"
          size="small"
          loading={check.isFetching}
          dataSource={check.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('assess.sampling.unit'), render: (_, i) => i.unit.name },
            {
              title: t('project.name'),
              render: (_, i) => <Link to={`/projects/${i.project.id}`}>{i.project.name}</Link>,
            },
            {
              title: t('assess.sampling.result'),
              render: (_, i) =>
                i.result ? <Tag color={RESULT_COLORS[i.result]}>{t(`assess.result.${i.result}`)}</Tag> : '—',
            },
            {
              title: t('assess.note'),
              render: (_, i) =>
                verify ? (
                  <Input
                    size="small"
                    defaultValue={i.note ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [i.id]: e.target.value }))}
                  />
                ) : (
                  i.note
                ),
            },
            ...(verify
              ? [
                  {
                    title: '',
                    width: 230,
                    render: (_: unknown, i: CheckItem) => (
                      <Space size={4}>
                        {(['confirmed', 'corrected', 'false'] as const).map((r) => (
                          <Button
                            key={r}
                            size="small"
                            danger={r === 'false'}
                            onClick={() => finding.mutate({ item: i, result: r })}
                          >
                            {t(`assess.result.${r}`)}
                          </Button>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Drawer>
    </Space>
  );
}
