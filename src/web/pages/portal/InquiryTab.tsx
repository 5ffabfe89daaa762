import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Result, Row, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { usePublicRegionOptions } from './hooks';
import type { ChosenItem, InquiryReceipt, InquiryRequest } from './types';
import { WAN_AMOUNT } from '../../../domain/money';

interface Values {
  company: string;
  contactName: string;
  phone: string;
  email?: string;
  regionCode?: string;
  industry?: string;
  investmentWan?: string;
  landMu?: string;
  message: string;
}

/** An optional text as the API wants it: trimmed, and null when empty. */
const optional = (value: string | undefined) => value?.trim() || null;

// 亩 as the server accepts it: up to two decimals.
const AREA = /^\d{1,10}(\.\d{1,2})?$/;

/** 投资意向: an investor states a plan, about a chosen parcel/building or a region, and gets a reference. */
export function InquiryTab({ item, onClearItem }: { item: ChosenItem | null; onClearItem: () => void }) {
  const { t, lang } = useLang();
  const showError = useShowError();
  const { options, loading, nameByCode } = usePublicRegionOptions();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<InquiryReceipt | null>(null);

  const submit = useMutation({
    mutationFn: (values: Values) => {
      const body: InquiryRequest = {
        company: values.company.trim(),
        contactName: values.contactName.trim(),
        phone: values.phone.trim(),
        email: optional(values.email),
        industry: optional(values.industry),
        investmentWan: optional(values.investmentWan),
        landMu: optional(values.landMu),
        message: values.message.trim(),
        ...(item ? { item: { kind: item.kind, id: item.id } } : { regionCode: values.regionCode ?? null }),
      };
      return api.post<InquiryReceipt>('/api/public/inquiries', body);
    },
    onSuccess: (answer) => {
      setReceipt(answer);
      window.scrollTo({ top: 0 });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('portal.inquiry.received')}
        subTitle={
          <>
            <div>
              {t('portal.inquiry.reference')}{' '}
              <Typography.Text strong copyable data-testid="inquiry-reference">
                {receipt.reference}
              </Typography.Text>
            </div>
            <div>{t('portal.inquiry.contactSoon')}</div>
          </>
        }
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              onClearItem();
              setReceipt(null);
            }}
          >
            {t('portal.inquiry.another')}
          </Button>
        }
      />
    );
  }

  const required = { required: true, whitespace: true, message: t('common.required') };
  const amount = { pattern: WAN_AMOUNT, message: t('portal.inquiry.decimalRule') };
  const area = { pattern: AREA, message: t('portal.inquiry.decimalRule') };

  return (
    <Form<Values>
      form={form}
      name="inquiry"
      layout="vertical"
      onFinish={(v) => submit.mutate(v)}
      style={{ maxWidth: 860 }}
    >
      <Typography.Paragraph type="secondary">{t('portal.inquiry.hint')}</Typography.Paragraph>
      {item ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="inquiry-item"
          title={t('portal.inquiry.about')}
          description={`${t(`portal.supply.kind.${item.kind}`)} ${item.code} · ${item.name} · ${nameByCode(item.region)}`}
          action={
            <Button size="small" onClick={onClearItem}>
              {t('portal.inquiry.clearItem')}
            </Button>
          }
        />
      ) : (
        <Form.Item
          name="regionCode"
          label={t('portal.inquiry.region')}
          extra={t('portal.inquiry.regionHint')}
          rules={[{ required: true, message: t('portal.inquiry.regionRequired') }]}
        >
          <TreeSelect
            style={{ maxWidth: 400 }}
            placeholder={t('portal.supply.regionPlaceholder')}
            loading={loading}
            treeData={options}
            showSearch={{ treeNodeFilterProp: 'title' }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="company" label={t('portal.inquiry.company')} rules={[required, { min: 2, max: 100 }]}>
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('portal.inquiry.industry')}>
            <Input maxLength={100} placeholder={t('portal.inquiry.industryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={t('portal.inquiry.contactName')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {/* The format is the server's to judge (mobile or landline); its message lands here. */}
          <Form.Item name="phone" label={t('portal.inquiry.phone')} rules={[required]}>
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="email"
            label={t('portal.inquiry.email')}
            rules={[{ type: 'email', message: t('portal.inquiry.emailRule') }]}
          >
            <Input maxLength={200} autoComplete="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="investmentWan" label={t('portal.inquiry.investmentWan')} rules={[amount]}>
            <Input inputMode="decimal" suffix={t('unit.wan')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="landMu" label={t('portal.inquiry.landMu')} rules={[area]}>
            <Input inputMode="decimal" suffix={t('unit.mu')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="message"
        label={t('portal.inquiry.message')}
        rules={[required, { min: 10, message: t('portal.inquiry.messageRule') }]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('portal.inquiry.messagePlaceholder')} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t('portal.inquiry.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
