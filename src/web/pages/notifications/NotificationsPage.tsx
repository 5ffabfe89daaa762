import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useT } from '../../i18n';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

/** Where a notification about an entity leads. */
function linkOf(n: Notification): string | null {
  if (n.entity === 'project' && n.entityId) return `/projects/${n.entityId}`;
  return null;
}

export default function NotificationsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isLoading } = useQuery({
    queryKey: ['notifications', 'list', unreadOnly, page],
    queryFn: () =>
      api.get<NotificationPage>('/api/notifications', { unread: unreadOnly || undefined, page, pageSize: 20 }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh });

  return (
    <Card
      title={t('menu.notifications')}
      extra={
        <Space>
          <Switch checked={unreadOnly} onChange={(v) => (setUnreadOnly(v), setPage(1))} />
          <span>{t('notif.unreadOnly')}</span>
          <Button onClick={() => markAll.mutate()} disabled={!data?.unread} loading={markAll.isPending}>
            {t('notif.markAllRead')}
          </Button>
        </Space>
      }
    >
      <List
        loading={isLoading}
        locale={{ emptyText: t('notif.empty') }}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(n) => {
          const link = linkOf(n);
          return (
            <List.Item
              data-testid="notification"
              actions={[
                link ? (
                  <Link key="open" to={link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                    {t('notif.open')}
                  </Link>
                ) : null,
                !n.readAt ? (
                  <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                    {t('notif.markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.readAt && <Tag color="red">{t('notif.unread')}</Tag>}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
