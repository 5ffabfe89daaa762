import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { LangProvider, useLang } from '../i18n';
import { useMe } from './auth';
import { queryClient } from './queryClient';
import { theme } from './theme';

// Everything behind the sign-in page loads on demand, so the first paint needs only this shell.
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const PortalPage = lazy(() => import('../pages/portal/PortalPage'));
const SignedInApp = lazy(() => import('./SignedInApp'));

/** Shows its children to a signed-in user and sends anyone else to /login, remembering where they were. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
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
