import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useRegionOptions } from '../../layout/RegionPicker';
import { IndustryFields } from './IndustryFields';
import { ENTERPRISE_TAGS, type Enterprise, type EnterpriseTag } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

interface Values {
  name: string;
  creditCode?: string;
  registeredCapitalWan?: string;
  hqCountry: string;
  hqRegionCode?: string;
  industrySection?: string;
  industryDivision?: string;
  tags: EnterpriseTag[];
}

interface Props {
  enterprise: Enterprise | null;
  open: boolean;
  onClose: () => void;
  onSaved?: (enterprise: Enterprise) => void;
}

/** Registers an enterprise (enterprise = null) or edits one; the server checks the credit code. */
export function EnterpriseFormModal({ enterprise, open, onClose, onSaved }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { options: regionOptions } = useRegionOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      enterprise
        ? {
            name: enterprise.name,
            creditCode: enterprise.creditCode ?? undefined,
            registeredCapitalWan: enterprise.registeredCapitalWan ?? undefined,
            hqCountry: enterprise.hqCountry.code,
            hqRegionCode: enterprise.hqRegion?.code,
            industrySection: enterprise.industrySection?.code,
            industryDivision: enterprise.industryDivision?.code,
            tags: enterprise.tags,
          }
        : { hqCountry: 'CN', tags: [] },
    );
  }, [open, enterprise, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name,
        creditCode: values.creditCode?.trim() || null,
        registeredCapitalWan: values.registeredCapitalWan?.trim() || null,
        hqCountry: values.hqCountry,
        hqRegionCode: values.hqRegionCode ?? null,
        industrySection: values.industrySection ?? null,
        industryDivision: values.industryDivision ?? null,
        tags: values.tags ?? [],
      };
      return enterprise
        ? api.patch<Enterprise>(`/api/enterprises/${enterprise.id}`, { version: enterprise.version, ...body })
        : api.post<Enterprise>('/api/enterprises', body);
    },
    onSuccess: (saved) => {
      void message.success(t(enterprise ? 'common.saved' : 'common.created'));
      void client.invalidateQueries({ queryKey: ['enterprises'] });
      onSaved?.(saved);
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
      if (err instanceof ApiError && err.status === 409 && err.code === 'VERSION_CONFLICT')
        void client.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });

  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      title={t(enterprise ? 'enterprises.edit' : 'enterprises.create')}
      open={open}
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
      width={640}
    >
      <Form form={form} layout="vertical" name="enterprise-form">
        <Form.Item name="name" label={t('enterprises.name')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('enterprises.creditCode')} extra={t('enterprises.creditCodeHint')}>
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="registeredCapitalWan"
          label={t('enterprises.capital')}
          rules={[{ pattern: WAN_AMOUNT, message: t('form.amountRule') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="hqCountry" label={t('enterprises.hqCountry')} rules={[required]}>
          <Input maxLength={2} style={{ width: 100, textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="hqRegionCode" label={t('enterprises.hqRegion')}>
          <TreeSelect
            allowClear
            treeData={regionOptions}
            placeholder={t('units.regionPlaceholder')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <IndustryFields />
        <Form.Item name="tags" label={t('enterprises.tags')}>
          <Select
            mode="multiple"
            options={ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: t(`enterpriseTag.${tag}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
