import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { MainLayout } from '../layout/MainLayout';
import { NotFound } from '../components/NotFound';
import { ComingSoon } from '../components/ComingSoon';
import { PageLoading } from '../components/PageLoading';
import { useSignedInUser } from './auth';
import { leafFeatures } from './features';
import { RegionProvider } from './region';

const UsersPage = lazy(() => import('../pages/admin/UsersPage'));
const UnitsPage = lazy(() => import('../pages/admin/UnitsPage'));

/** Built pages by path; the rest of the menu shows "coming soon" until its feature lands. */
const BUILT: Record<string, React.ComponentType> = {
  '/admin/users': UsersPage,
  '/admin/units': UnitsPage,
};

export default function SignedInApp() {
  const me = useSignedInUser();
  const pages = leafFeatures().filter((f) => !f.adminOnly || me.role === 'admin');
  return (
    <RegionProvider>
      <MainLayout>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<Navigate to="/dashboard" replace />} />
            {pages.map((f) => {
              const Page = BUILT[f.path];
              return (
                <Route
                  key={f.path}
                  path={f.path.slice(1)}
                  element={Page ? <Page /> : <ComingSoon feature={f.label} />}
                />
              );
            })}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </MainLayout>
    </RegionProvider>
  );
}
