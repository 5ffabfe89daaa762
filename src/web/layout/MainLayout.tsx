import {
  AimOutlined,
  AuditOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  BankOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSignedInUser } from '../app/auth';
import { permittedFeatures, type Feature } from '../app/features';
import { actionsOfMe } from '../app/permissions';
import { useT, type Translate } from '../i18n';
import { HeaderBar } from './HeaderBar';

const ICONS: Record<string, ReactNode> = {
  '/dashboard': <DashboardOutlined />,
  '/projects': <FolderOpenOutlined />,
  '/enterprises': <BankOutlined />,
  '/chains': <ApartmentOutlined />,
  '/factors': <EnvironmentOutlined />,
  '/inquiries': <MessageOutlined />,
  '/services': <CustomerServiceOutlined />,
  '/assessment': <AimOutlined />,
  '/policies': <FileTextOutlined />,
  '/notifications': <BellOutlined />,
  '/security': <SafetyCertificateOutlined />,
  '/audit': <AuditOutlined />,
  '/admin': <SettingOutlined />,
};

type MenuItem = Required<MenuProps>['items'][number];

/** The menu of the pages `features` holds (already cut to what the user may see: permittedFeatures). */
function toMenuItems(features: Feature[], t: Translate): MenuItem[] {
  return features.map((f) =>
    f.children
      ? { key: f.path, icon: ICONS[f.path], label: t(f.label), children: toMenuItems(f.children, t) }
      : {
          key: f.path,
          icon: ICONS[f.path] ?? (f.path.split('/').length > 2 ? undefined : <AppstoreOutlined />),
          label: t(f.label),
        },
  );
}

export function MainLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = useMemo(() => toMenuItems(permittedFeatures(actionsOfMe(me)), t), [t, me]);
  const parent = '/' + (pathname.split('/')[1] ?? '');
  const [openKeys, setOpenKeys] = useState<string[]>([parent]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={220}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div className="zs-logo">
          <span className="zs-logo-mark">{t('app.shortTitle')}</span>
          {!collapsed && <span className="zs-logo-text">{t('app.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[pathname]}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content className="zs-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
