import { Alert, Button, Form, Input, QRCode, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useErrorText } from '../../api/useApiError';
import { useTotpEnable, useTotpSetup } from '../../app/auth';
import { useT } from '../../i18n';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/**
 * Two-factor enrolment: a fresh secret as a QR code (and as text for manual entry), confirmed with a
 * code from the app; then the recovery codes, once. `onDone` runs after the person confirms they saved
 * them — not before, because a session that owed the enrolment leaves this page as soon as the user is
 * refreshed.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  // One secret per visit: a second setup call (React's development double effect) would replace the first.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (codes) return <RecoveryCodesPanel codes={codes} onSaved={onDone} />;
  if (setup.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(setup.error)}
        action={
          <Button size="small" onClick={() => setup.mutate()}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  if (!setup.data) return <Spin style={{ display: 'block', margin: '24px auto' }} />;

  const confirm = ({ code }: { code: string }) =>
    enable.mutate(code.trim(), {
      onSuccess: (answer) => setCodes(answer.recoveryCodes),
      onError: () => form.setFieldValue('code', ''),
    });

  return (
    <div data-testid="totp-enrolment">
      <p style={{ margin: '0 0 8px' }}>{t('account.enrol.scan')}</p>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <QRCode value={setup.data.uri} size={168} bordered />
        <div style={{ flex: 1, minWidth: 160 }}>
          <div style={{ color: '#6b7280' }}>{t('account.enrol.secret')}</div>
          <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {setup.data.secret}
          </Typography.Text>
        </div>
      </div>
      <p style={{ margin: '0 0 8px' }}>{t('account.enrol.confirmHint')}</p>
      {enable.isError && (
        <Alert type="error" showIcon title={errorText(enable.error)} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form form={form} layout="inline" onFinish={confirm} requiredMark={false}>
        <Form.Item
          name="code"
          label={t('login.totp.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totp.codeRequired') }]}
        >
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending}>
            {t('account.enrol.confirm')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
