import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import type { TSecurityPolicy as SecurityPolicy } from '../../../server/modules/security/schema';
import { useShowError } from '../../api/useApiError';
import { useLang, type MessageKey } from '../../i18n';

export const POLICY_KEY = ['security', 'policy'] as const;

type PolicyValues = Omit<SecurityPolicy, 'version'>;

/** Numeric settings with the lowest value each accepts (the server checks them again). */
const NUMBERS: { name: keyof PolicyValues; label: MessageKey; min: number; max: number }[] = [
  { name: 'passwordMinLength', label: 'security.passwordMinLength', min: 12, max: 128 },
  { name: 'passwordHistory', label: 'security.passwordHistory', min: 5, max: 24 },
  { name: 'sessionIdleMinutes', label: 'security.sessionIdleMinutes', min: 1, max: 1440 },
  { name: 'sessionTtlHours', label: 'security.sessionTtlHours', min: 1, max: 720 },
  { name: 'maxFailedLogins', label: 'security.maxFailedLogins', min: 3, max: 20 },
  { name: 'lockMinutes', label: 'security.lockMinutes', min: 1, max: 1440 },
];

/** The password and session policy; a save against an older version is refused and the latest shown. */
export function PolicyCard() {
  const { t, lang } = useLang();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PolicyValues>();
  const [conflict, setConflict] = useState(false);
  const { data: policy, isPending } = useQuery({
    queryKey: POLICY_KEY,
    queryFn: () => api.get<SecurityPolicy>('/api/security/policy'),
  });

  useEffect(() => {
    if (policy) form.setFieldsValue(policy);
  }, [policy, form]);

  const save = useMutation({
    mutationFn: (values: PolicyValues) =>
      api.put<SecurityPolicy>('/api/security/policy', { ...values, version: policy!.version }),
    onSuccess: (saved) => {
      setConflict(false);
      client.setQueryData(POLICY_KEY, saved);
      void message.success(t('common.saved'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        void client.invalidateQueries({ queryKey: POLICY_KEY });
      } else if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  return (
    <Card title={t('security.policy')}>
      {isPending ? (
        <Skeleton active />
      ) : (
        <>
          {conflict && (
            <Alert type="warning" showIcon title={t('security.conflict')} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Form<PolicyValues>
            form={form}
            layout="horizontal"
            labelCol={{ flex: '220px' }}
            onFinish={(values) => save.mutate(values)}
            style={{ maxWidth: 560 }}
            name="security-policy"
          >
            {NUMBERS.map((n) => (
              <Form.Item
                key={n.name}
                name={n.name}
                label={t(n.label)}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={n.min} max={n.max} precision={0} style={{ width: 140 }} />
              </Form.Item>
            ))}
            <Form.Item
              name="mfaRequired"
              label={t('security.mfaRequired')}
              valuePropName="checked"
              extra={t('security.mfaRequiredHint')}
            >
              <Switch />
            </Form.Item>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
    </Card>
  );
}
