import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { projectKey } from './hooks';
import type { Project } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

interface Values {
  month: Dayjs;
  text: string;
  substantiveProgress: boolean;
  fundsInPlaceWan?: string;
  problems?: string;
  correctionReason?: string;
}

interface Props {
  project: Project;
  open: boolean;
  onClose: () => void;
}

/** 填报月报: one month's progress; filing a month again is a correction and needs a reason. */
export function ReportFormModal({ project, open, onClose }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [askedForReason, setAskedForReason] = useState(false);
  const month = Form.useWatch('month', form);
  const monthText = month ? month.format('YYYY-MM') : '';
  const correcting = askedForReason || project.reports.some((r) => r.month === monthText);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setAskedForReason(false);
    form.setFieldsValue({ month: dayjs(), substantiveProgress: false });
  }, [open, form]);

  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/api/projects/${project.id}/reports`, {
        month: v.month.format('YYYY-MM'),
        text: v.text.trim(),
        substantiveProgress: v.substantiveProgress,
        fundsInPlaceWan: v.fundsInPlaceWan?.trim() || '0',
        problems: v.problems?.trim() || undefined,
        correctionReason: v.correctionReason?.trim() || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: projectKey(project.id) });
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: ['audit'] });
      void message.success(t('report.submitted'));
      onClose();
    },
    onError: (err) => {
      // The server asks for a correction reason when the month was already filed: show the field.
      if (err instanceof ApiError && err.problem.errors.some((e) => e.field.endsWith('correctionReason'))) {
        setAskedForReason(true);
        setTimeout(() => applyFieldErrors(form, err, lang));
        return;
      }
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      title={t('report.file')}
      open={open}
      onOk={() =>
        void form.validateFields().then(
          (v) => submit.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('report.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      forceRender
      width={640}
    >
      <Form form={form} layout="vertical" name="report-form">
        <Form.Item name="month" label={t('report.month')} rules={[required]}>
          <DatePicker picker="month" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
        <Form.Item name="text" label={t('report.text')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          name="substantiveProgress"
          label={t('report.substantive')}
          valuePropName="checked"
          extra={t('report.substantiveHint')}
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item
          name="fundsInPlaceWan"
          label={t('report.funds')}
          rules={[{ pattern: WAN_AMOUNT, message: t('form.amountRule') }]}
        >
          <Input inputMode="decimal" suffix={t('unit.wan')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="problems" label={t('report.problems')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {correcting && (
          <>
            <Alert type="info" style={{ marginBottom: 12 }} title={t('report.correctionHint', { month: monthText })} />
            <Form.Item name="correctionReason" label={t('report.correctionReason')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
