import { TeamOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { canAssignTaskForce } from './permissions';
import { TaskForceModal } from './TaskForceModal';
import type { Project, TaskForce } from './types';

/** 包保专班: the task forces assigned to the project. */
export function TaskForcesTab({ project }: { project: Project }) {
  const { t } = useLang();
  const me = useSignedInUser();
  const [assigning, setAssigning] = useState(false);
  return (
    <>
      {canAssignTaskForce(me.role) && (
        <div className="zs-toolbar">
          <Button icon={<TeamOutlined />} onClick={() => setAssigning(true)}>
            {t('taskForce.assign')}
          </Button>
        </div>
      )}
      <Table<TaskForce>
        rowKey="id"
        size="small"
        dataSource={project.taskForces}
        pagination={false}
        locale={{ emptyText: t('taskForce.none') }}
        columns={[
          { title: t('taskForce.leaderName'), dataIndex: 'leaderName', width: 140 },
          { title: t('taskForce.leadUnit'), width: 200, render: (_, f) => f.leadUnit?.name ?? '—' },
          { title: t('taskForce.members'), dataIndex: 'members', render: (m: string[]) => m.join('、') || '—' },
          { title: t('taskForce.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: t('taskForce.assignedAt'),
            dataIndex: 'assignedAt',
            width: 150,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) =>
              a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
        ]}
      />
      <TaskForceModal project={assigning ? project : null} onClose={() => setAssigning(false)} />
    </>
  );
}
