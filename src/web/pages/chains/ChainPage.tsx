import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { PageLoading } from '../../components/PageLoading';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { StageTag } from '../projects/StageTag';
import { CatalogClassification } from './CatalogClassification';
import { ChainGraph } from './ChainGraph';
import { GapTable } from './GapTable';
import { useChain, useChainMutation } from './hooks';
import { SegmentDrawer } from './SegmentDrawer';
import { SegmentFormModal } from './SegmentFormModal';
import { TeamFormModal } from './TeamFormModal';
import { nestSegments, type Segment, type SegmentNode, STRENGTH_COLORS } from './types';

const EDITORS = ['officer', 'leader', 'admin'];

/** A chain: its 链长制 team, its map as a graph and as an editable tree, its gaps and its projects. */
export default function ChainPage() {
  const { id = '' } = useParams();
  const { t, lang, nameOf } = useLang();
  const { message } = App.useApp();
  const me = useSignedInUser();
  const canEdit = EDITORS.includes(me.role);
  const showError = useShowError();
  const { data: chain, isLoading, error } = useChain(id);
  const [openSegmentId, setOpenSegmentId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ segment: Segment } | { parent: Segment | null } | null>(null);
  const [teamOpen, setTeamOpen] = useState(false);
  const remove = useChainMutation((segment: Segment) => api.delete(`/api/chain-segments/${segment.id}`));

  if (isLoading) return <PageLoading />;
  if (error || !chain) {
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={t('chains.notFound')}
        extra={<Link to="/chains">{t('common.back')}</Link>}
      />
    );
  }
  const openSegment = chain.segments.find((s) => s.id === openSegmentId) ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {nameOf(chain)}
            </Typography.Title>
            <Space wrap>
              <Tag>{chain.region.name}</Tag>
              {chain.isKey && <Tag color="blue">{t('chains.keyChain')}</Tag>}
              {chain.catalogEntry && (
                <Tag>
                  {t('chains.catalogEntry')}: {lang === 'en' ? chain.catalogEntry.name.en : chain.catalogEntry.name.zh}
                </Tag>
              )}
              {chain.source && <Typography.Text type="secondary">{chain.source}</Typography.Text>}
            </Space>
          </div>
          <Link to="/chains">{t('common.back')}</Link>
        </Space>
        {chain.description && (
          <Typography.Paragraph style={{ marginTop: 12 }}>{chain.description}</Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          title={t('chains.team.title')}
          extra={
            canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setTeamOpen(true)}>
                {t('chains.team.edit')}
              </Button>
            )
          }
        >
          <Descriptions.Item label={t('chains.team.leader')}>
            {chain.team.leaderName ?? t('chains.team.unset')}
          </Descriptions.Item>
          <Descriptions.Item label={t('chains.team.leadUnit')}>{chain.team.leadUnit?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('chains.team.secretary')}>
            {chain.team.secretaryName ?? t('chains.team.unset')}
          </Descriptions.Item>
          <Descriptions.Item label={t('chains.team.members')}>{chain.team.members.join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('chains.team.leadUnitNames')} span={4}>
            {chain.team.leadUnitNames.join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t('chains.graph.title')}
        extra={
          <Space>
            {(['strong', 'weak', 'missing'] as const).map((s) => (
              <Tag key={s} color={STRENGTH_COLORS[s]}>
                {t(`chains.strength.${s}` as never)}
              </Tag>
            ))}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('chains.graph.hint')}</Typography.Paragraph>
        <ChainGraph chain={chain} onSelect={setOpenSegmentId} />
      </Card>

      <Card>
        <Tabs
          items={[
            {
              key: 'map',
              label: t('chains.tab.map'),
              children: (
                <>
                  {canEdit && (
                    <Button
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setEditing({ parent: null })}
                    >
                      {t('chains.segment.add')}
                    </Button>
                  )}
                  <Table<SegmentNode>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={nestSegments(chain.segments)}
                    expandable={{ defaultExpandAllRows: true }}
                    columns={[
                      { title: t('chains.segment.name'), dataIndex: 'name' },
                      {
                        title: t('chains.segment.position'),
                        render: (_, s) => t(`chains.position.${s.position}` as never),
                      },
                      {
                        title: t('chains.segment.strength'),
                        render: (_, s) => (
                          <Tag color={STRENGTH_COLORS[s.strength]}>{t(`chains.strength.${s.strength}` as never)}</Tag>
                        ),
                      },
                      {
                        title: t('chains.segment.priority'),
                        render: (_, s) =>
                          `${t(`chains.priority.${s.priority}` as never)}${s.need ? ` · ${t(`chains.need.${s.need}` as never)}` : ''}`,
                      },
                      {
                        title: t('chains.segment.enterprises'),
                        render: (_, s) => s.enterprises.map((e) => e.name).join('、') || '—',
                      },
                      {
                        title: t('chains.segment.targets'),
                        align: 'right',
                        render: (_, s) => Object.values(s.targets).reduce((a, b) => a + b, 0),
                      },
                      {
                        title: t('chains.segment.projects'),
                        align: 'right',
                        render: (_, s) => `${s.projectCount} · ${formatWan(s.projectInvestmentWan)}`,
                      },
                      {
                        title: t('common.actions'),
                        render: (_, s) => (
                          <Space size="small">
                            <Button size="small" type="link" onClick={() => setOpenSegmentId(s.id)}>
                              {t('chains.segment.open')}
                            </Button>
                            {canEdit && (
                              <>
                                <Button size="small" type="link" onClick={() => setEditing({ segment: s })}>
                                  {t('common.edit')}
                                </Button>
                                <Button size="small" type="link" onClick={() => setEditing({ parent: s })}>
                                  {t('chains.segment.addChildShort')}
                                </Button>
                                <Popconfirm
                                  title={t('chains.segment.confirmDelete', { name: s.name })}
                                  onConfirm={() =>
                                    remove.mutate(s, {
                                      onError: showError,
                                      onSuccess: () => void message.success(t('chains.segment.deleted')),
                                    })
                                  }
                                >
                                  <Button size="small" type="link" danger>
                                    {t('chains.segment.delete')}
                                  </Button>
                                </Popconfirm>
                              </>
                            )}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'gaps',
              label: t('chains.tab.gaps'),
              children: <GapTable chainId={chain.id} onOpen={setOpenSegmentId} />,
            },
            {
              key: 'projects',
              label: t('chains.tab.projects', { count: chain.projects.length }),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={chain.projects}
                  pagination={{ pageSize: 20 }}
                  expandable={{
                    expandedRowRender: (p) => <CatalogClassification entityType="project" entityId={p.id} />,
                  }}
                  columns={[
                    {
                      title: t('chains.projects.code'),
                      render: (_, p) => <Link to={`/projects/${p.id}`}>{p.code}</Link>,
                    },
                    { title: t('chains.projects.name'), dataIndex: 'name' },
                    {
                      title: t('chains.segment.name'),
                      render: (_, p) => chain.segments.find((s) => s.id === p.segmentId)?.name ?? '—',
                    },
                    { title: t('chains.projects.stage'), render: (_, p) => <StageTag stage={p.stage} /> },
                    {
                      title: t('chains.projects.investment'),
                      align: 'right',
                      render: (_, p) => formatWan(p.totalInvestmentWan),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>

      <SegmentDrawer segment={openSegment} onClose={() => setOpenSegmentId(null)} />
      <SegmentFormModal chainId={chain.id} editing={editing} onClose={() => setEditing(null)} />
      <TeamFormModal chain={chain} open={teamOpen} onClose={() => setTeamOpen(false)} />
    </Space>
  );
}
