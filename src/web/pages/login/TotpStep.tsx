import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../api/useApiError';
import { useLogout, useVerifyTotp } from '../../app/auth';
import { useT } from '../../i18n';

/** One-time recovery codes look like `abcde-fghij` (lower-case base32). */
const RECOVERY_CODE = /^[a-z2-7]{5}-[a-z2-7]{5}$/;

/**
 * The second sign-in step: the password was accepted and the account has two-factor on. Takes the
 * authenticator's 6-digit code, or (after the switch link) one of the recovery codes.
 */
export function TotpStep({ onVerified }: { onVerified: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const verify = useVerifyTotp();
  const logout = useLogout();
  const errorText = useErrorText();

  const switchMode = () => {
    setUseRecovery((r) => !r);
    form.resetFields();
    verify.reset();
  };

  const submit = ({ code }: { code: string }) =>
    verify.mutate(useRecovery ? code.trim().toLowerCase() : code.trim(), {
      onSuccess: onVerified,
      onError: () => form.setFieldValue('code', ''),
    });

  return (
    <>
      <h2 style={{ fontSize: 16, margin: '0 0 4px' }}>
        <SafetyOutlined /> {t('login.totp.title')}
      </h2>
      <p style={{ color: '#6b7280', marginTop: 0 }}>{t(useRecovery ? 'login.totp.recoveryHint' : 'login.totp.hint')}</p>
      {verify.isError && (
        <Alert type="error" showIcon title={errorText(verify.error)} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        {useRecovery ? (
          <Form.Item
            key="recovery"
            name="code"
            label={t('login.totp.recovery')}
            rules={[
              {
                required: true,
                transform: (v: string | undefined) => v?.trim().toLowerCase(),
                pattern: RECOVERY_CODE,
                message: t('login.totp.recoveryRequired'),
              },
            ]}
          >
            <Input autoComplete="off" autoFocus placeholder="xxxxx-xxxxx" maxLength={11} spellCheck={false} />
          </Form.Item>
        ) : (
          <Form.Item
            key="code"
            name="code"
            label={t('login.totp.code')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totp.codeRequired') }]}
          >
            <Input autoComplete="one-time-code" inputMode="numeric" autoFocus placeholder="123456" maxLength={6} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={verify.isPending}>
            {t('login.totp.verify')}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', margin: '-8px 0 12px' }}>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={switchMode}>
          {t(useRecovery ? 'login.totp.useCode' : 'login.totp.useRecovery')}
        </Button>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => logout.mutate()}>
          {t('login.totp.otherAccount')}
        </Button>
      </div>
    </>
  );
}
