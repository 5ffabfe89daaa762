import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useErrorText } from '../../api/useApiError';
import { useLogin, useMe } from '../../app/auth';
import { LangSwitch } from '../../components/LangSwitch';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../i18n';

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

  if (isPending) return <PageLoading />;
  if (me) return <Navigate to={target} replace />;

  const submit = (values: Values) => login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });

  return (
    <div className="zs-login">
      <div className="zs-login-card">
        <Card variant="borderless" styles={{ body: { padding: '28px 32px 12px' } }}>
          <div className="zs-login-lang">
            <LangSwitch />
          </div>
          <div className="zs-login-head">
            <span className="zs-logo-mark" style={{ width: 48, height: 48, fontSize: 20, margin: '0 auto' }}>
              {t('app.shortTitle')}
            </span>
            <h1>{t('app.title')}</h1>
            <div style={{ color: '#6b7280' }}>{t('login.title')}</div>
          </div>
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
        </Card>
        <div className="zs-login-footer">{t('login.footer')}</div>
      </div>
    </div>
  );
}
