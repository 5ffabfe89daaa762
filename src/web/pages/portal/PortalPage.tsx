import { LoginOutlined } from '@ant-design/icons';
import { Card, Layout, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LangSwitch } from '../../components/LangSwitch';
import { useLang } from '../../i18n';
import { InquiryTab } from './InquiryTab';
import { PublicRankingTab } from './PublicRankingTab';
import { SupplyTab } from './SupplyTab';
import type { ChosenItem } from './types';

type TabKey = 'supply' | 'ranking' | 'inquiry';

/** 招商引资服务门户: what an investor may see and say without an account. */
export default function PortalPage() {
  const { t } = useLang();
  const [tab, setTab] = useState<TabKey>('supply');
  const [chosen, setChosen] = useState<ChosenItem | null>(null);

  const enquire = (item: ChosenItem) => {
    setChosen(item);
    setTab('inquiry');
    window.scrollTo({ top: 0 });
  };

  return (
    <Layout className="zs-portal">
      <Layout.Header className="zs-portal-header">
        <span className="zs-logo-mark">{t('app.shortTitle')}</span>
        <h1 className="zs-portal-title">{t('portal.title')}</h1>
        <span style={{ flex: 1 }} />
        <span className="zs-portal-lang">
          <LangSwitch />
        </span>
        <Link to="/login" className="zs-portal-staff">
          <LoginOutlined /> {t('portal.staffSignIn')}
        </Link>
      </Layout.Header>
      <Layout.Content className="zs-portal-content">
        <p className="zs-portal-intro">{t('portal.intro')}</p>
        <Card>
          {/* Tabs stay mounted so what a visitor typed survives a look at another tab. */}
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              { key: 'supply', label: t('portal.tab.supply'), children: <SupplyTab onEnquire={enquire} /> },
              { key: 'ranking', label: t('portal.tab.ranking'), children: <PublicRankingTab /> },
              {
                key: 'inquiry',
                label: t('portal.tab.inquiry'),
                children: <InquiryTab item={chosen} onClearItem={() => setChosen(null)} />,
              },
            ]}
          />
        </Card>
      </Layout.Content>
      <Layout.Footer className="zs-portal-footer">{t('portal.footer')}</Layout.Footer>
    </Layout>
  );
}
