import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { findRegion, useRegionName, useRegionTree } from '../../app/region';
import { useLang, useT } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { ActionModal } from '../coordination/ActionModal';
import type { Escalation, ProjectCoordination, Transfer } from '../coordination/types';
import { projectKey } from './hooks';
import { formatWan } from './labels';
import { canEditProject, canMoveStage } from './permissions';
import type { Project, Stage } from './types';

/** Stages a project can still be offered to another region in (the server's TRANSFERABLE). */
const TRANSFERABLE: readonly Stage[] = ['planned', 'negotiating', 'intent', 'signed'];
/** Stages before 签约, when a coming signing can be filed or excused. */
const BEFORE_SIGNING: readonly Stage[] = ['planned', 'negotiating', 'intent'];

const TRANSFER_COLOR: Record<Transfer['status'], string> = {
  offered: 'gold',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
};

type Action =
  | { kind: 'offer' }
  | { kind: 'answer'; transfer: Transfer; accept: boolean }
  | { kind: 'filing' }
  | { kind: 'exception' }
  | { kind: 'consent' };

/** The project's coordination record; its key changes with the project's version, so a stage move refreshes it. */
function useProjectCoordination(project: Project) {
  return useQuery({
    queryKey: ['coordination', 'project', project.id, project.version],
    queryFn: () => api.get<ProjectCoordination>(`/api/coordination/projects/${project.id}`),
  });
}

/** The project page's tab item. */
export function coordinationTab(project: Project) {
  return {
    key: 'coordination',
    label: <CoordinationTabLabel project={project} />,
    children: <CoordinationTab project={project} />,
  };
}

/** The tab's label, with a dot when something waits: a conflict hold, an offer, or missing 三个一. */
export function CoordinationTabLabel({ project }: { project: Project }) {
  const t = useT();
  const { data } = useProjectCoordination(project);
  const waiting =
    !!data && (data.held || !!data.escalation?.flagged || data.transfers.some((x) => x.status === 'offered'));
  return (
    <Badge dot={waiting} offset={[6, 0]}>
      {t('project.tab.coordination')}
    </Badge>
  );
}

/**
 * 区域协调 of one project: its first report and exclusivity, duplicates (only whom to contact),
 * transfers, escalation and its 三个一, pre-signing filing, and the credits of a landed transfer.
 */
export function CoordinationTab({ project }: { project: Project }) {
  const t = useT();
  const me = useSignedInUser();
  const client = useQueryClient();
  const { data: tree } = useRegionTree();
  const { data, isPending, error } = useProjectCoordination(project);
  const [action, setAction] = useState<Action | null>(null);

  if (isPending) return <Card loading variant="borderless" />;
  if (error || !data) return <Alert type="error" title={t('common.loadFailed')} />;

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['coordination'] });
    void client.invalidateQueries({ queryKey: projectKey(project.id) });
    void client.invalidateQueries({ queryKey: ['projects'] });
  };
  const close = () => setAction(null);
  const mayTransition = canMoveStage(me.role);
  const leader = mayDo(me, 'leader.decide');
  const pending = data.transfers.find((x) => x.status === 'offered');
  // An offer is answered by the receiving side: a region in my scope that is not where the offer came from.
  const mayAnswer = (x: Transfer) =>
    mayTransition &&
    x.status === 'offered' &&
    !!findRegion(tree, x.toRegion.code) &&
    me.region.code !== x.fromRegion.code &&
    me.unit.id !== x.offeredBy.unit.id;
  // Several matching projects of one unit read as one contact: whom to call is what matters.
  const contacts = [
    ...new Map(data.duplicates.map((d) => [`${d.level}|${d.status}|${d.basis}|${d.unit.id}`, d])).values(),
  ];
  const firstSide = me.unit.id === project.firstUnit?.id || me.region.code === project.firstRegion?.code;
  const consented = data.redirectConsents.length > 0;

  const buttons = [
    mayTransition && TRANSFERABLE.includes(project.stage) && !pending && (
      <Button key="offer" onClick={() => setAction({ kind: 'offer' })}>
        {t('coord.action.offer')}
      </Button>
    ),
    canEditProject(me.role) && BEFORE_SIGNING.includes(project.stage) && (
      <Button key="filing" onClick={() => setAction({ kind: 'filing' })}>
        {t('coord.action.filing')}
      </Button>
    ),
    leader && BEFORE_SIGNING.includes(project.stage) && (
      <Button key="exception" onClick={() => setAction({ kind: 'exception' })}>
        {t('coord.action.exception')}
      </Button>
    ),
    mayTransition && firstSide && BEFORE_SIGNING.includes(project.stage) && !consented && (
      <Button key="consent" onClick={() => setAction({ kind: 'consent' })}>
        {t('coord.action.consent')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FirstReportSection data={data} />
      {data.held && <Alert type="error" showIcon title={t('coord.held')} />}
      {contacts.map((d) => (
        <Alert
          key={`${d.level}|${d.status}|${d.basis}|${d.unit.id}`}
          type={d.level === 'conflict' ? 'error' : 'warning'}
          showIcon
          data-testid="coordination-duplicate"
          title={t(d.level === 'conflict' ? 'coord.dup.conflict' : 'coord.dup.warning', {
            unit: d.unit.name,
            region: d.region.name,
            arbiter: d.arbiterRegion.name,
            basis: t(`coord.dup.basis.${d.basis}`),
          })}
          description={t(`coord.dup.status.${d.status}`)}
        />
      ))}
      {data.transfers
        .filter((x) => x.status === 'offered')
        .map((x) => (
          <Alert
            key={x.id}
            type="info"
            showIcon
            title={t('coord.offer.pending', {
              unit: x.offeredBy.unit.name,
              from: x.fromRegion.name,
              to: x.toRegion.name,
              reason: x.reason,
            })}
            action={
              mayAnswer(x) ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setAction({ kind: 'answer', transfer: x, accept: true })}
                  >
                    {t('coord.transfer.accept')}
                  </Button>
                  <Button size="small" danger onClick={() => setAction({ kind: 'answer', transfer: x, accept: false })}>
                    {t('coord.transfer.decline')}
                  </Button>
                </Space>
              ) : undefined
            }
          />
        ))}
      {buttons.length > 0 && <Space wrap>{buttons}</Space>}
      {data.escalation && <EscalationSection escalation={data.escalation} onSaved={refresh} />}
      <TransfersSection transfers={data.transfers} />
      <FilingSection data={data} />
      <CreditsSection data={data} />
      <Actions project={project} action={action} onClose={close} onDone={refresh} />
    </Space>
  );
}

function FirstReportSection({ data }: { data: ProjectCoordination }) {
  const t = useT();
  const regionName = useRegionName();
  const first = data.firstReport;
  return (
    <Card size="small" title={t('coord.first.title')} data-testid="coordination-first-report">
      {first ? (
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('coord.first.unit')}>{first.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('coord.first.region')}>{regionName(first.region)}</Descriptions.Item>
          <Descriptions.Item label={t('coord.first.at')}>
            {dayjs(first.reportedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('coord.first.window')}>
            {first.exclusivityEndsOn
              ? t('coord.first.windowUntil', { date: first.exclusivityEndsOn, source: first.source ?? '' })
              : first.subject
                ? t('coord.first.noWindow')
                : t('coord.first.notSubject')}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('coord.first.none')}</Typography.Text>
      )}
    </Card>
  );
}

type ThreeOnesValues = { responsibleLeader?: string; serviceTeam?: string; actionPlan?: string };

function EscalationSection({ escalation: e, onSaved }: { escalation: Escalation; onSaved: () => void }) {
  const t = useT();
  const me = useSignedInUser();
  const regionName = useRegionName();
  const editable = canMoveStage(me.role);
  return (
    <Card
      size="small"
      data-testid="coordination-escalation"
      title={
        <Space>
          {t('coord.escalation.title')}
          {e.flagged ? (
            <Tag color="red">
              {t('coord.escalation.flagged', {
                missing: e.missing.map((m) => t(`coord.threeOnes.${m}`)).join(t('coord.listSeparator')),
              })}
            </Tag>
          ) : (
            <Tag color="green">{t('coord.escalation.complete')}</Tag>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('coord.escalation.summary', {
          amount: formatWan(e.amountWan),
          threshold: formatWan(e.thresholdWan),
          source: e.source,
          date: e.escalatedOn,
          region: regionName(e.toRegion),
        })}
      </Typography.Paragraph>
      {/* Keyed by version: after a save the form starts again from what the server holds. */}
      <ThreeOnesForm key={e.version} escalation={e} editable={editable} onSaved={onSaved} />
    </Card>
  );
}

function ThreeOnesForm({
  escalation: e,
  editable,
  onSaved,
}: {
  escalation: Escalation;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ThreeOnesValues>();
  const save = useMutation({
    mutationFn: (v: ThreeOnesValues) =>
      api.put(`/api/coordination/escalations/${e.id}/three-ones`, {
        version: e.version,
        responsibleLeader: v.responsibleLeader?.trim() || null,
        serviceTeam: v.serviceTeam?.trim() || null,
        actionPlan: v.actionPlan?.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('coord.saved'));
      onSaved();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Form<ThreeOnesValues>
      form={form}
      name="three-ones"
      layout="vertical"
      disabled={!editable}
      initialValues={{
        responsibleLeader: e.threeOnes.responsibleLeader ?? '',
        serviceTeam: e.threeOnes.serviceTeam ?? '',
        actionPlan: e.threeOnes.actionPlan ?? '',
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
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('coord.threeOnes.save')}
        </Button>
      )}
    </Form>
  );
}

function TransfersSection({ transfers }: { transfers: Transfer[] }) {
  const t = useT();
  const regionName = useRegionName();
  return (
    <Card size="small" title={t('coord.history.transfers')}>
      <Table<Transfer>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={transfers}
        locale={{ emptyText: t('common.none') }}
        columns={[
          {
            title: t('coord.transfer.kind'),
            width: 100,
            render: (_, x) => t(x.kind === 'redirect' ? 'coord.transfer.redirect' : 'coord.transfer.transfer'),
          },
          { title: t('coord.transfer.from'), width: 110, render: (_, x) => regionName(x.fromRegion) },
          { title: t('coord.transfer.to'), width: 110, render: (_, x) => regionName(x.toRegion) },
          {
            title: t('coord.transfer.offeredBy'),
            render: (_, x) => [x.offeredBy.unit.name, x.offeredBy.displayName].filter(Boolean).join(' · '),
          },
          { title: t('coord.reason'), dataIndex: 'reason' },
          {
            title: t('coord.transfer.status'),
            width: 200,
            render: (_, x) => (
              <Space orientation="vertical" size={0}>
                <Tag color={TRANSFER_COLOR[x.status]}>{t(`coord.transfer.status.${x.status}`)}</Tag>
                {x.answeredBy && <Typography.Text type="secondary">{x.answeredBy.unit.name}</Typography.Text>}
                {x.answerReason && <Typography.Text type="secondary">{x.answerReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('coord.at'),
            width: 150,
            render: (_, x) => dayjs(x.answeredAt ?? x.createdAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Card>
  );
}

function FilingSection({ data }: { data: ProjectCoordination }) {
  const t = useT();
  const none = data.filings.length + data.filingExceptions.length + data.redirectConsents.length === 0;
  return (
    <Card size="small" title={t('coord.history.filings')}>
      {none && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data.filings.map((f) => (
          <Typography.Text key={f.id}>
            {t('coord.filing.line', { filedOn: f.filedOn, unit: f.unitName, date: f.plannedSigningDate })}
            {f.note ? ` — ${f.note}` : ''}
          </Typography.Text>
        ))}
        {data.filingExceptions.map((x) => (
          <Typography.Text key={x.id}>
            {t('coord.exception.line', {
              at: dayjs(x.createdAt).format('YYYY-MM-DD'),
              leader: x.decidedBy,
              reason: x.reason,
            })}
          </Typography.Text>
        ))}
        {data.redirectConsents.map((c) => (
          <Typography.Text key={c.id}>
            {t('coord.consent.line', { at: dayjs(c.createdAt).format('YYYY-MM-DD'), unit: c.unitName, by: c.givenBy })}
            {c.note ? ` — ${c.note}` : ''}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}

function CreditsSection({ data }: { data: ProjectCoordination }) {
  const t = useT();
  if (data.credits.length === 0) return null;
  return (
    <Card size="small" title={t('coord.credits')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.credits}
        columns={[
          { title: t('coord.credit.region'), render: (_, c) => c.region.name },
          { title: t('coord.credit.role'), render: (_, c) => t(`coord.credit.role.${c.role}`) },
          { title: t('coord.credit.share'), dataIndex: 'share' },
          { title: t('coord.credit.rule'), render: (_, c) => `${t(`coord.credit.rule.${c.rule}`)}（${c.source}）` },
          { title: t('coord.credit.landedOn'), dataIndex: 'landedOn' },
        ]}
      />
    </Card>
  );
}

/** The modals of the toolbar and of an offer awaiting an answer. */
function Actions({
  project,
  action,
  onClose,
  onDone,
}: {
  project: Project;
  action: Action | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const me = useSignedInUser();
  const { options } = useRegionOptions(true);
  const reasonRule = { required: true, whitespace: true, message: t('coord.reasonRequired') };
  const base = `/api/coordination/projects/${project.id}`;
  const common = { onClose, onDone };
  return (
    <>
      <ActionModal<{ toRegionCode: string; reason: string }>
        {...common}
        name="coordination-offer"
        open={action?.kind === 'offer'}
        title={t('coord.action.offer')}
        hint={t('coord.offer.hint')}
        submit={(v) => api.post(`${base}/transfers`, v)}
      >
        <Form.Item
          name="toRegionCode"
          label={t('coord.offer.toRegion')}
          rules={[{ required: true, message: t('coord.offer.toRegionRequired') }]}
        >
          <TreeSelect
            treeData={options}
            treeDefaultExpandedKeys={[me.region.code]}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('coord.offer.toRegionRequired')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('coord.reason')} rules={[reasonRule]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ reason?: string }>
        {...common}
        name="coordination-answer"
        open={action?.kind === 'answer'}
        danger={action?.kind === 'answer' && !action.accept}
        title={action?.kind === 'answer' && !action.accept ? t('coord.transfer.decline') : t('coord.transfer.accept')}
        hint={action?.kind === 'answer' && action.accept ? t('coord.answer.acceptHint') : undefined}
        submit={(v) =>
          action?.kind === 'answer'
            ? api.post(`/api/coordination/transfers/${action.transfer.id}/answer`, {
                accept: action.accept,
                reason: v.reason?.trim() || undefined,
              })
            : Promise.resolve()
        }
      >
        <Form.Item
          name="reason"
          label={t('coord.reason')}
          rules={action?.kind === 'answer' && !action.accept ? [reasonRule] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ plannedSigningDate: Dayjs; note?: string }>
        {...common}
        name="coordination-filing"
        open={action?.kind === 'filing'}
        title={t('coord.action.filing')}
        hint={t('coord.filing.hint')}
        submit={(v) =>
          api.post(`${base}/filings`, {
            plannedSigningDate: v.plannedSigningDate.format('YYYY-MM-DD'),
            note: v.note?.trim() || undefined,
          })
        }
      >
        <Form.Item
          name="plannedSigningDate"
          label={t('coord.filing.plannedDate')}
          rules={[{ required: true, message: t('coord.filing.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('coord.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ reason: string }>
        {...common}
        name="coordination-exception"
        open={action?.kind === 'exception'}
        title={t('coord.action.exception')}
        hint={t('coord.exception.hint')}
        submit={(v) => api.post(`${base}/filing-exceptions`, v)}
      >
        <Form.Item name="reason" label={t('coord.reason')} rules={[reasonRule]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ note?: string }>
        {...common}
        name="coordination-consent"
        open={action?.kind === 'consent'}
        title={t('coord.action.consent')}
        hint={t('coord.consent.hint')}
        submit={(v) => api.post(`${base}/redirect-consent`, { note: v.note?.trim() || undefined })}
      >
        <Form.Item name="note" label={t('coord.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
