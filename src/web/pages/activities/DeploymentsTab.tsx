import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { UnitSelect } from '../admin/UnitSelect';
import { chinaToday, progressText } from './hooks';
import type { Deployment, DeploymentList } from './types';

interface Values {
  teamName: string;
  unitId?: string;
  destination: string;
  members: string[];
  fromDate: Dayjs;
  toDate?: Dayjs | null;
  note?: string;
}

/** 驻点招商: teams sent out, and how many are out today against the pack's minimum. */
export function DeploymentsTab() {
  const { t, lang } = useLang();
  const { regionCode } = useRegion();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { data, isFetching } = useQuery({
    queryKey: ['activities', 'deployments', regionCode],
    queryFn: () => api.get<DeploymentList>('/api/deployments', { region: regionCode, date: chinaToday() }),
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ fromDate: dayjs(), members: [] });
    }
  }, [open, form]);
  const refresh = () => void client.invalidateQueries({ queryKey: ['activities'] });
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/deployments', {
        teamName: v.teamName,
        unitId: v.unitId,
        destination: v.destination,
        members: v.members,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
        toDate: v.toDate ? v.toDate.format('YYYY-MM-DD') : null,
        note: v.note?.trim() || null,
      }),
    onSuccess: () => {
      refresh();
      void message.success(t('common.saved'));
      setOpen(false);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  const recall = useMutation({
    mutationFn: (d: Deployment) => api.patch(`/api/deployments/${d.id}`, { version: d.version, toDate: chinaToday() }),
    onSuccess: refresh,
    onError: showError,
  });
  const columns: TableColumnsType<Deployment> = [
    { title: t('act.team.name'), dataIndex: 'teamName' },
    { title: t('act.team.unit'), render: (_, d) => d.unit.name },
    { title: t('act.team.destination'), dataIndex: 'destination' },
    { title: t('act.team.members'), render: (_, d) => d.members.join('、') },
    { title: t('act.team.from'), dataIndex: 'fromDate', width: 120 },
    { title: t('act.team.to'), width: 120, render: (_, d) => d.toDate ?? '—' },
    {
      title: t('common.status'),
      width: 100,
      render: (_, d) => <Tag color={d.out ? 'green' : 'default'}>{d.out ? t('act.team.out') : t('act.team.back')}</Tag>,
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_, d) =>
        d.out && d.toDate === null ? (
          <Button size="small" onClick={() => recall.mutate(d)}>
            {t('act.team.recall')}
          </Button>
        ) : null,
    },
  ];
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        {data && (
          <Statistic
            title={`${t('act.team.outCount')}（${data.date}${data.teamsOut.source ? ` · ${data.teamsOut.source}` : ''}）`}
            value={progressText(data.teamsOut)}
          />
        )}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('act.team.new')}
        </Button>
      </Space>
      <Table<Deployment>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
      />
      <Modal
        title={t('act.team.new')}
        open={open}
        onOk={() =>
          void form.validateFields().then(
            (v) => create.mutate(v),
            () => undefined,
          )
        }
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" name="deployment-form">
          <Form.Item name="teamName" label={t('act.team.name')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="unitId" label={t('act.team.unit')}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="destination" label={t('act.team.destination')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="members" label={t('act.team.members')} rules={[required]} extra={t('act.participantsHint')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="fromDate" label={t('act.team.from')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="toDate" label={t('act.team.to')}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="note" label={t('act.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
