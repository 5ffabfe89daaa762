import { DownloadOutlined, PlusOutlined, ProjectOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useRegion, useRegionName } from '../../app/region';
import { ImportModal } from '../../components/ImportModal';
import { useLang } from '../../i18n';
import { download } from './files';
import { useSavedViews } from './hooks';
import { useMoney } from './labels';
import { ProjectFormModal } from './ProjectFormModal';
import { StageTag } from './StageTag';
import { DATABASES, SOURCE_CHANNELS, type DatabaseKey, type ProjectListItem, type SourceChannel } from './types';

interface Filters {
  q: string;
  view?: string;
  sourceChannel?: SourceChannel;
  minInvestmentWan?: string;
  stalled: boolean;
  sort: string;
  page: number;
  pageSize: number;
}

/** Sortable columns and the API's sort keys. */
const SORTABLE = new Set(['code', 'name', 'totalInvestmentWan', 'signingDate', 'updatedAt']);

function databaseFromPath(pathname: string): DatabaseKey {
  const last = pathname.split('/').filter(Boolean)[1];
  return (DATABASES as readonly string[]).includes(last ?? '') ? (last as DatabaseKey) : 'negotiating';
}

/** One of the five databases (谋划库 … 落地库): a searchable, filterable list of its projects. */
export default function ProjectDatabasePage() {
  const { t, lang } = useLang();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const database = databaseFromPath(pathname);
  const { regionCode } = useRegion();
  const money = useMoney();
  const regionName = useRegionName();
  const { data: views } = useSavedViews();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [byDatabase, setFilters] = useState<Record<string, Filters>>({});
  // Links from the dashboard carry their filters in the URL (?stage=&hostRegion=&q=&stalled=).
  const [params] = useSearchParams();
  const linkedStage = params.get('stage') ?? undefined;
  const linkedRegion = params.get('hostRegion') ?? undefined;
  const filters: Filters = byDatabase[database] ?? {
    q: params.get('q') ?? '',
    stalled: params.get('stalled') === 'true',
    sort: '-updatedAt',
    page: 1,
    pageSize: 20,
  };
  const update = (change: Partial<Filters>) =>
    setFilters((all) => ({ ...all, [database]: { ...filters, page: 1, ...change } }));

  // A saved view spans databases (在谈清单 = 洽谈 + 意向), so it replaces the database filter.
  const query = {
    database: filters.view ? undefined : database,
    view: filters.view,
    q: filters.q,
    stage: linkedStage,
    hostRegion: linkedRegion ?? regionCode,
    sourceChannel: filters.sourceChannel,
    minInvestmentWan: filters.minInvestmentWan,
    stalled: filters.stalled ? true : undefined,
    sort: filters.sort,
  };
  const { data, isFetching } = useQuery({
    queryKey: ['projects', 'list', query, filters.page, filters.pageSize],
    queryFn: () =>
      api.get<Page<ProjectListItem>>('/api/projects', { ...query, page: filters.page, pageSize: filters.pageSize }),
    placeholderData: keepPreviousData,
  });

  const sortOrder = (key: string) =>
    filters.sort === key ? ('ascend' as const) : filters.sort === `-${key}` ? ('descend' as const) : null;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrder(key) });

  const columns: TableColumnsType<ProjectListItem> = [
    {
      title: t('project.code'),
      dataIndex: 'code',
      width: 180,
      ...sortable('code'),
      render: (code: string, p) => <Link to={`/projects/${p.id}`}>{code}</Link>,
    },
    {
      title: t('project.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, p) => (
        <Space size={4} wrap>
          <Link to={`/projects/${p.id}`}>{name}</Link>
          {p.confidentiality === 'confidential' && <Tag color="red">{t('project.confidential')}</Tag>}
          {p.stalledSince && <Tag color="warning">{t('project.stalled')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('project.enterprises'),
      dataIndex: 'enterprises',
      render: (list: ProjectListItem['enterprises']) => list.map((e) => e.name).join('、') || '—',
    },
    {
      title: t('project.stage'),
      dataIndex: 'stage',
      width: 110,
      render: (s: ProjectListItem['stage']) => <StageTag stage={s} />,
    },
    {
      title: t('project.totalInvestment'),
      dataIndex: 'totalInvestmentWan',
      width: 150,
      align: 'right',
      ...sortable('totalInvestmentWan'),
      render: (v: string | null) => money(v),
    },
    { title: t('project.hostRegion'), width: 120, render: (_, p) => regionName(p.hostRegion) },
    {
      title: t('project.sourceChannel'),
      dataIndex: 'sourceChannel',
      width: 120,
      render: (c: SourceChannel | null) => (c ? t(`sourceChannel.${c}`) : '—'),
    },
    {
      title: t('project.signingDate'),
      dataIndex: 'signingDate',
      width: 120,
      ...sortable('signingDate'),
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('project.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      ...sortable('updatedAt'),
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16 }}>
        <h2 className="zs-page-title">{t(`menu.projects.${database}`)}</h2>
        <Link to="/projects/stalled">{t('projects.stalledList')}</Link>
        <Link to="/projects/overdue">{t('projects.overdueList')}</Link>
      </div>
      <Card>
        <div className="zs-toolbar" style={{ flexWrap: 'wrap' }}>
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('projects.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => update({ q: q.trim() })}
            enterButton={t('common.search')}
            aria-label={t('common.search')}
          />
          <Select<string>
            allowClear
            style={{ width: 200 }}
            placeholder={t('projects.savedView')}
            value={filters.view}
            onChange={(view) => update({ view })}
            options={(views ?? []).map((v) => ({ value: v.id, label: lang === 'en' ? v.name.en : v.name.zh }))}
          />
          <Select<SourceChannel>
            allowClear
            style={{ width: 150 }}
            placeholder={t('project.sourceChannel')}
            value={filters.sourceChannel}
            onChange={(sourceChannel) => update({ sourceChannel })}
            options={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`sourceChannel.${c}`) }))}
          />
          <InputNumber<string>
            stringMode
            min="0"
            style={{ width: 200 }}
            placeholder={t('projects.minInvestment')}
            value={filters.minInvestmentWan}
            onChange={(v) => update({ minInvestmentWan: v ?? undefined })}
            suffix={t('unit.wan')}
          />
          <Space size={6}>
            <Switch size="small" checked={filters.stalled} onChange={(stalled) => update({ stalled })} />
            <span>{t('projects.stalledOnly')}</span>
          </Space>
          <div style={{ flex: 1 }} />
          <Button icon={<ProjectOutlined />} onClick={() => navigate('/projects/kanban')}>
            {t('projects.kanban')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('/api/projects/export', query)}>
            {t('projects.export')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('projects.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('projects.create')}
          </Button>
        </div>
        {filters.view && (
          <Typography.Paragraph type="secondary">
            {(() => {
              const view = views?.find((v) => v.id === filters.view);
              return view
                ? t('projects.viewHint', {
                    view: lang === 'en' ? view.name.en : view.name.zh,
                    description: lang === 'en' ? view.description.en : view.description.zh,
                  })
                : null;
            })()}
          </Typography.Paragraph>
        )}
        <Table<ProjectListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 1300 }}
          onChange={(_, __, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = one?.columnKey ? String(one.columnKey) : '';
            const sort = SORTABLE.has(key) && one?.order ? (one.order === 'ascend' ? key : `-${key}`) : '-updatedAt';
            if (sort !== filters.sort) update({ sort });
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters((all) => ({ ...all, [database]: { ...filters, page, pageSize } })),
          }}
        />
      </Card>
      <ProjectFormModal
        open={creating}
        defaultStage={database === 'planned' ? 'planned' : 'negotiating'}
        onClose={() => setCreating(false)}
      />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title="projects.import"
        uploadPath="/api/projects/import"
        templatePath="/api/projects/import-template"
        importedMessage="projects.imported"
        invalidates={['projects']}
      />
    </>
  );
}
