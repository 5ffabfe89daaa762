import { Space } from 'antd';
import { useT } from '../../i18n';
import { LockedUsersCard } from './LockedUsersCard';
import { PolicyCard } from './PolicyCard';

/** 安全策略: the security administrator's page (action security.manage). */
export default function SecurityPage() {
  const t = useT();
  return (
    <>
      <h2 className="zs-page-title">{t('security.title')}</h2>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PolicyCard />
        <LockedUsersCard />
      </Space>
    </>
  );
}
