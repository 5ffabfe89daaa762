import { Alert, Button } from 'antd';
import { useLogout, useRefreshMe, useSignedInUser } from '../../app/auth';
import { useT } from '../../i18n';
import { SignInShell } from '../login/SignInShell';
import { TotpEnrolment } from './TotpEnrolment';

/** The role must use two-factor and the user has not enrolled: nothing else opens until they do. */
export default function EnrolRequiredPage() {
  const t = useT();
  const me = useSignedInUser();
  const refreshMe = useRefreshMe();
  const logout = useLogout();
  return (
    <SignInShell subtitle={me.displayName} width={520}>
      <h2 style={{ fontSize: 16, margin: '0 0 12px' }}>{t('account.enrol.requiredTitle')}</h2>
      <Alert type="info" showIcon title={t('account.enrol.requiredWhy')} style={{ marginBottom: 16 }} />
      <TotpEnrolment onDone={() => void refreshMe()} />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        <Button type="link" size="small" onClick={() => logout.mutate()}>
          {t('header.signOut')}
        </Button>
      </div>
    </SignInShell>
  );
}
