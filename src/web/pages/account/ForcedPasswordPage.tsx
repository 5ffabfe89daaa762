import { Alert, App, Button, Form } from 'antd';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useChangePassword, useLogout, useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { SignInShell } from '../login/SignInShell';
import { PasswordFields, PasswordPolicy, type PasswordValues } from './PasswordFields';

/**
 * The password was set by an administrator (initial or reset): nothing else opens until it is changed.
 * A full page, not a dialog, so it cannot be dismissed; signing out is the only other way out.
 */
export default function ForcedPasswordPage() {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const logout = useLogout();
  const { message } = App.useApp();
  const showError = useShowError();

  const submit = (values: PasswordValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => void message.success(t('password.changed')),
        onError: (err) => {
          if (!applyFieldErrors(form, err, lang)) showError(err);
        },
      },
    );

  return (
    <SignInShell subtitle={me.displayName} width={460}>
      <h2 style={{ fontSize: 16, margin: '0 0 12px' }}>{t('account.forced.title')}</h2>
      <Alert type="warning" showIcon title={t('account.forced.why')} style={{ marginBottom: 16 }} />
      <PasswordPolicy />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <PasswordFields username={me.username} />
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('account.forced.submit')}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ textAlign: 'center', margin: '-8px 0 12px' }}>
        <Button type="link" size="small" onClick={() => logout.mutate()}>
          {t('header.signOut')}
        </Button>
      </div>
    </SignInShell>
  );
}
