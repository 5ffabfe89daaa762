import { FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useLang } from '../../i18n';
import { useCatalog, useLabel } from './hooks';
import type { Agreement, Obligation, ObligationStatus, ReminderLetter } from './types';

const STATUS_COLOR: Record<ObligationStatus, string> = {
  pending: 'default',
  due: 'gold',
  met: 'green',
  late: 'orange',
  breached: 'red',
  exempted: 'purple',
};

function download(letter: ReminderLetter) {
  const a = document.createElement('a');
  a.href = `/api/services/letters/${letter.id}/docx`;
  a.download = `履约提醒函-${letter.docNo}.docx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function Obligations({ agreement }: { agreement: Agreement }) {
  const { t } = useLang();
  const me = useSignedInUser();
  const label = useLabel();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  // Late or breached without a letter yet: send one, then download it; otherwise download the latest.
  const generate = useMutation({
    mutationFn: async (o: Obligation) =>
      o.letters.length > 0
        ? o.letters[o.letters.length - 1]!
        : api.post<ReminderLetter>(`/api/services/obligations/${o.id}/letters`, {}),
    onSuccess: (letter) => {
      void client.invalidateQueries({ queryKey: ['services', 'agreements'] });
      void message.success(t('services.letter.sent'));
      download(letter);
    },
    onError: showError,
  });
  const columns: TableColumnsType<Obligation> = [
    {
      title: t('services.obligation.party'),
      width: 90,
      render: (_, o) =>
        o.party === 'enterprise' ? t('services.obligation.enterprise') : t('services.obligation.government'),
    },
    { title: t('services.obligation.kind'), width: 130, render: (_, o) => label(o.kindLabel) },
    { title: t('services.obligation.clause'), dataIndex: 'clause', width: 120 },
    { title: t('services.obligation.description'), dataIndex: 'description' },
    { title: t('services.obligation.dueDate'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('services.obligation.measure'),
      width: 140,
      render: (_, o) => (o.targetValue ? `${o.actualValue ?? '—'} / ${o.targetValue}` : (o.metOn ?? '—')),
    },
    {
      title: t('common.status'),
      width: 150,
      render: (_, o) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[o.status]}>{label(o.statusLabel)}</Tag>
          {o.governmentFlagged && <Tag color="magenta">{t('services.obligation.flagged')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('services.letter.title'),
      width: 190,
      render: (_, o) =>
        o.party === 'enterprise' && (o.status === 'late' || o.status === 'breached' || o.letters.length > 0) ? (
          <Space direction="vertical" size={0}>
            {mayDo(me, 'project.write') || o.letters.length > 0 ? (
              <Button
                size="small"
                icon={<FileWordOutlined />}
                loading={generate.isPending && generate.variables?.id === o.id}
                onClick={() => generate.mutate(o)}
                disabled={o.letters.length === 0 && !mayDo(me, 'project.transition')}
              >
                {t('services.letter.generate')}
              </Button>
            ) : null}
            {o.letters.map((l) => (
              <Typography.Text key={l.id} type="secondary" style={{ fontSize: 12 }}>
                {l.docNo} · {l.sentOn}
              </Typography.Text>
            ))}
          </Space>
        ) : null,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('services.agreement.enterprise')}>{agreement.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('services.agreement.government')}>{agreement.governmentParty}</Descriptions.Item>
        <Descriptions.Item label={t('services.agreement.supportEndsOn')}>
          {agreement.supportEndsOn ?? '—'}
          {agreement.supportShortenedDays > 0 && (
            <Typography.Text type="danger">
              {' '}
              {t('services.agreement.shortened', { days: agreement.supportShortenedDays })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table<Obligation>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={agreement.obligations}
      />
    </Space>
  );
}

/** 投资协议与履约: agreements, their obligations and commitments with status, and reminder letters. */
export function AgreementsTab() {
  const { t } = useLang();
  const label = useLabel();
  const { data: catalog } = useCatalog();
  const [status, setStatus] = useState<ObligationStatus | undefined>();
  const { data, isFetching } = useQuery({
    queryKey: ['services', 'agreements', status],
    queryFn: () => api.get<{ items: Agreement[] }>('/api/services/agreements', { status }),
  });
  const columns: TableColumnsType<Agreement> = [
    { title: t('services.agreement.title'), dataIndex: 'title' },
    { title: t('services.agreement.no'), dataIndex: 'agreementNo', width: 150 },
    { title: t('services.project'), render: (_, a) => <Link to={`/projects/${a.project.id}`}>{a.project.name}</Link> },
    { title: t('services.agreement.signedOn'), dataIndex: 'signedOn', width: 110 },
    {
      title: t('common.status'),
      width: 200,
      render: (_, a) => (
        <Space size={4} wrap>
          {a.status === 'exempted' && <Tag color="purple">{t('services.agreement.exempted')}</Tag>}
          {(['late', 'breached'] as const).map((s) => {
            const n = a.obligations.filter((o) => o.status === s).length;
            return n > 0 ? (
              <Tag key={s} color={STATUS_COLOR[s]}>
                {label(catalog?.obligationStatuses.find((x) => x.key === s)?.label)} {n}
              </Tag>
            ) : null;
          })}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      extra={
        <Select
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('services.obligation.statusFilter')}
          style={{ width: 180 }}
          options={(catalog?.obligationStatuses ?? []).map((s) => ({ value: s.key, label: label(s.label) }))}
        />
      }
    >
      <Table<Agreement>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        expandable={{ expandedRowRender: (a) => <Obligations agreement={a} />, defaultExpandAllRows: true }}
      />
    </Card>
  );
}
