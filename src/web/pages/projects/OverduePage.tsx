import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useLang } from '../../i18n';

interface OverdueUnit {
  unit: { id: string; name: string };
  region: { code: string; name: string };
  projects: { id: string; code: string; name: string }[];
}

interface Overdue {
  month: string;
  dueDate: string;
  units: OverdueUnit[];
}

/** 逾期未报: per unit, the projects whose monthly report for the month is past due. */
export default function OverduePage() {
  const { t } = useLang();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const { data, isFetching } = useQuery({
    queryKey: ['reports', 'overdue', month.format('YYYY-MM')],
    queryFn: () => api.get<Overdue>('/api/reports/overdue', { month: month.format('YYYY-MM') }),
  });
  return (
    <>
      <h2 className="zs-page-title">{t('overdue.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Space>
            <span>{t('report.month')}</span>
            <DatePicker picker="month" allowClear={false} value={month} onChange={(m) => m && setMonth(m)} />
          </Space>
          {data && <Typography.Text type="secondary">{t('overdue.dueDate', { date: data.dueDate })}</Typography.Text>}
        </div>
        <Table<OverdueUnit>
          rowKey={(u) => u.unit.id}
          size="middle"
          loading={isFetching}
          dataSource={data?.units}
          locale={{ emptyText: t('overdue.none') }}
          columns={[
            { title: t('overdue.unit'), width: 240, render: (_, u) => u.unit.name },
            { title: t('overdue.region'), width: 140, render: (_, u) => u.region.name },
            { title: t('overdue.count'), width: 100, render: (_, u) => <Tag color="red">{u.projects.length}</Tag> },
            {
              title: t('overdue.projects'),
              render: (_, u) => (
                <Space wrap>
                  {u.projects.map((p) => (
                    <Link key={p.id} to={`/projects/${p.id}`}>
                      {p.code} {p.name}
                    </Link>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
