import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import type { Indicator, Target } from './types';

/** Annual targets of the regions in scope: seeded, entered, or decomposed from the parent. */
export function TargetsTab({ indicators }: { indicators: Indicator[] }) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const { regionCode } = useRegion();
  const client = useQueryClient();
  const showError = useShowError();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState<Partial<Target> | null>(null);
  const [form] = Form.useForm();
  const manage = mayDo(me, 'assessment.manage');
  const { data, isFetching } = useQuery({
    queryKey: ['assessment', 'targets', regionCode, year],
    queryFn: () =>
      api.get<{ items: Target[] }>('/api/assessment/targets', { year, region: regionCode }).then((r) => r.items),
  });
  const save = useMutation({
    mutationFn: (v: { indicator: string; value: string; regionCode: string; note?: string }) =>
      api.put<Target>('/api/assessment/targets', { ...v, year, version: editing?.version }),
    onSuccess: () => {
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['assessment'] });
    },
    onError: showError,
  });
  const nameOf = (key: string) => {
    const ind = indicators.find((i) => i.key === key);
    return ind ? (lang === 'en' ? ind.name.en : ind.name.zh) : key;
  };
  const open = (target: Partial<Target>) => {
    setEditing(target);
    form.setFieldsValue({
      indicator: target.indicator,
      value: target.value,
      regionCode: target.region?.code ?? regionCode,
      note: target.note ?? '',
    });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('dash.year')}
          options={[-2, -1, 0, 1].map((d) => new Date().getFullYear() + d).map((y) => ({ value: y, label: `${y}` }))}
        />
        {manage && <Button onClick={() => open({})}>{t('assess.targets.add')}</Button>}
      </Space>
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        columns={[
          { title: t('assess.region'), render: (_, r) => r.region.name },
          { title: t('assess.indicator'), dataIndex: 'indicator', render: (k: string) => nameOf(k) },
          { title: t('assess.target'), dataIndex: 'value', align: 'right', render: (v: string) => formatWan(v) },
          {
            title: t('assess.targets.origin'),
            dataIndex: 'origin',
            render: (o: Target['origin'], r) => (
              <Tooltip title={r.note}>
                <Tag>{t(`assess.origin.${o}`)}</Tag> {r.source}
              </Tooltip>
            ),
          },
          ...(manage
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: Target) => (
                    <Button size="small" onClick={() => open(r)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('assess.targets.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="regionCode" label={t('assess.regionCode')} rules={[{ required: true }]}>
            <Input disabled={Boolean(editing?.id)} />
          </Form.Item>
          <Form.Item name="indicator" label={t('assess.indicator')} rules={[{ required: true }]}>
            <Select
              disabled={Boolean(editing?.id)}
              options={indicators.map((i) => ({ value: i.key, label: lang === 'en' ? i.name.en : i.name.zh }))}
            />
          </Form.Item>
          <Form.Item name="value" label={t('assess.target')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('assess.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
