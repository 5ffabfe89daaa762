import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { LangProvider, useLang } from '../i18n';
import { useMe, useStepRequiredWatch } from './auth';
import { queryClient } from './queryClient';
import { theme } from './theme';

// Everything behind the sign-in page loads on demand, so the first paint needs only this shell.
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const PortalPage = lazy(() => import('../pages/portal/PortalPage'));
const SignedInApp = lazy(() => import('./SignedInApp'));
const ForcedPasswordPage = lazy(() => import('../pages/account/ForcedPasswordPage'));
const EnrolRequiredPage = lazy(() => import('../pages/account/EnrolRequiredPage'));

/**
 * Shows its children to a signed-in user and sends anyone else to /login, remembering where they were.
 * A session that still owes a step sees only that step: the second factor (on the sign-in page), a
 * forced password change, or a required two-factor enrolment — the server refuses everything else.
 */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  useStepRequiredWatch();
  if (isPending) return <PageLoading />;
  const from = { from: location.pathname + location.search };
  if (!me || me.pending === 'totp') return <Navigate to="/login" replace state={from} />;
  if (me.pending === 'change-password') return <ForcedPasswordPage />;
  if (me.pending === 'enrol-totp') return <EnrolRequiredPage />;
  return children;
}

function LocalisedApp() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/portal" element={<PortalPage />} />
              <Route
                path="/*"
                element={
                  <RequireSignIn>
                    <SignedInApp />
                  </RequireSignIn>
                }
              />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <LocalisedApp />
      </LangProvider>
    </QueryClientProvider>
  );
}
