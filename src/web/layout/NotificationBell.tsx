import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import type { NotificationSummary } from '../api/types';
import { useT } from '../i18n';

/** Unread count, or null while the notifications API is not there yet (404). */
async function fetchUnread(): Promise<number | null> {
  try {
    const res = await api.get<NotificationSummary>('/api/notifications', { page: 1, pageSize: 1 });
    return res.unread;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const { data: unread } = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: fetchUnread,
    refetchInterval: 60_000,
  });
  const count = unread ?? 0;
  return (
    <Tooltip title={count ? t('header.unread', { count }) : t('header.notifications')}>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={t('header.notifications')}
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
