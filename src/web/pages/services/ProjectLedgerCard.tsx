import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { api } from '../../api/client';
import { useLang } from '../../i18n';
import type { ProjectRef, Ref, SupervisionNotice } from './types';

interface Ledger {
  project: ProjectRef;
  commissioner: { name: string; unit: Ref; phone: string | null } | null;
  taskForces: { id: string; leaderName: string; leadUnit: Ref; members: string[]; active: boolean }[];
  notices: SupervisionNotice[];
}

/** A project's service commissioner (服务专员), task forces (包保专班) and supervision notices (督办通知). */
export function ProjectLedgerCard({ projectId }: { projectId: string }) {
  const { t } = useLang();
  const { data } = useQuery({
    queryKey: ['services', 'ledger', projectId],
    queryFn: () => api.get<Ledger>(`/api/projects/${projectId}/service-ledger`),
  });
  if (!data) return null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Card size="small" title={`${data.project.name}（${data.project.code}）`}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('services.ledger.commissioner')}>
          {data.commissioner
            ? `${data.commissioner.name} · ${data.commissioner.unit.name}${data.commissioner.phone ? ` · ${data.commissioner.phone}` : ''}`
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('services.ledger.taskForces')}>
          {data.taskForces.length
            ? data.taskForces
                .filter((f) => f.active)
                .map(
                  (f) => `${f.leaderName} · ${f.leadUnit.name}${f.members.length ? `（${f.members.join('、')}）` : ''}`,
                )
                .join('；')
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('services.notice.title')}>
          {data.notices.length
            ? data.notices.map((n) => `${n.issuedOn} → ${n.leadUnit.name}：${n.text}`).join('；')
            : none}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
