import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { download } from '../projects/files';

/** One row of GET /api/audit/log (the route's response schema). */
interface TrailRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  regionName: string | null;
  ip: string | null;
  keyed: boolean;
  before: unknown;
  after: unknown;
  hash: string;
}

interface TrailPage {
  items: TrailRow[];
  total: number;
  page: number;
  pageSize: number;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  checkpointsChecked: number;
  problem?: string;
  brokenAt?: number;
  message: { zh: string; en: string };
  written?: string;
}

interface Filters {
  username?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface FilterForm {
  username?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const ENTITIES = ['project', 'user', 'ticket', 'agreement', 'enterprise', 'audit_log', 'projects', 'file', 'system'];

const json = (v: unknown) => (v === null || v === undefined ? '∅' : JSON.stringify(v, null, 2));

/** 审计: the whole trail for the audit administrator (action audit.read), its export and the chain check. */
export default function AuditPage() {
  const { t, lang } = useLang();
  const showError = useShowError();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });

  const trail = useQuery({
    queryKey: ['audit-trail', filters, page],
    queryFn: () => api.get<TrailPage>('/api/audit/log', { ...filters, ...page }),
  });
  const verify = useMutation({
    mutationFn: () => api.post<VerifyResult>('/api/audit/verify'),
    onError: showError,
  });

  const apply = (values: FilterForm) => {
    const [from, to] = values.dates ?? [];
    setFilters({
      username: values.username?.trim() || undefined,
      entity: values.entity?.trim() || undefined,
      entityId: values.entityId?.trim() || undefined,
      action: values.action?.trim() || undefined,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    });
    setPage((p) => ({ ...p, page: 1 }));
  };

  const result = verify.data;
  return (
    <>
      <h2 className="zs-page-title">{t('auditTrail.title')}</h2>
      <Typography.Paragraph type="secondary">{t('auditTrail.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="username" label={t('auditTrail.username')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="entity" label={t('auditTrail.entity')}>
            <AutoComplete
              allowClear
              style={{ width: 140 }}
              options={ENTITIES.map((e) => ({ value: e }))}
              filterOption={(input, option) => String(option?.value ?? '').startsWith(input)}
            />
          </Form.Item>
          <Form.Item name="entityId" label={t('auditTrail.entityId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="action" label={t('auditTrail.action')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="dates" label={t('auditTrail.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('auditTrail.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('auditTrail.reset')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('/api/audit/log/export', { ...filters })}>
              {t('auditTrail.export')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('auditTrail.verify')}
            </Button>
          </Space>
        </Form>
      </Card>
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          message={result.ok ? t('auditTrail.verifyOk') : t('auditTrail.verifyFailed')}
          description={
            <div data-testid="audit-verify-result">
              <div>{lang === 'en' ? result.message.en : result.message.zh}</div>
              {result.ok && (
                <div>
                  {t('auditTrail.checkpoints', { count: result.checkpointsChecked, file: result.written ?? '' })}
                </div>
              )}
            </div>
          }
        />
      )}
      <Table<TrailRow>
        rowKey="seq"
        size="small"
        loading={trail.isFetching}
        dataSource={trail.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: trail.data?.total ?? 0,
          showTotal: (total) => t('auditTrail.total', { total }),
          onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
        }}
        expandable={{
          expandedRowRender: (row) => (
            <Space align="start" size={24} style={{ width: '100%' }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{t('auditTrail.before')}</Typography.Text>
                <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{json(row.before)}</pre>
              </div>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{t('auditTrail.after')}</Typography.Text>
                <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{json(row.after)}</pre>
              </div>
            </Space>
          ),
        }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('audit.actor'),
            dataIndex: 'actorUsername',
            width: 160,
            render: (_: unknown, row) =>
              row.actorId
                ? `${row.actorName ?? ''}${row.actorUsername ? ` (${row.actorUsername})` : ''}`
                : t('audit.system'),
          },
          { title: t('audit.action'), dataIndex: 'action', width: 200, render: (a: string) => <Tag>{a}</Tag> },
          {
            title: t('auditTrail.entityCol'),
            dataIndex: 'entity',
            render: (_: unknown, row) => (
              <span>
                {row.entity} <Typography.Text code>{row.entityId.slice(0, 36)}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('auditTrail.region'),
            dataIndex: 'regionName',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('auditTrail.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
