import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { MainLayout } from '../layout/MainLayout';
import { NotFound } from '../components/NotFound';
import { ComingSoon } from '../components/ComingSoon';
import { PageLoading } from '../components/PageLoading';
import { useSignedInUser } from './auth';
import { landingPath, leafFeatures, permittedFeatures } from './features';
import { actionsOfMe } from './permissions';
import { RegionProvider } from './region';

const UsersPage = lazy(() => import('../pages/admin/UsersPage'));
const UnitsPage = lazy(() => import('../pages/admin/UnitsPage'));
const RegionsPage = lazy(() => import('../pages/admin/RegionsPage'));
const ProjectDatabasePage = lazy(() => import('../pages/projects/ProjectDatabasePage'));
const ProjectPage = lazy(() => import('../pages/projects/ProjectPage'));
const KanbanPage = lazy(() => import('../pages/projects/KanbanPage'));
const StalledPage = lazy(() => import('../pages/projects/StalledPage'));
const OverduePage = lazy(() => import('../pages/projects/OverduePage'));
const EnterprisesPage = lazy(() => import('../pages/enterprises/EnterprisesPage'));
const PoliciesPage = lazy(() => import('../pages/policies/PoliciesPage'));
const FactorsPage = lazy(() => import('../pages/factors/FactorsPage'));
const ServicesPage = lazy(() => import('../pages/services/ServicesPage'));
const CoordinationPage = lazy(() => import('../pages/coordination/CoordinationPage'));
const ChainsPage = lazy(() => import('../pages/chains/ChainsPage'));
const ChainPage = lazy(() => import('../pages/chains/ChainPage'));
const CatalogsPage = lazy(() => import('../pages/chains/CatalogsPage'));
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage'));
const DrillPage = lazy(() => import('../pages/dashboard/DrillPage'));
const AssessmentPage = lazy(() => import('../pages/assessment/AssessmentPage'));
const ActivitiesPage = lazy(() => import('../pages/activities/ActivitiesPage'));
const PartnersPage = lazy(() => import('../pages/partners/PartnersPage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));
const InquiriesPage = lazy(() => import('../pages/inquiries/InquiriesPage'));
const SecurityPage = lazy(() => import('../pages/security/SecurityPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));
const AccountSecurityPage = lazy(() => import('../pages/account/AccountSecurityPage'));

/** Built pages by path; the rest of the menu shows "coming soon" until its feature lands. */
const BUILT: Record<string, React.ComponentType> = {
  '/admin/users': UsersPage,
  '/admin/units': UnitsPage,
  '/admin/regions': RegionsPage,
  '/projects/planned': ProjectDatabasePage,
  '/projects/negotiating': ProjectDatabasePage,
  '/projects/intent': ProjectDatabasePage,
  '/projects/signed': ProjectDatabasePage,
  '/projects/landed': ProjectDatabasePage,
  '/enterprises': EnterprisesPage,
  '/policies': PoliciesPage,
  '/factors': FactorsPage,
  '/services': ServicesPage,
  '/coordination': CoordinationPage,
  '/chains': ChainsPage,
  '/dashboard': DashboardPage,
  '/assessment': AssessmentPage,
  '/activities': ActivitiesPage,
  '/partners': PartnersPage,
  '/notifications': NotificationsPage,
  '/inquiries': InquiriesPage,
  '/security': SecurityPage,
  '/audit': AuditPage,
};

/** Pages reached by links rather than the menu (static paths win over `:id` in React Router). */
const HIDDEN: Record<string, React.ComponentType> = {
  '/projects/kanban': KanbanPage,
  '/projects/stalled': StalledPage,
  '/projects/overdue': OverduePage,
  '/projects/:id': ProjectPage,
  '/chains/catalogs': CatalogsPage,
  '/chains/:id': ChainPage,
  '/dashboard/drill': DrillPage,
  '/account/security': AccountSecurityPage,
};

export default function SignedInApp() {
  const me = useSignedInUser();
  const actions = actionsOfMe(me);
  // Only the pages the user's actions allow are routed: another path answers "not found".
  const pages = leafFeatures(permittedFeatures(actions));
  return (
    <RegionProvider>
      <MainLayout>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<Navigate to={landingPath(actions)} replace />} />
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
            {Object.entries(HIDDEN).map(([path, Page]) => (
              <Route key={path} path={path.slice(1)} element={<Page />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </MainLayout>
    </RegionProvider>
  );
}
