import { Alert, Table, Tag } from 'antd';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { useGaps } from './hooks';
import { type GapRow, STRENGTH_COLORS } from './types';

/** Every weak or missing segment against its targets and live projects; uncovered gaps first. */
export function GapTable({ chainId, onOpen }: { chainId: string; onOpen: (segmentId: string) => void }) {
  const { t } = useLang();
  const { data, isLoading } = useGaps(chainId);
  const rows = [...(data?.rows ?? [])].sort((a, b) => Number(a.covered) - Number(b.covered));
  return (
    <>
      {data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={data.uncovered ? 'warning' : 'success'}
          showIcon
          title={t('chains.gaps.summary', { uncovered: data.uncovered, total: data.rows.length })}
        />
      )}
      <Table<GapRow>
        rowKey={(r) => r.segment.id}
        size="small"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('chains.segment.name'),
            render: (_, r) => <a onClick={() => onOpen(r.segment.id)}>{r.segment.path.join(' / ')}</a>,
          },
          {
            title: t('chains.segment.position'),
            render: (_, r) => t(`chains.position.${r.segment.position}` as never),
          },
          {
            title: t('chains.segment.strength'),
            render: (_, r) => (
              <Tag color={STRENGTH_COLORS[r.segment.strength]}>
                {t(`chains.strength.${r.segment.strength}` as never)}
              </Tag>
            ),
          },
          {
            title: t('chains.segment.priority'),
            render: (_, r) => t(`chains.priority.${r.segment.priority}` as never),
          },
          { title: t('chains.gaps.targets'), dataIndex: 'targets', align: 'right' },
          { title: t('chains.gaps.worked'), dataIndex: 'workedTargets', align: 'right' },
          { title: t('chains.gaps.projects'), dataIndex: 'liveProjects', align: 'right' },
          {
            title: t('chains.gaps.investment'),
            align: 'right',
            render: (_, r) => formatWan(r.liveInvestmentWan),
          },
          { title: t('chains.targets.owner'), render: (_, r) => r.ownerUnits.join('、') || '—' },
          {
            title: t('chains.gaps.coverage'),
            render: (_, r) =>
              r.covered ? (
                <Tag color="green">{t('chains.gaps.covered')}</Tag>
              ) : (
                <Tag color="red">{t('chains.gaps.uncovered')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
