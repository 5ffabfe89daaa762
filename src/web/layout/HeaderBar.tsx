import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { findRegion, useRegionTree } from '../app/region';
import { useLogout, useSignedInUser } from '../app/auth';
import { mayDo } from '../app/permissions';
import { LangSwitch } from '../components/LangSwitch';
import { useLang } from '../i18n';
import { ChangePasswordModal } from './ChangePasswordModal';
import { NotificationBell } from './NotificationBell';
import { RegionPicker } from './RegionPicker';

export function HeaderBar() {
  const { t, nameOf } = useLang();
  const me = useSignedInUser();
  const { data: tree } = useRegionTree();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);

  const ownRegion = findRegion(tree, me.region.code);
  const regionName = ownRegion ? nameOf(ownRegion) : me.region.name;

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('header.signedOut'));
        navigate('/login', { replace: true });
      },
    });

  return (
    <Layout.Header className="zs-header">
      {/* the region being browsed matters only to roles that read business data */}
      {mayDo(me, 'read') && <RegionPicker />}
      <div className="zs-header-spacer" />
      <LangSwitch />
      <NotificationBell />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
            { key: 'security', icon: <SafetyOutlined />, label: t('header.accountSecurity') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
          ],
          onClick: ({ key }) =>
            key === 'logout'
              ? signOut()
              : key === 'security'
                ? navigate('/account/security')
                : setChangingPassword(true),
        }}
      >
        <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1559b8' }} />
          <span className="zs-user">
            <span className="zs-user-name">{me.displayName}</span>
            <span className="zs-user-meta">
              {me.unit.name} · {regionName}
            </span>
          </span>
          <DownOutlined style={{ fontSize: 10, color: '#6b7280' }} />
        </Space>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout.Header>
  );
}
