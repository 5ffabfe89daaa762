import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import type { Ranking, RankingRow } from './types';

const RATING_COLORS = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' } as const;

/** Periods offered: this year's and last year's months, quarters, halves and years. */
function periods(): string[] {
  const y = new Date().getFullYear();
  const out: string[] = [];
  for (const year of [y, y - 1, y - 2]) {
    out.push(`${year}`, `${year}-H2`, `${year}-H1`, `${year}-Q4`, `${year}-Q3`, `${year}-Q2`, `${year}-Q1`);
    for (let m = 12; m >= 1; m--) out.push(`${year}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Results and ranking by period; close a period, record corrections, download bulletins. */
export function RankingTab() {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const { regionCode } = useRegion();
  const client = useQueryClient();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [period, setPeriod] = useState(`${new Date().getFullYear()}-Q${Math.ceil((new Date().getMonth() + 1) / 3)}`);
  const [correcting, setCorrecting] = useState(false);
  const [form] = Form.useForm();
  const manage = mayDo(me, 'assessment.manage');
  const { data, isFetching } = useQuery({
    queryKey: ['assessment', 'ranking', regionCode, period],
    queryFn: () => api.get<Ranking>('/api/assessment/rankings', { region: regionCode, period }),
  });
  const close = useMutation({
    mutationFn: () => api.post<Ranking>('/api/assessment/snapshots', { regionCode, period }),
    onSuccess: () => {
      message.success(t('assess.closed'));
      void client.invalidateQueries({ queryKey: ['assessment'] });
    },
    onError: showError,
  });
  const correct = useMutation({
    mutationFn: (body: Record<string, string>) =>
      api.post<Ranking>(`/api/assessment/snapshots/${data!.snapshotId}/corrections`, body),
    onSuccess: () => {
      setCorrecting(false);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['assessment', 'ranking'] });
    },
    onError: showError,
  });
  const name = (b: { zh: string; en: string }) => (lang === 'en' ? b.en : b.zh);
  const file = (format: 'docx' | 'xlsx', audience: 'internal' | 'public') =>
    `/api/assessment/bulletin?region=${regionCode}&period=${period}&format=${format}&audience=${audience}`;

  const columns = [
    { title: t('assess.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
    { title: t('assess.region'), render: (_: unknown, r: RankingRow) => r.region.name },
    ...(data?.indicators ?? []).map((ind) => ({
      title: name(ind.name),
      render: (_: unknown, r: RankingRow) => {
        const c = data!.corrections.filter((x) => x.regionCode === r.region.code && x.indicator === ind.key).at(-1);
        return (
          <Space direction="vertical" size={0}>
            <span>
              {formatWan(r.values[ind.key])}
              {c && (
                <Tooltip title={c.reason}>
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    {t('assess.correctedTo', { value: c.correctedValue })}
                  </Tag>
                </Tooltip>
              )}
            </span>
            <Typography.Text type="secondary">
              {r.targets[ind.key]
                ? `${t('assess.target')} ${formatWan(r.targets[ind.key])} · ${r.completion[ind.key] ?? '—'}%`
                : t('assess.noTarget')}
            </Typography.Text>
          </Space>
        );
      },
    })),
    { title: t('assess.score'), dataIndex: 'score', width: 90, render: (s: string | null) => s ?? '—' },
    {
      title: t('assess.rating'),
      width: 220,
      render: (_: unknown, r: RankingRow) => (
        <Space direction="vertical" size={0}>
          {r.rating && <Tag color={RATING_COLORS[r.rating]}>{t(`assess.rating.${r.rating}`)}</Tag>}
          {r.capped && <Typography.Text type="warning">{name(r.capped)}</Typography.Text>}
          {r.falseData && <Tag color="red">{t('assess.falseData')}</Tag>}
          {r.reminder && <Typography.Text type="danger">{name(r.reminder)}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          showSearch
          value={period}
          onChange={setPeriod}
          style={{ width: 140 }}
          aria-label={t('assess.period')}
          options={periods().map((p) => ({ value: p, label: p }))}
        />
        {data && (
          <Tag color={data.status === 'closed' ? 'green' : 'default'}>
            {data.status === 'closed'
              ? t('assess.statusClosed', { at: data.closedAt!.slice(0, 10) })
              : t('assess.statusOpen')}
          </Tag>
        )}
        {manage && data?.status === 'open' && (
          <Button
            onClick={() =>
              modal.confirm({ title: t('assess.closeConfirm', { period }), onOk: () => close.mutateAsync() })
            }
          >
            {t('assess.close')}
          </Button>
        )}
        {manage && data?.status === 'closed' && (
          <Button onClick={() => setCorrecting(true)}>{t('assess.correct')}</Button>
        )}
        <Button href={file('docx', 'internal')}>{t('assess.download.docx')}</Button>
        <Button href={file('xlsx', 'internal')}>{t('assess.download.xlsx')}</Button>
        <Button href={file('docx', 'public')}>{t('assess.download.public')}</Button>
      </Space>
      {data && (
        <Typography.Text type="secondary">
          {name(data.scheme.name)} · {data.from} – {data.to} · {data.scheme.rules.source}
        </Typography.Text>
      )}
      <Table
        rowKey={(r) => r.region.code}
        loading={isFetching}
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: true }}
      />
      {data && data.corrections.length > 0 && (
        <Alert
          type="warning"
          message={t('assess.corrections')}
          description={data.corrections.map((c) => (
            <div key={c.id}>
              {data.rows.find((r) => r.region.code === c.regionCode)?.region.name} ·{' '}
              {name(data.indicators.find((i) => i.key === c.indicator)?.name ?? { zh: c.indicator, en: c.indicator })}:{' '}
              {c.previousValue ?? '—'} → {c.correctedValue} ({c.reason}, {c.correctedAt.slice(0, 10)})
            </div>
          ))}
        />
      )}
      <Modal
        open={correcting}
        title={t('assess.correct')}
        onCancel={() => setCorrecting(false)}
        onOk={() => form.submit()}
        confirmLoading={correct.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => correct.mutate(v)}>
          <Form.Item name="regionCode" label={t('assess.region')} rules={[{ required: true }]}>
            <Select options={(data?.rows ?? []).map((r) => ({ value: r.region.code, label: r.region.name }))} />
          </Form.Item>
          <Form.Item name="indicator" label={t('assess.indicator')} rules={[{ required: true }]}>
            <Select options={(data?.indicators ?? []).map((i) => ({ value: i.key, label: name(i.name) }))} />
          </Form.Item>
          <Form.Item name="correctedValue" label={t('assess.correctedValue')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('assess.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
