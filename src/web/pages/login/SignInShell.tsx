import { Card } from 'antd';
import type { ReactNode } from 'react';
import { LangSwitch } from '../../components/LangSwitch';
import { useT } from '../../i18n';

/**
 * The sign-in page's frame: brand, language switch and one card. The steps a session may owe after the
 * password (second factor, forced password change, two-factor enrolment) use it too, so they read as
 * part of signing in rather than as the app.
 */
export function SignInShell({
  subtitle,
  width = 400,
  children,
}: {
  subtitle: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="zs-login">
      <div className="zs-login-card" style={{ width }}>
        <Card variant="borderless" styles={{ body: { padding: '28px 32px 12px' } }}>
          <div className="zs-login-lang">
            <LangSwitch />
          </div>
          <div className="zs-login-head">
            <span className="zs-logo-mark" style={{ width: 48, height: 48, fontSize: 20, margin: '0 auto' }}>
              {t('app.shortTitle')}
            </span>
            <h1>{t('app.title')}</h1>
            <div style={{ color: '#6b7280' }}>{subtitle}</div>
          </div>
          {children}
        </Card>
        <div className="zs-login-footer">{t('login.footer')}</div>
      </div>
    </div>
  );
}
