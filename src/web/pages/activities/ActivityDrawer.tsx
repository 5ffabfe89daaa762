import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, List, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { ProjectSelect } from '../services/ProjectSelect';
import { formatWan } from '../projects/labels';
import { useLabel } from './hooks';
import type { Activity, ActivityDetail } from './types';

/** One activity: its facts, targets and result projects (linked here). */
export function ActivityDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: string | null;
  onClose: () => void;
  onEdit: (a: Activity) => void;
}) {
  const { t } = useLang();
  const label = useLabel();
  const client = useQueryClient();
  const showError = useShowError();
  const [projectId, setProjectId] = useState<string | undefined>();
  const { data } = useQuery({
    queryKey: ['activities', 'one', id],
    queryFn: () => api.get<ActivityDetail>(`/api/activities/${id}`),
    enabled: id !== null,
  });
  const done = () => void client.invalidateQueries({ queryKey: ['activities'] });
  const link = useMutation({
    mutationFn: (pid: string) => api.post(`/api/activities/${id}/projects`, { projectId: pid }),
    onSuccess: () => {
      setProjectId(undefined);
      done();
    },
    onError: showError,
  });
  const unlink = useMutation({
    mutationFn: (pid: string) => api.delete(`/api/activities/${id}/projects/${pid}`),
    onSuccess: done,
    onError: showError,
  });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={data?.title}
      extra={data && <Button onClick={() => onEdit(data)}>{t('common.edit')}</Button>}
    >
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('act.kind')}>{label(data.kindLabel)}</Descriptions.Item>
            <Descriptions.Item label={t('act.dates')}>
              {data.startDate} ~ {data.endDate}
            </Descriptions.Item>
            <Descriptions.Item label={t('act.destination')}>{data.destination ?? t('act.online')}</Descriptions.Item>
            <Descriptions.Item label={t('act.leader')}>{data.leaderName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('act.participants')}>{data.participants.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('act.unit')}>{data.organisingUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('act.targets')}>
              {[
                data.targets.projects !== null ? `${t('act.targetProjects')} ${data.targets.projects}` : null,
                data.targets.amountWan !== null
                  ? `${t('act.targetAmountWan')} ${formatWan(data.targets.amountWan)}`
                  : null,
                data.targets.leads !== null ? `${t('act.targetLeads')} ${data.targets.leads}` : null,
              ]
                .filter(Boolean)
                .join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('act.results')}>
              {t('act.resultSummary', { leads: data.results.leads, projects: data.results.projects })}
            </Descriptions.Item>
            <Descriptions.Item label={t('act.note')}>{data.note ?? '—'}</Descriptions.Item>
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('act.resultProjects')}</h4>
          <Space style={{ marginBottom: 8 }}>
            <ProjectSelect value={projectId} onChange={setProjectId} placeholder={t('partners.project')} />
            <Button disabled={!projectId} loading={link.isPending} onClick={() => projectId && link.mutate(projectId)}>
              {t('act.linkProject')}
            </Button>
          </Space>
          <List
            size="small"
            bordered
            dataSource={data.resultProjects}
            locale={{ emptyText: t('common.none') }}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="unlink" size="small" danger onClick={() => unlink.mutate(p.id)}>
                    {t('act.unlink')}
                  </Button>,
                ]}
              >
                <Link to={`/projects/${p.id}`}>{p.name}</Link>（{p.code}，{formatWan(p.totalInvestmentWan)}）
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
