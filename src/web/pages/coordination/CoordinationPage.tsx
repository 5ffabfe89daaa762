import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { useLang } from '../../i18n';
import { canMoveStage } from '../projects/permissions';
import { useRegionName } from '../../app/region';
import { formatWan, useMoney } from '../projects/labels';
import type { Conflict, Escalation, SignedReport, Transfer } from './types';

const ProjectLink = ({ p }: { p: { id: string; code: string; name: string } }) => (
  <Link to={`/projects/${p.id}`}>
    {p.code} {p.name}
  </Link>
);

/** 区域协调: first-report conflicts to arbitrate, transfers, escalated projects and the monthly signed list. */
export default function CoordinationPage() {
  const { t } = useLang();
  const me = useSignedInUser();
  const leader = mayDo(me, 'leader.decide');
  const items = [
    ...(leader ? [{ key: 'conflicts', label: t('coord.tab.conflicts'), children: <ConflictsTab /> }] : []),
    { key: 'transfers', label: t('coord.tab.transfers'), children: <TransfersTab /> },
    { key: 'escalations', label: t('coord.tab.escalations'), children: <EscalationsTab /> },
    { key: 'signed', label: t('coord.tab.signedReport'), children: <SignedReportTab /> },
  ];
  return (
    <>
      <h2 className="zs-page-title">{t('coord.title')}</h2>
      <Card>
        <Tabs items={items} destroyOnHidden />
      </Card>
    </>
  );
}

function ConflictsTab() {
  const { t } = useLang();
  const [status, setStatus] = useState<'open' | 'upheld' | 'released'>('open');
  const [deciding, setDeciding] = useState<Conflict | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['coordination', 'conflicts', status],
    queryFn: () => api.get<{ items: Conflict[] }>('/api/coordination/conflicts', { status }).then((r) => r.items),
  });
  const columns: TableColumnsType<Conflict> = [
    { title: t('coord.conflict.registration'), render: (_, c) => <ProjectLink p={c.registration} /> },
    {
      title: t('coord.conflict.registeredBy'),
      render: (_, c) => `${c.registration.region.name} · ${c.registration.unit.name}`,
    },
    { title: t('coord.conflict.firstReported'), render: (_, c) => <ProjectLink p={c.firstReported} /> },
    {
      title: t('coord.conflict.firstReporter'),
      render: (_, c) => `${c.firstReported.region.name} · ${c.firstReported.unit.name}`,
    },
    { title: t('coord.conflict.windowEnds'), width: 120, render: (_, c) => c.firstReported.exclusivityEndsOn ?? '—' },
    { title: t('coord.conflict.detectedOn'), dataIndex: 'detectedOn', width: 110 },
    {
      title: t('common.actions'),
      width: 110,
      render: (_, c) =>
        c.status === 'open' ? (
          <Button type="link" size="small" onClick={() => setDeciding(c)}>
            {t('coord.conflict.decide')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{c.decisionReason}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'open', label: t('coord.conflict.status.open') },
            { value: 'upheld', label: t('coord.conflict.status.upheld') },
            { value: 'released', label: t('coord.conflict.status.released') },
          ]}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('coord.conflict.hint')}</Typography.Paragraph>
      <Table<Conflict> rowKey="id" size="middle" columns={columns} dataSource={data} loading={isFetching} />
      <DecideModal conflict={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

function DecideModal({ conflict, onClose }: { conflict: Conflict | null; onClose: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{ decision: 'upheld' | 'released'; reason: string }>();
  const decide = useMutation({
    mutationFn: (v: { decision: 'upheld' | 'released'; reason: string }) =>
      api.post(`/api/coordination/conflicts/${conflict!.id}/decision`, v),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['coordination'] });
      void message.success(t('coord.saved'));
      form.resetFields();
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      open={conflict !== null}
      title={t('coord.conflict.decide')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)} initialValues={{ decision: 'upheld' }}>
        <Form.Item name="decision" label={t('coord.conflict.decision')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'upheld', label: t('coord.conflict.status.upheld') },
              { value: 'released', label: t('coord.conflict.status.released') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('coord.reason')}
          rules={[{ required: true, whitespace: true, message: t('coord.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const TRANSFER_STATUS_COLOR: Record<Transfer['status'], string> = {
  offered: 'gold',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
};

function TransfersTab() {
  const { t } = useLang();
  const me = useSignedInUser();
  const regionName = useRegionName();
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming');
  const [answering, setAnswering] = useState<{ transfer: Transfer; accept: boolean } | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['coordination', 'transfers', direction],
    queryFn: () => api.get<{ items: Transfer[] }>('/api/coordination/transfers', { direction }).then((r) => r.items),
  });
  const columns: TableColumnsType<Transfer> = [
    { title: t('coord.project'), minWidth: 220, render: (_, x) => <ProjectLink p={x.project} /> },
    {
      title: t('coord.transfer.kind'),
      width: 90,
      render: (_, x) => (x.kind === 'redirect' ? t('coord.transfer.redirect') : t('coord.transfer.transfer')),
    },
    {
      title: t('project.totalInvestment'),
      width: 130,
      align: 'right',
      render: (_, x) => formatWan(x.project.totalInvestmentWan),
    },
    { title: t('coord.transfer.from'), width: 100, render: (_, x) => regionName(x.fromRegion) },
    { title: t('coord.transfer.to'), width: 100, render: (_, x) => regionName(x.toRegion) },
    { title: t('coord.transfer.offeredBy'), minWidth: 160, render: (_, x) => x.offeredBy.unit.name },
    { title: t('coord.reason'), minWidth: 200, dataIndex: 'reason' },
    {
      title: t('coord.transfer.status'),
      width: 130,
      render: (_, x) => (
        <Space orientation="vertical" size={0}>
          <Tag color={TRANSFER_STATUS_COLOR[x.status]}>{t(`coord.transfer.status.${x.status}`)}</Tag>
          {x.answerReason && <Typography.Text type="secondary">{x.answerReason}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (direction === 'incoming' && canMoveStage(me.role)) {
    columns.push({
      title: t('common.actions'),
      width: 150,
      render: (_, x) =>
        x.status === 'offered' ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setAnswering({ transfer: x, accept: true })}>
              {t('coord.transfer.accept')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setAnswering({ transfer: x, accept: false })}>
              {t('coord.transfer.decline')}
            </Button>
          </Space>
        ) : null,
    });
  }
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={direction}
        onChange={(v) => setDirection(v as typeof direction)}
        options={[
          { value: 'incoming', label: t('coord.transfer.incoming') },
          { value: 'outgoing', label: t('coord.transfer.outgoing') },
        ]}
      />
      <Table<Transfer> rowKey="id" size="middle" columns={columns} dataSource={data} loading={isFetching} />
      <AnswerModal answering={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

function AnswerModal({
  answering,
  onClose,
}: {
  answering: { transfer: Transfer; accept: boolean } | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason?: string }>();
  const answer = useMutation({
    mutationFn: (v: { reason?: string }) =>
      api.post(`/api/coordination/transfers/${answering!.transfer.id}/answer`, {
        accept: answering!.accept,
        reason: v.reason?.trim() || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['coordination'] });
      void client.invalidateQueries({ queryKey: ['projects'] });
      void message.success(t('coord.saved'));
      form.resetFields();
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      open={answering !== null}
      title={answering?.accept ? t('coord.transfer.accept') : t('coord.transfer.decline')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={answer.isPending}
      destroyOnHidden
    >
      {answering && (
        <Typography.Paragraph>
          <ProjectLink p={answering.transfer.project} />
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('coord.reason')}
          rules={answering?.accept ? [] : [{ required: true, whitespace: true, message: t('coord.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EscalationsTab() {
  const { t } = useLang();
  const money = useMoney();
  const me = useSignedInUser();
  const regionName = useRegionName();
  const [missingOnly, setMissingOnly] = useState(false);
  const [editing, setEditing] = useState<Escalation | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['coordination', 'escalations', missingOnly],
    queryFn: () =>
      api
        .get<{ items: Escalation[] }>('/api/coordination/escalations', { missing: String(missingOnly) })
        .then((r) => r.items),
  });
  const columns: TableColumnsType<Escalation> = [
    { title: t('coord.project'), minWidth: 220, render: (_, e) => <ProjectLink p={e.project} /> },
    { title: t('coord.escalation.host'), width: 120, render: (_, e) => regionName(e.project.hostRegion) },
    { title: t('coord.escalation.list'), width: 120, render: (_, e) => regionName(e.toRegion) },
    { title: t('coord.escalation.amount'), width: 140, align: 'right', render: (_, e) => formatWan(e.amountWan) },
    {
      title: t('coord.escalation.rule'),
      width: 200,
      render: (_, e) => `≥ ${money(e.thresholdWan)}（${e.source}）`,
    },
    { title: t('coord.escalation.on'), dataIndex: 'escalatedOn', width: 110 },
    {
      title: t('coord.escalation.threeOnes'),
      width: 220,
      render: (_, e) =>
        e.flagged ? (
          <Tag color="red">
            {t('coord.escalation.missingList', {
              missing: e.missing.map((m) => t(`coord.threeOnes.${m}`)).join(t('coord.listSeparator')),
            })}
          </Tag>
        ) : (
          <Tag color="green">{t('coord.escalation.complete')}</Tag>
        ),
    },
  ];
  if (canMoveStage(me.role)) {
    columns.push({
      title: t('common.actions'),
      width: 100,
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          {t('coord.escalation.fill')}
        </Button>
      ),
    });
  }
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={missingOnly ? 'missing' : 'all'}
        onChange={(v) => setMissingOnly(v === 'missing')}
        options={[
          { value: 'all', label: t('coord.escalation.all') },
          { value: 'missing', label: t('coord.escalation.missingOnly') },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('coord.escalation.hint')}</Typography.Paragraph>
      <Table<Escalation> rowKey="id" size="middle" columns={columns} dataSource={data} loading={isFetching} />
      <ThreeOnesModal escalation={editing} onClose={() => setEditing(null)} />
    </>
  );
}

type ThreeOnesValues = { responsibleLeader?: string; serviceTeam?: string; actionPlan?: string };

function ThreeOnesModal({ escalation, onClose }: { escalation: Escalation | null; onClose: () => void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<ThreeOnesValues>();
  const save = useMutation({
    mutationFn: (v: ThreeOnesValues) =>
      api.put(`/api/coordination/escalations/${escalation!.id}/three-ones`, {
        version: escalation!.version,
        responsibleLeader: v.responsibleLeader?.trim() || null,
        serviceTeam: v.serviceTeam?.trim() || null,
        actionPlan: v.actionPlan?.trim() || null,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['coordination'] });
      void message.success(t('coord.saved'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      open={escalation !== null}
      title={t('coord.escalation.threeOnes')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {escalation && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            responsibleLeader: escalation.threeOnes.responsibleLeader ?? '',
            serviceTeam: escalation.threeOnes.serviceTeam ?? '',
            actionPlan: escalation.threeOnes.actionPlan ?? '',
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="responsibleLeader" label={t('coord.threeOnes.responsibleLeader')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="serviceTeam" label={t('coord.threeOnes.serviceTeam')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="actionPlan" label={t('coord.threeOnes.actionPlan')}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function SignedReportTab() {
  const { t } = useLang();
  const money = useMoney();
  const regionName = useRegionName();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  const { data, isFetching } = useQuery({
    queryKey: ['coordination', 'signed-report', key],
    queryFn: () => api.get<SignedReport>('/api/coordination/signed-report', { month: key }),
  });
  const columns: TableColumnsType<SignedReport['items'][number]> = [
    { title: t('coord.project'), minWidth: 220, render: (_, p) => <ProjectLink p={p} /> },
    { title: t('coord.signed.host'), width: 120, render: (_, p) => regionName(p.hostRegion) },
    { title: t('project.firstUnit'), dataIndex: 'firstUnitName', width: 200 },
    { title: t('coord.signed.date'), dataIndex: 'signingDate', width: 110 },
    { title: t('coord.signed.amount'), width: 140, align: 'right', render: (_, p) => formatWan(p.amountWan) },
    { title: t('coord.escalation.rule'), width: 200, render: (_, p) => `≥ ${money(p.thresholdWan)}（${p.source}）` },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} />
        <Typography.Text>
          {t('coord.signed.total', { count: data?.items.length ?? 0, amount: formatWan(data?.totalAmountWan ?? '0') })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t('coord.signed.hint')}</Typography.Paragraph>
      <Table rowKey="id" size="middle" columns={columns} dataSource={data?.items} loading={isFetching} />
    </>
  );
}
