import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useLang } from '../../i18n';
import { useCatalog, useLabel } from './hooks';
import { ProjectSelect } from './ProjectSelect';
import type { Review } from './types';

interface Values {
  projectId: string;
  meetingDate: Dayjs;
  level: 'city' | 'county';
  members: string[];
  scores: { criterion: string; score: number; max: number }[];
  risks: { key: string; result: 'pass' | 'concern' | 'fail'; note?: string }[];
  decision: 'approve' | 'reject' | 'defer';
  minutes: string;
}

const DECISION_COLOR = { approve: 'green', reject: 'red', defer: 'orange' } as const;

function ReviewFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const label = useLabel();
  const { data: catalog } = useCatalog();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  useEffect(() => {
    if (!open || !catalog) return;
    form.resetFields();
    form.setFieldsValue({
      level: 'city',
      members: [],
      scores: [{ criterion: t('services.review.defaultCriterion'), score: 0, max: 100 }],
      risks: catalog.riskItems.map((r) => ({ key: r.key, result: 'pass' as const })),
    });
  }, [open, catalog, form, t]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/api/projects/${v.projectId}/reviews`, {
        meetingDate: v.meetingDate.format('YYYY-MM-DD'),
        level: v.level,
        members: v.members ?? [],
        scores: v.scores ?? [],
        risks: v.risks.map((r) => ({ key: r.key, result: r.result, note: r.note?.trim() || null })),
        decision: v.decision,
        minutes: v.minutes ?? '',
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['services'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      title={t('services.review.new')}
      open={open}
      width={760}
      onOk={() =>
        void form.validateFields().then(
          (v) => save.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="review-form">
        <Form.Item name="projectId" label={t('services.project')} rules={[required]}>
          <ProjectSelect />
        </Form.Item>
        <Space>
          <Form.Item name="meetingDate" label={t('services.review.meetingDate')} rules={[required]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="level" label={t('services.review.level')}>
            <Radio.Group
              options={[
                { value: 'city', label: t('services.review.level.city') },
                { value: 'county', label: t('services.review.level.county') },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="members" label={t('services.review.members')} extra={t('services.review.membersHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.List name="scores">
          {(fields, { add, remove }) => (
            <Form.Item label={t('services.review.scores')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'criterion']} rules={[required]}>
                    <Input placeholder={t('services.review.criterion')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'score']} rules={[required]}>
                    <InputNumber min={0} placeholder={t('services.review.score')} />
                  </Form.Item>
                  /
                  <Form.Item name={[f.name, 'max']} rules={[required]}>
                    <InputNumber min={1} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ criterion: '', score: 0, max: 100 })}>
                {t('services.review.addScore')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="risks">
          {(fields) => (
            <Form.Item label={t('services.review.risks')}>
              {fields.map((f) => {
                const item = catalog?.riskItems[f.name];
                return (
                  <div key={f.key} style={{ marginBottom: 8 }}>
                    <div>
                      {label(item?.label)} <Tag>{item?.source}</Tag>
                    </div>
                    <Space align="baseline">
                      <Form.Item name={[f.name, 'result']} noStyle>
                        <Radio.Group
                          options={(catalog?.riskResults ?? []).map((r) => ({ value: r.key, label: label(r.label) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'note']} noStyle>
                        <Input placeholder={t('services.review.riskNote')} style={{ width: 260 }} />
                      </Form.Item>
                    </Space>
                  </div>
                );
              })}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="decision" label={t('services.review.decision')} rules={[required]}>
          <Radio.Group options={(catalog?.decisions ?? []).map((d) => ({ value: d.key, label: label(d.label) }))} />
        </Form.Item>
        <Form.Item name="minutes" label={t('services.review.minutes')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评审会 records: the collective decisions on projects, with scores and the risk checklist. */
export function ReviewsTab() {
  const { t } = useLang();
  const me = useSignedInUser();
  const label = useLabel();
  const { data: catalog } = useCatalog();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useQuery({
    queryKey: ['services', 'reviews'],
    queryFn: () => api.get<{ items: Review[] }>('/api/services/reviews'),
  });
  const columns: TableColumnsType<Review> = [
    { title: t('services.review.meetingDate'), dataIndex: 'meetingDate', width: 120 },
    { title: t('services.project'), render: (_, r) => <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link> },
    {
      title: t('services.review.decision'),
      width: 100,
      render: (_, r) => (
        <Tag color={DECISION_COLOR[r.decision]}>
          {label(catalog?.decisions.find((d) => d.key === r.decision)?.label)}
        </Tag>
      ),
    },
    {
      title: t('services.review.average'),
      dataIndex: 'averageScore',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('services.review.risks'),
      render: (_, r) =>
        r.risks
          .filter((x) => x.result !== 'pass')
          .map((x) => (
            <Tag key={x.key} color={x.result === 'fail' ? 'red' : 'gold'}>
              {label(catalog?.riskItems.find((i) => i.key === x.key)?.label)}
            </Tag>
          )),
    },
    { title: t('services.review.members'), render: (_, r) => r.members.join('、') },
  ];
  return (
    <Card
      size="small"
      extra={
        mayDo(me, 'project.transition') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('services.review.new')}
          </Button>
        ) : null
      }
    >
      <Table<Review>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        expandable={{ expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.minutes}</div> }}
      />
      <ReviewFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
