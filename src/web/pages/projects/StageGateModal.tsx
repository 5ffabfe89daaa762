import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { formFieldPath } from '../../api/forms';
import { useErrorText } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { FileField } from './FileField';
import { projectKey } from './hooks';
import { stageChoices, TERMINATION_REASONS, type Project, type Stage } from './types';

interface Values {
  to?: Stage;
  reason?: string;
  signingDate?: Dayjs;
  contractAmountWan?: string;
  parties?: string[];
  agreementFileId?: string;
  registeredDate?: Dayjs;
  startDate?: Dayjs;
  productionDate?: Dayjs;
  achievedDate?: Dayjs;
  terminationReason?: string;
  terminationText?: string;
}

const DATE_FIELD: Partial<Record<Stage, 'registeredDate' | 'startDate' | 'productionDate' | 'achievedDate'>> = {
  registered: 'registeredDate',
  started: 'startDate',
  producing: 'productionDate',
  achieved: 'achievedDate',
};

/** The domain names the free text of a termination `reasonText`; the form calls it terminationText. */
const FIELD_ALIASES: Record<string, string> = { reasonText: 'terminationText' };

interface Props {
  project: Project;
  open: boolean;
  onClose: () => void;
}

/**
 * 推进阶段: pick the target stage and fill exactly what its gate asks for. The server judges the
 * gate (src/domain/lifecycle.ts) and its field errors are shown on the fields.
 */
export function StageGateModal({ project, open, onClose }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const to = Form.useWatch('to', form);
  const choices = stageChoices(project.stage, project.terminatedFrom);
  const direction = choices.find((c) => c.stage === to)?.direction;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    const next = choices.find((c) => c.direction === 'forward');
    form.setFieldsValue({ to: next?.stage });
    // Only on opening: the choices follow the project, which does not change while the form is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const move = useMutation({
    mutationFn: (v: Values) => {
      const date = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
      const body: Record<string, unknown> = { to: v.to, version: project.version };
      if (direction === 'backward' || direction === 'reopen') body.reason = v.reason?.trim() || undefined;
      if (v.to === 'signed') {
        body.signingDate = date(v.signingDate);
        body.contractAmountWan = v.contractAmountWan?.trim() || undefined;
        body.parties = v.parties && v.parties.length > 0 ? v.parties : undefined;
        body.agreementFileId = v.agreementFileId;
      }
      const dateField = v.to ? DATE_FIELD[v.to] : undefined;
      if (dateField) body[dateField] = date(v[dateField]);
      if (v.to === 'terminated') {
        body.terminationReason = v.terminationReason;
        body.terminationText = v.terminationText?.trim() || undefined;
      }
      return api.post<Project>(`/api/projects/${project.id}/transitions`, body);
    },
    onSuccess: (updated) => {
      client.setQueryData(projectKey(project.id), updated);
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: ['audit'] });
      void message.success(t('gate.moved', { stage: t(`stage.${updated.stage}`) }));
      onClose();
    },
    onError: (err) => {
      const fields =
        err instanceof ApiError
          ? err.problem.errors.map((e) => {
              const path = formFieldPath(e.field);
              const name = typeof path === 'string' ? (FIELD_ALIASES[path] ?? path) : path;
              return { name, errors: [(lang === 'en' ? e.en : e['zh-CN']) || e.message] };
            })
          : [];
      const shown = new Set([
        ...Object.keys(form.getFieldsValue() as object),
        ...Object.keys(form.getFieldsValue(true) as object),
      ]);
      const onForm = fields.filter((f) => shown.has(Array.isArray(f.name) ? f.name[0]! : f.name));
      if (onForm.length) form.setFields(onForm as Parameters<typeof form.setFields>[0]);
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        void client.invalidateQueries({ queryKey: projectKey(project.id) });
      }
      // The reason in general terms stays above the form; the details sit on the fields.
      setFailure(errorText(err));
    },
  });

  const dateField = to ? DATE_FIELD[to] : undefined;
  const datePicker = <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(new Date(), 'day')} />;

  return (
    <Modal
      title={t('gate.title')}
      open={open}
      onOk={() => {
        setFailure(null);
        void form.validateFields().then(
          (v) => move.mutate(v),
          () => undefined,
        );
      }}
      onCancel={onClose}
      okText={t('gate.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      forceRender
      width={600}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="gate-form" preserve={false}>
        <Form.Item name="to" label={t('gate.to')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={choices.map((c) => ({
              value: c.stage,
              label: `${t(`stage.${c.stage}`)}（${t(`direction.${c.direction}`)}）`,
            }))}
            onChange={() => setFailure(null)}
          />
        </Form.Item>
        {direction === 'backward' && (
          <Alert type="warning" title={t('gate.backwardHint')} style={{ marginBottom: 16 }} />
        )}
        {(direction === 'backward' || direction === 'reopen') && (
          <Form.Item name="reason" label={t('gate.reason')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {to === 'signed' && direction === 'forward' && (
          <>
            <Form.Item name="signingDate" label={t('project.signingDate')}>
              {datePicker}
            </Form.Item>
            <Form.Item name="contractAmountWan" label={t('project.contractAmount')}>
              <Input inputMode="decimal" suffix={t('unit.wan')} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="parties" label={t('project.parties')} extra={t('gate.partiesHint')}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
            <Form.Item name="agreementFileId" label={t('project.agreementFile')}>
              <FileField />
            </Form.Item>
          </>
        )}
        {dateField && direction === 'forward' && (
          <Form.Item name={dateField} label={t(`project.${dateField}`)}>
            {datePicker}
          </Form.Item>
        )}
        {to === 'terminated' && (
          <>
            <Form.Item name="terminationReason" label={t('project.terminationReason')}>
              <Select options={TERMINATION_REASONS.map((r) => ({ value: r, label: t(`termination.${r}`) }))} />
            </Form.Item>
            <Form.Item name="terminationText" label={t('project.terminationText')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
