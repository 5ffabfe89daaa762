import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { SOURCE_CHANNELS, type SourceChannel } from '../projects/types';
import type { AcceptResult, Inquiry } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

/** On a refusal the inquiry may have changed under us (stale version, already decided): show it afresh. */
function useDecisionErrors(form: Parameters<typeof applyFieldErrors>[0]) {
  const { lang } = useLang();
  const client = useQueryClient();
  const showError = useShowError();
  return (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) void client.invalidateQueries({ queryKey: ['inquiries'] });
    if (!applyFieldErrors(form, err, lang)) showError(err);
  };
}

interface AcceptValues {
  name: string;
  totalInvestmentWan: string;
  sourceChannel?: SourceChannel;
}

/** 受理并立项: takes the inquiry up as a project in 洽谈 and opens it. */
export function AcceptModal({ inquiry, onClose }: { inquiry: Inquiry | null; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<AcceptValues>();
  const onError = useDecisionErrors(form);
  const accept = useMutation({
    mutationFn: (values: AcceptValues) =>
      api.post<AcceptResult>(`/api/inquiries/${inquiry!.id}/accept`, {
        version: inquiry!.version,
        name: values.name.trim(),
        totalInvestmentWan: values.totalInvestmentWan.trim(),
        ...(values.sourceChannel ? { sourceChannel: values.sourceChannel } : {}),
      }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['inquiries'] });
      void client.invalidateQueries({ queryKey: ['projects'] });
      void message.success(t('inquiries.accepted', { code: result.project.code }));
      onClose();
      navigate(`/projects/${result.project.id}`);
    },
    onError,
  });
  return (
    <Modal
      open={inquiry !== null}
      title={t('inquiries.accept.title', { reference: inquiry?.reference ?? '' })}
      okText={t('inquiries.accept')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      <p>{t('inquiries.accept.hint')}</p>
      {/* Started from the inquiry each time the modal opens (destroyed when hidden, nothing preserved). */}
      <Form<AcceptValues>
        form={form}
        name="inquiry-accept"
        layout="vertical"
        preserve={false}
        initialValues={{
          name: inquiry ? `${inquiry.company}投资项目` : '',
          totalInvestmentWan: inquiry?.investmentWan ?? undefined,
          sourceChannel: '投资者门户',
        }}
        onFinish={(v) => accept.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('project.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="totalInvestmentWan"
          label={t('inquiries.accept.investment')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: WAN_AMOUNT, message: t('chains.convert.investmentRule') },
          ]}
        >
          <Input suffix={t('unit.wan')} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="sourceChannel" label={t('project.sourceChannel')}>
          <Select options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourceChannel.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 婉拒: closes the inquiry with a reason the officers keep. */
export function DeclineModal({ inquiry, onClose }: { inquiry: Inquiry | null; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useDecisionErrors(form);
  const decline = useMutation({
    mutationFn: (values: { reason: string }) =>
      api.post<Inquiry>(`/api/inquiries/${inquiry!.id}/decline`, {
        version: inquiry!.version,
        reason: values.reason.trim(),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['inquiries'] });
      void message.success(t('inquiries.declined'));
      form.resetFields();
      onClose();
    },
    onError,
  });
  return (
    <Modal
      open={inquiry !== null}
      title={t('inquiries.decline.title', { reference: inquiry?.reference ?? '' })}
      okText={t('inquiries.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decline.isPending}
      forceRender
    >
      <Form form={form} name="inquiry-decline" layout="vertical" onFinish={(v) => decline.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('inquiries.declineReason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, max: 500, message: t('inquiries.decline.reasonRule') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
