import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useErrorText } from '../../api/useApiError';
import { useLogin, useMe } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../i18n';
import { SignInShell } from './SignInShell';
import { TotpStep } from './TotpStep';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  const proceed = () => navigate(target, { replace: true });

  if (isPending) return <PageLoading />;
  // The password was right and a second factor is owed: this page asks for it (also after a reload).
  if (me?.pending === 'totp')
    return (
      <SignInShell subtitle={me.displayName}>
        <TotpStep onVerified={proceed} />
      </SignInShell>
    );
  // Signed in; any other owed step (password change, enrolment) is shown by the signed-in guard.
  if (me) return <Navigate to={target} replace />;

  const submit = (values: Values) =>
    login.mutate(values, { onSuccess: (signedIn) => signedIn.pending !== 'totp' && proceed() });

  return (
    <SignInShell subtitle={t('login.title')}>
      {login.isError && (
        <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form<Values> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form.Item>
      </Form>
      <div className="zs-login-portal">
        <Link to="/portal">
          <GlobalOutlined /> {t('portal.link')}
        </Link>
      </div>
    </SignInShell>
  );
}
