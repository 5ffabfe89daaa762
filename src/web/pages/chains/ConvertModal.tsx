import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { SOURCE_CHANNELS, type SourceChannel } from '../projects/types';
import { useChainMutation } from './hooks';
import type { Target } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

interface Values {
  name: string;
  totalInvestmentWan: string;
  sourceChannel: SourceChannel;
}

interface Result {
  project: { id: string; code: string; name: string };
}

/** 转为项目: turns a target into a project in 洽谈 on the target's segment. */
export function ConvertModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  useEffect(() => {
    if (target) form.setFieldsValue({ name: `${target.enterprise.name}项目`, sourceChannel: '以商招商' });
  }, [target, form]);
  const convert = useChainMutation((values: Values) =>
    api.post<Result>(`/api/targets/${target!.id}/convert`, { ...values, version: target!.version }),
  );
  return (
    <Modal
      open={Boolean(target)}
      title={t('chains.convert.title', { name: target?.enterprise.name ?? '' })}
      okText={t('chains.convert.submit')}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      onOk={() =>
        form.validateFields().then((values) =>
          convert.mutate(values, {
            onError: showError,
            onSuccess: (result) => {
              onClose();
              void message.success({
                content: (
                  <span>
                    {t('chains.convert.done', { code: result.project.code })}{' '}
                    <a onClick={() => navigate(`/projects/${result.project.id}`)}>{t('chains.convert.open')}</a>
                  </span>
                ),
                duration: 8,
              });
            },
          }),
        )
      }
      destroyOnHidden
    >
      <p>{t('chains.convert.hint')}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('chains.convert.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="totalInvestmentWan"
          label={t('chains.convert.investment')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: WAN_AMOUNT, message: t('chains.convert.investmentRule') },
          ]}
        >
          <Input suffix={t('unit.wan')} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="sourceChannel" label={t('chains.convert.channel')}>
          <Select options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourceChannel.${c}` as never) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
