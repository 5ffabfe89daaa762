import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useLang } from '../../i18n';
import { useCatalog, useLabel } from './hooks';
import type { Occasion, Ref, Visit } from './types';

function EnterpriseSingleSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const { t } = useLang();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['enterprises', 'options', q],
    queryFn: () => api.get<{ items: Ref[] }>('/api/enterprises', { q, page: 1, pageSize: 30 }),
    placeholderData: (previous) => previous,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={isFetching}
      placeholder={t('services.visit.enterprisePlaceholder')}
      options={(data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
    />
  );
}

type Kind = 'visit' | 'occasion';
interface Values {
  enterpriseId: string;
  occasion: string;
  date: Dayjs;
  visitors?: string[];
  notes?: string;
}

function VisitModal({ kind, preset, onClose }: { kind: Kind | null; preset?: Occasion; onClose: () => void }) {
  const { t, lang } = useLang();
  const label = useLabel();
  const { data: catalog } = useCatalog();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    if (preset) form.setFieldsValue({ enterpriseId: preset.enterprise.id, occasion: preset.occasion });
  }, [kind, preset, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      kind === 'visit'
        ? api.post('/api/services/visits', {
            enterpriseId: v.enterpriseId,
            occasion: v.occasion,
            visitedOn: v.date.format('YYYY-MM-DD'),
            visitors: v.visitors ?? [],
            notes: v.notes?.trim() ?? '',
          })
        : api.post('/api/services/visit-occasions', {
            enterpriseId: v.enterpriseId,
            occasion: v.occasion,
            occurredOn: v.date.format('YYYY-MM-DD'),
            note: v.notes?.trim() || null,
          }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['services', 'visits'] });
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
      title={kind === 'visit' ? t('services.visit.new') : t('services.visit.newOccasion')}
      open={kind !== null}
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
      <Form form={form} layout="vertical" name="visit-form">
        <Form.Item name="enterpriseId" label={t('services.visit.enterprise')} rules={[required]}>
          {preset ? <Input disabled value={preset.enterprise.name} /> : <EnterpriseSingleSelect />}
        </Form.Item>
        <Form.Item name="occasion" label={t('services.visit.occasion')} rules={[required]}>
          <Select options={(catalog?.visitOccasions ?? []).map((o) => ({ value: o.key, label: label(o.label) }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label={kind === 'visit' ? t('services.visit.visitedOn') : t('services.visit.occurredOn')}
          rules={[required]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'visit' && (
          <Form.Item
            name="visitors"
            label={t('services.visit.visitors')}
            rules={[required]}
            extra={t('services.review.membersHint')}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('services.visit.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 六必访: visits with their occasion, and the enterprises due a visit. */
export function VisitsTab() {
  const { t } = useLang();
  const me = useSignedInUser();
  const label = useLabel();
  const [modal, setModal] = useState<{ kind: Kind; preset?: Occasion } | null>(null);
  const due = useQuery({
    queryKey: ['services', 'visits', 'due'],
    queryFn: () => api.get<{ source: string; items: Occasion[] }>('/api/services/visits/due'),
  });
  const visits = useQuery({
    queryKey: ['services', 'visits', 'list'],
    queryFn: () => api.get<{ items: Visit[] }>('/api/services/visits'),
  });
  const canWrite = mayDo(me, 'project.write');
  const dueColumns: TableColumnsType<Occasion> = [
    { title: t('services.visit.enterprise'), render: (_, o) => o.enterprise.name },
    { title: t('services.visit.occasion'), render: (_, o) => label(o.occasionLabel), width: 160 },
    { title: t('services.visit.occurredOn'), dataIndex: 'occurredOn', width: 120 },
    { title: t('services.visit.notes'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
  ];
  if (canWrite) {
    dueColumns.push({
      title: t('common.actions'),
      width: 120,
      render: (_, o) => (
        <Button size="small" type="link" onClick={() => setModal({ kind: 'visit', preset: o })}>
          {t('services.visit.record')}
        </Button>
      ),
    });
  }
  const visitColumns: TableColumnsType<Visit> = [
    { title: t('services.visit.visitedOn'), dataIndex: 'visitedOn', width: 120 },
    { title: t('services.visit.enterprise'), render: (_, v) => v.enterprise.name },
    { title: t('services.visit.occasion'), render: (_, v) => label(v.occasionLabel), width: 160 },
    { title: t('services.visit.visitors'), render: (_, v) => v.visitors.join('、') },
    { title: t('services.visit.unit'), render: (_, v) => v.unit.name },
    { title: t('services.visit.notes'), dataIndex: 'notes' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={t('services.visit.due')}
        extra={
          canWrite && (
            <Space>
              <Button onClick={() => setModal({ kind: 'occasion' })}>{t('services.visit.newOccasion')}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'visit' })}>
                {t('services.visit.new')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {t('services.visit.hint')} （{due.data?.source ?? 'gansu §(二十一)'}）
        </Typography.Paragraph>
        <Table<Occasion>
          rowKey="id"
          size="small"
          columns={dueColumns}
          dataSource={due.data?.items}
          loading={due.isFetching}
        />
      </Card>
      <Card size="small" title={t('services.visit.list')}>
        <Table<Visit>
          rowKey="id"
          size="small"
          columns={visitColumns}
          dataSource={visits.data?.items}
          loading={visits.isFetching}
        />
      </Card>
      <VisitModal kind={modal?.kind ?? null} preset={modal?.preset} onClose={() => setModal(null)} />
    </Space>
  );
}
