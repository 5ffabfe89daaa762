import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLang } from '../../i18n';
import { AgreementsTab } from './AgreementsTab';
import { ReviewsTab } from './ReviewsTab';
import { TicketsTab } from './TicketsTab';
import { VisitsTab } from './VisitsTab';

const TABS = ['tickets', 'reviews', 'agreements', 'visits'] as const;

/** 服务台账: tickets and department figures, reviews, agreements and performance, enterprise visits. */
export default function ServicesPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'tickets';
  return (
    <>
      <h2 className="zs-page-title">{t('services.title')}</h2>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'tickets', label: t('services.tab.tickets'), children: <TicketsTab /> },
          { key: 'reviews', label: t('services.tab.reviews'), children: <ReviewsTab /> },
          { key: 'agreements', label: t('services.tab.agreements'), children: <AgreementsTab /> },
          { key: 'visits', label: t('services.tab.visits'), children: <VisitsTab /> },
        ]}
      />
    </>
  );
}
