import { ToolOutlined } from '@ant-design/icons';
import { Card, Empty } from 'antd';
import { useT, type MessageKey } from '../i18n';

/** The clean empty state of a menu page whose feature is not built yet. */
export function ComingSoon({ feature }: { feature: MessageKey }) {
  const t = useT();
  const name = t(feature);
  return (
    <>
      <h2 className="zs-page-title">{name}</h2>
      <Card>
        <Empty
          style={{ padding: '64px 0' }}
          image={<ToolOutlined style={{ fontSize: 56, color: '#9ca3af' }} />}
          description={
            <>
              <div style={{ fontSize: 16, color: '#374151', marginBottom: 4 }}>{t('comingSoon.title')}</div>
              <div style={{ color: '#6b7280' }}>{t('comingSoon.description', { feature: name })}</div>
            </>
          }
        />
      </Card>
    </>
  );
}
