import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Drawer, List, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { useLabel } from '../activities/hooks';
import { ProjectSelect } from '../services/ProjectSelect';
import type { Partner, PartnerDetail } from './types';

/** One partner: contact facts and the projects it referred (引荐). */
export function PartnerDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: string | null;
  onClose: () => void;
  onEdit: (p: Partner) => void;
}) {
  const { t } = useLang();
  const label = useLabel();
  const client = useQueryClient();
  const showError = useShowError();
  const [projectId, setProjectId] = useState<string | undefined>();
  const [referredOn, setReferredOn] = useState<Dayjs | null>(dayjs());
  const { data } = useQuery({
    queryKey: ['partners', 'one', id],
    queryFn: () => api.get<PartnerDetail>(`/api/partners/${id}`),
    enabled: id !== null,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['partners'] });
  const add = useMutation({
    mutationFn: () =>
      api.post(`/api/partners/${id}/referrals`, { projectId, referredOn: referredOn?.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setProjectId(undefined);
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (referralId: string) => api.delete(`/api/partners/${id}/referrals/${referralId}`),
    onSuccess: refresh,
    onError: showError,
  });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={data?.name}
      extra={data && <Button onClick={() => onEdit(data)}>{t('common.edit')}</Button>}
    >
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('partners.kind')}>{label(data.kindLabel)}</Descriptions.Item>
            <Descriptions.Item label={t('partners.contact')}>{data.contactPerson ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partners.phone')}>{data.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partners.email')}>{data.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partners.location')}>
              {[data.country, data.location].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('partners.focus')}>{data.focusIndustries.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partners.status')}>{label(data.statusLabel)}</Descriptions.Item>
            <Descriptions.Item label={t('partners.owner')}>{data.ownerUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('partners.note')}>{data.note ?? '—'}</Descriptions.Item>
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('partners.referrals')}</h4>
          <Space wrap style={{ marginBottom: 8 }}>
            <ProjectSelect value={projectId} onChange={setProjectId} placeholder={t('partners.project')} />
            <DatePicker
              value={referredOn}
              onChange={setReferredOn}
              format="YYYY-MM-DD"
              aria-label={t('partners.referredOn')}
            />
            <Button disabled={!projectId || !referredOn} loading={add.isPending} onClick={() => add.mutate()}>
              {t('partners.addReferral')}
            </Button>
          </Space>
          <List
            size="small"
            bordered
            dataSource={data.referrals}
            locale={{ emptyText: t('common.none') }}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Popconfirm key="remove" title={t('partners.removeConfirm')} onConfirm={() => remove.mutate(r.id)}>
                    <Button size="small" danger>
                      {t('act.unlink')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link>（{r.project.code}）· {r.referredOn}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
