import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSignedInUser } from '../../app/auth';
import { mayDo } from '../../app/permissions';
import { findRegion, useRegionTree } from '../../app/region';
import { useLang } from '../../i18n';
import { UnitSelect } from '../admin/UnitSelect';
import { ProjectLedgerCard } from './ProjectLedgerCard';
import { ProjectSelect } from './ProjectSelect';
import { TicketDrawer } from './TicketDrawer';
import { TicketFormModal } from './TicketFormModal';
import type { DepartmentFigure, TicketListItem } from './types';

/** Per department: opened, closed, overdue, median days to close. */
function DepartmentFigures() {
  const { t } = useLang();
  const { data, isFetching } = useQuery({
    queryKey: ['services', 'departments'],
    queryFn: () => api.get<{ today: string; items: DepartmentFigure[] }>('/api/services/departments'),
  });
  const columns: TableColumnsType<DepartmentFigure> = [
    { title: t('services.ticket.department'), render: (_, f) => f.department.name },
    { title: t('services.figures.opened'), dataIndex: 'opened', align: 'right', width: 110 },
    { title: t('services.figures.closed'), dataIndex: 'closed', align: 'right', width: 110 },
    {
      title: t('services.figures.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 110,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('services.figures.closedLate'), dataIndex: 'closedLate', align: 'right', width: 120 },
    {
      title: t('services.figures.median'),
      dataIndex: 'medianDaysToClose',
      align: 'right',
      width: 150,
      render: (v: number | null) => (v === null ? '—' : v),
    },
  ];
  return (
    <Card title={t('services.figures.title')} size="small" data-testid="department-figures">
      <Table<DepartmentFigure>
        rowKey={(f) => f.department.id}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
      />
    </Card>
  );
}

/** 服务台账: tickets per project and department, the coordination list, and department figures. */
export function TicketsTab() {
  const { t, nameOf } = useLang();
  const me = useSignedInUser();
  // The dashboard links here with ?overdue=true&hostRegion=… (or ?projectId=…).
  const [params] = useSearchParams();
  const { data: regionTree } = useRegionTree();
  const [projectId, setProjectId] = useState<string | undefined>(params.get('projectId') ?? undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [status, setStatus] = useState<'open' | 'closed' | undefined>();
  const [escalated, setEscalated] = useState(false);
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [hostRegion, setHostRegion] = useState<string | undefined>(params.get('hostRegion') ?? undefined);
  const hostRegionNode = hostRegion ? findRegion(regionTree, hostRegion) : undefined;
  const hostRegionName = hostRegionNode ? nameOf(hostRegionNode) : hostRegion;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['services', 'tickets', projectId, departmentId, status, escalated, overdue, hostRegion],
    queryFn: () =>
      api.get<{ items: TicketListItem[] }>('/api/services/tickets', {
        projectId,
        departmentId,
        status,
        escalated: escalated ? 'true' : undefined,
        overdue: overdue ? 'true' : undefined,
        hostRegion,
      }),
  });
  const columns: TableColumnsType<TicketListItem> = [
    {
      title: t('services.ticket.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)} style={{ padding: 0 }}>
          {title}
        </Button>
      ),
    },
    {
      title: t('services.project'),
      render: (_, r) => <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link>,
    },
    { title: t('services.ticket.department'), render: (_, r) => r.department.name, width: 200 },
    { title: t('services.ticket.openedOn'), dataIndex: 'openedOn', width: 110 },
    { title: t('services.ticket.dueDate'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('common.status'),
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={r.status === 'open' ? 'blue' : 'green'}>
            {r.status === 'open' ? t('services.ticket.open') : t('services.ticket.closed')}
          </Tag>
          {r.overdue && <Tag color="red">{t('services.ticket.overdue')}</Tag>}
          {r.escalatedOn && <Tag color="volcano">{t('services.ticket.escalated')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap>
          <ProjectSelect
            value={projectId}
            onChange={setProjectId}
            allowClear
            placeholder={t('services.filter.project')}
          />
          <div style={{ minWidth: 220 }}>
            <UnitSelect value={departmentId} onChange={setDepartmentId} />
          </div>
          {departmentId && <Button onClick={() => setDepartmentId(undefined)}>{t('common.reset')}</Button>}
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('common.status')}
            style={{ width: 130 }}
            options={[
              { value: 'open', label: t('services.ticket.open') },
              { value: 'closed', label: t('services.ticket.closed') },
            ]}
          />
          <Space>
            <Switch checked={escalated} onChange={setEscalated} />
            {t('services.ticket.coordinationList')}
          </Space>
          <Space>
            <Switch checked={overdue} onChange={setOverdue} aria-label={t('services.ticket.overdueOnly')} />
            {t('services.ticket.overdueOnly')}
          </Space>
          {hostRegion && (
            <Tag closable onClose={() => setHostRegion(undefined)}>
              {t('services.filter.hostRegion', { region: hostRegionName ?? hostRegion })}
            </Tag>
          )}
          {mayDo(me, 'project.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('services.ticket.new')}
            </Button>
          )}
        </Space>
      </Card>
      {projectId && <ProjectLedgerCard projectId={projectId} />}
      <Table<TicketListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
      />
      <DepartmentFigures />
      <TicketFormModal open={creating} onClose={() => setCreating(false)} />
      <TicketDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
