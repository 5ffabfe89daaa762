import { ArrowLeftOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { AuditTab } from './AuditTab';
import { coordinationTab } from './CoordinationTab';
import { useProject } from './hooks';
import { InfoTab } from './InfoTab';
import { useRegionName } from '../../app/region';
import { useMoney } from './labels';
import { canMoveStage } from './permissions';
import { ReportsTab } from './ReportsTab';
import { StageGateModal } from './StageGateModal';
import { StageTag } from './StageTag';
import { TaskForcesTab } from './TaskForcesTab';
import { TimelineTab } from './TimelineTab';
import { PIPELINE, stageIndex, type Project } from './types';

function StageBar({ project }: { project: Project }) {
  const { t } = useLang();
  const terminated = project.stage === 'terminated';
  const at = terminated && project.terminatedFrom ? project.terminatedFrom : project.stage;
  const current = terminated && !project.terminatedFrom ? -1 : stageIndex(at);
  return (
    <Steps
      size="small"
      current={current}
      status={terminated ? 'error' : project.stage === 'achieved' ? 'finish' : 'process'}
      items={PIPELINE.map((s) => ({
        title: t(`stage.${s}`),
        content: terminated && s === at ? t('stage.terminated') : undefined,
      }))}
    />
  );
}

/** One project: its figures, where it stands in the pipeline, and what happened to it. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useLang();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const money = useMoney();
  const regionName = useRegionName();
  const errorText = useErrorText();
  const { data: project, error, isPending } = useProject(id);
  const [moving, setMoving] = useState(false);

  if (isPending) return <Skeleton active />;
  if (error || !project) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('project.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorText(error)}
        extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      />
    );
  }

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to="/projects/negotiating">
          <ArrowLeftOutlined /> {t('menu.projects')}
        </Link>
      </Space>
      <Card>
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <div style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text type="secondary" copyable data-testid="project-code">
              {project.code}
            </Typography.Text>
            <h2 className="zs-page-title" style={{ margin: '4px 0 8px' }}>
              {project.name} <StageTag stage={project.stage} />
              {project.confidentiality === 'confidential' && <Tag color="red">{t('project.confidential')}</Tag>}
              {project.stalledSince && (
                <Tag color="warning">{t('project.stalledSince', { date: project.stalledSince })}</Tag>
              )}
            </h2>
          </div>
          {canMoveStage(me.role) && (
            <Button type="primary" icon={<NodeIndexOutlined />} onClick={() => setMoving(true)}>
              {t('gate.open')}
            </Button>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('project.totalInvestment')}>
            {money(project.totalInvestmentWan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.foreignInvestment')}>
            {money(project.foreignInvestmentUsdWan, 'usdWan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.contractAmount')}>{money(project.contractAmountWan)}</Descriptions.Item>
          <Descriptions.Item label={t('project.stageEnteredOn')}>{project.stageEnteredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.hostRegion')}>{regionName(project.hostRegion)}</Descriptions.Item>
          <Descriptions.Item label={t('project.firstRegion')}>{regionName(project.firstRegion)}</Descriptions.Item>
          <Descriptions.Item label={t('project.firstUnit')}>{project.firstUnit?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.responsibleUnit')}>
            {project.responsibleUnit?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.enterprises')}>
            {project.enterprises.map((e) => e.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.signingDate')}>{project.signingDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.parties')}>{project.parties?.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.lastSubstantiveProgressOn')}>
            {project.lastSubstantiveProgressOn ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <StageBar project={project} />
        {project.stage === 'terminated' && project.terminationReason && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            title={`${t('project.terminationReason')}：${t(`termination.${project.terminationReason}`)}${project.terminationText ? ` — ${project.terminationText}` : ''}`}
          />
        )}
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          items={[
            { key: 'info', label: t('project.tab.info'), children: <InfoTab project={project} /> },
            { key: 'reports', label: t('project.tab.reports'), children: <ReportsTab project={project} /> },
            { key: 'timeline', label: t('project.tab.timeline'), children: <TimelineTab project={project} /> },
            { key: 'audit', label: t('project.tab.audit'), children: <AuditTab projectId={project.id} /> },
            { key: 'taskForces', label: t('project.tab.taskForces'), children: <TaskForcesTab project={project} /> },
            coordinationTab(project),
          ]}
        />
      </Card>
      <StageGateModal project={project} open={moving} onClose={() => setMoving(false)} />
    </>
  );
}
