import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import type { TLockedUser as LockedUser } from '../../../server/modules/security/schema';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';

const LOCKED_KEY = ['security', 'locked-users'] as const;

/** Accounts locked after failed sign-ins, with the security administrator's unlock. */
export function LockedUsersCard() {
  const { t } = useLang();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isFetching } = useQuery({
    queryKey: LOCKED_KEY,
    queryFn: () => api.get<{ items: LockedUser[] }>('/api/security/locked-users'),
  });

  const unlock = useMutation({
    mutationFn: (user: LockedUser) => api.post<void>(`/api/security/users/${user.id}/unlock`),
    onSuccess: () => void message.success(t('security.unlocked')),
    onError: showError,
    onSettled: () => client.invalidateQueries({ queryKey: LOCKED_KEY }),
  });

  const columns: TableColumnsType<LockedUser> = [
    { title: t('users.username'), dataIndex: 'username', width: 160 },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.region'), dataIndex: 'regionName', width: 120 },
    { title: t('security.failedLogins'), dataIndex: 'failedLogins', width: 110 },
    {
      title: t('security.lockedUntil'),
      dataIndex: 'lockedUntil',
      width: 160,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_, user) => (
        <Popconfirm
          title={t('security.confirmUnlock', { name: user.displayName })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => unlock.mutateAsync(user).catch(() => undefined)}
        >
          <Button type="link" size="small">
            {t('security.unlock')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('security.locked')}
      extra={
        <Button size="small" onClick={() => void client.invalidateQueries({ queryKey: LOCKED_KEY })}>
          {t('common.reload')}
        </Button>
      }
    >
      <Table<LockedUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: t('security.noLocked') }}
      />
    </Card>
  );
}
