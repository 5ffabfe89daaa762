import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLang } from '../../i18n';
import { ActivitiesTab } from './ActivitiesTab';
import { DeploymentsTab } from './DeploymentsTab';
import { QuotasTab } from './QuotasTab';

const TABS = ['list', 'quotas', 'teams'] as const;

/** 招商活动: activities and trips, leaders' and localities' quota progress, stationed teams. */
export default function ActivitiesPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'list';
  return (
    <>
      <h2 className="zs-page-title">{t('act.title')}</h2>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'list', label: t('act.tab.list'), children: <ActivitiesTab /> },
          { key: 'quotas', label: t('act.tab.quotas'), children: <QuotasTab /> },
          { key: 'teams', label: t('act.tab.teams'), children: <DeploymentsTab /> },
        ]}
      />
    </>
  );
}
