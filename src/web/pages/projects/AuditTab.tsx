import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useLang } from '../../i18n';

interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

/** The fields an audit row changed, as "field: before → after". */
function changes(row: AuditRow): string[] {
  const before = isRecord(row.before) ? row.before : {};
  const after = isRecord(row.after) ? row.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (k in before ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(after[k])}`));
}

/** 审计: every change of the project, from the append-only audit log. */
export function AuditTab({ projectId }: { projectId: string }) {
  const { t } = useLang();
  const { data, isFetching } = useQuery({
    queryKey: ['audit', 'project', projectId],
    queryFn: () =>
      api.get<{ items: AuditRow[] }>('/api/audit', { entity: 'project', id: projectId }).then((r) => r.items),
  });
  return (
    <Table<AuditRow>
      rowKey="seq"
      size="small"
      loading={isFetching}
      dataSource={data}
      pagination={{ pageSize: 20 }}
      columns={[
        {
          title: t('audit.at'),
          dataIndex: 'at',
          width: 170,
          render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
        },
        { title: t('audit.action'), dataIndex: 'action', width: 200, render: (a: string) => <Tag>{a}</Tag> },
        {
          title: t('audit.actor'),
          dataIndex: 'actorId',
          width: 120,
          render: (id: string | null) =>
            id ? <Typography.Text code>{id.slice(0, 8)}</Typography.Text> : t('audit.system'),
        },
        {
          title: t('audit.changes'),
          render: (_, row) => (
            <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {changes(row)
                .slice(0, 12)
                .map((line) => (
                  <div key={line}>{line}</div>
                ))}
            </div>
          ),
        },
      ]}
    />
  );
}
