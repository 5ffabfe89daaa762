import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLang } from '../../i18n';
import { ListsTab, ReservationsTab } from './ListsTab';
import { MatchTab } from './MatchTab';
import { BuildingsTab, FundsTab, QuotasTab } from './OtherLibraryTabs';
import { ParcelsTab } from './ParcelsTab';

const TABS = ['parcels', 'buildings', 'funds', 'quotas', 'match', 'reservations', 'lists'] as const;
type TabKey = (typeof TABS)[number];

/** 要素资源: the supply library, matching to a project's demand, holds and the lists the seeds ask for. */
export default function FactorsPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'parcels';
  const content: Record<TabKey, React.ReactNode> = {
    parcels: <ParcelsTab />,
    buildings: <BuildingsTab />,
    funds: <FundsTab />,
    quotas: <QuotasTab />,
    match: <MatchTab />,
    reservations: <ReservationsTab />,
    lists: <ListsTab />,
  };
  return (
    <>
      <h2 className="zs-page-title">{t('factors.title')}</h2>
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={TABS.map((key) => ({ key, label: t(`factors.tab.${key}`), children: content[key] }))}
        />
      </Card>
    </>
  );
}
