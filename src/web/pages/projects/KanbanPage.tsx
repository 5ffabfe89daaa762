import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { useMoney } from './labels';
import { STAGE_COLORS, type KanbanColumn } from './types';

/** 看板: one column per stage with its count and investment; cards link to the project. */
export default function KanbanPage() {
  const { t } = useLang();
  const { regionCode } = useRegion();
  const money = useMoney();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['projects', 'kanban', regionCode, q],
    queryFn: () => api.get<{ columns: KanbanColumn[] }>('/api/projects/kanban', { hostRegion: regionCode, q }),
  });
  return (
    <>
      <h2 className="zs-page-title">{t('projects.kanban')}</h2>
      <div className="zs-toolbar">
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('projects.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          enterButton={t('common.search')}
        />
        {isFetching && <Spin size="small" />}
      </div>
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
        {(data?.columns ?? []).map((column) => (
          <Card
            key={column.stage}
            size="small"
            style={{ minWidth: 240, width: 240, flex: 'none' }}
            title={
              <span>
                <Badge color={STAGE_COLORS[column.stage] === 'default' ? 'gray' : STAGE_COLORS[column.stage]} />{' '}
                {t(`stage.${column.stage}`)} <Typography.Text type="secondary">({column.count})</Typography.Text>
              </span>
            }
            extra={<Typography.Text type="secondary">{money(column.totalInvestmentWan)}</Typography.Text>}
          >
            {column.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />}
            {column.items.map((p) => (
              <Link key={p.id} to={`/projects/${p.id}`} style={{ display: 'block', marginBottom: 8 }}>
                <Card size="small" hoverable>
                  <div style={{ fontWeight: 500 }}>{p.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.code} · {money(p.totalInvestmentWan)}
                  </Typography.Text>
                </Card>
              </Link>
            ))}
            {column.count > column.items.length && (
              <Typography.Text type="secondary">
                {t('kanban.more', { count: column.count - column.items.length })}
              </Typography.Text>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
