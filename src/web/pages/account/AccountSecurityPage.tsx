import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useRefreshMe, useRegenerateRecoveryCodes, useSignedInUser, useTotpDisable } from '../../app/auth';
import { ChangePasswordModal } from '../../layout/ChangePasswordModal';
import { useLang } from '../../i18n';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpEnrolment } from './TotpEnrolment';

type PasswordAction = 'disable' | 'regenerate';

/**
 * 账号安全: the user's own password and two-factor sign-in. Two-factor is optional for most roles;
 * the off switch is hidden when the role must use it.
 */
export default function AccountSecurityPage() {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const refreshMe = useRefreshMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const disable = useTotpDisable();
  const regenerate = useRegenerateRecoveryCodes();
  const [enrolling, setEnrolling] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const [asking, setAsking] = useState<PasswordAction | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  // What this visit changed, for a server that does not (yet) say: then both ways are offered
  // until the user acts, and the server refuses what does not apply.
  const [changedHere, setChangedHere] = useState<boolean | undefined>(undefined);
  const enabled = me.totpEnabled ?? changedHere;

  const submitPassword = ({ password }: { password: string }) => {
    const onError = (err: unknown) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    };
    if (asking === 'disable')
      disable.mutate(password, {
        onSuccess: () => {
          void message.success(t('account.mfa.disabled'));
          setChangedHere(false);
          setAsking(null);
        },
        onError,
      });
    else
      regenerate.mutate(password, {
        onSuccess: (answer) => {
          setNewCodes(answer.recoveryCodes);
          setAsking(null);
        },
        onError,
      });
  };

  return (
    <>
      <h2 className="zs-page-title">{t('account.security.title')}</h2>
      <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
        <Card
          title={
            <>
              <SafetyOutlined /> {t('account.mfa.title')}{' '}
              {enabled !== undefined && (
                <Tag color={enabled ? 'green' : 'default'} data-testid="mfa-status">
                  {t(enabled ? 'account.mfa.on' : 'account.mfa.off')}
                </Tag>
              )}
            </>
          }
        >
          <p style={{ marginTop: 0, color: '#4b5563' }}>
            {t(me.mfaRequired ? 'account.mfa.requiredHint' : 'account.mfa.optionalHint')}
          </p>
          {newCodes ? (
            <RecoveryCodesPanel codes={newCodes} onSaved={() => setNewCodes(null)} />
          ) : enrolling ? (
            <TotpEnrolment
              onDone={() => {
                setEnrolling(false);
                setChangedHere(true);
                void message.success(t('account.mfa.enabled'));
                void refreshMe();
              }}
            />
          ) : (
            <Space wrap>
              {enabled !== true && (
                <Button type="primary" onClick={() => setEnrolling(true)}>
                  {t('account.enrol.start')}
                </Button>
              )}
              {enabled !== false && (
                <Button onClick={() => setAsking('regenerate')}>{t('account.recovery.regenerate')}</Button>
              )}
              {enabled !== false && !me.mfaRequired && (
                <Button danger onClick={() => setAsking('disable')}>
                  {t('account.mfa.disable')}
                </Button>
              )}
            </Space>
          )}
        </Card>
        <Card
          title={
            <>
              <KeyOutlined /> {t('password.title')}
            </>
          }
        >
          <Button onClick={() => setChangingPassword(true)}>{t('header.changePassword')}</Button>
        </Card>
      </Space>
      <Modal
        title={t(asking === 'disable' ? 'account.mfa.disable' : 'account.recovery.regenerate')}
        open={asking !== null}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: asking === 'disable' }}
        confirmLoading={disable.isPending || regenerate.isPending}
        destroyOnHidden
      >
        {asking === 'regenerate' && <p>{t('account.recovery.regenerateHint')}</p>}
        <Form form={form} layout="vertical" preserve={false} onFinish={submitPassword}>
          <Form.Item
            name="password"
            label={t('account.mfa.passwordToConfirm')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
