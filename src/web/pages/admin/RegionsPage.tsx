import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type Key } from 'react';
import type { RegionNode } from '../../api/types';
import { findRegion, useRegion, useRegionTree } from '../../app/region';
import { useLang } from '../../i18n';
import { RegionSeatModal } from './RegionSeatModal';

/** A table row: a region whose `children` is absent when it has none, so no empty expander shows. */
type RegionRow = Omit<RegionNode, 'children'> & { children?: RegionRow[] };

function toRows(nodes: RegionNode[]): RegionRow[] {
  return nodes.map(({ children, ...region }) => (children.length ? { ...region, children: toRows(children) } : region));
}

/** The regions of the admin's scope, under the region chosen in the header, with where each one's seat is. */
export default function RegionsPage() {
  const { t, nameOf } = useLang();
  const { regionCode } = useRegion();
  const { data: tree, isFetching } = useRegionTree();
  const [editing, setEditing] = useState<RegionNode | null>(null);

  const root = findRegion(tree, regionCode);
  const rows = useMemo(() => (root ? toRows([root]) : []), [root]);
  // The chosen region and the level below it start open (a city shows its counties and zones at
  // once); what the admin opens or closes holds until another region is chosen in the header.
  const [opened, setOpened] = useState<{ rootCode: string; keys: readonly Key[] } | null>(null);
  const expanded: readonly Key[] =
    opened && opened.rootCode === root?.code
      ? opened.keys
      : root
        ? [root.code, ...root.children.filter((c) => c.children.length).map((c) => c.code)]
        : [];

  const columns: TableColumnsType<RegionRow> = [
    { title: t('regions.name'), dataIndex: 'name', render: (_, r) => nameOf(r) },
    { title: t('regions.code'), dataIndex: 'code', width: 120 },
    {
      title: t('regions.level'),
      dataIndex: 'level',
      width: 140,
      render: (level: RegionNode['level']) => t(`regions.level.${level}`),
    },
    {
      title: t('regions.seat'),
      dataIndex: 'seat',
      width: 200,
      render: (seat: RegionNode['seat']) =>
        seat ? (
          <span data-testid="region-seat">{`${seat.lng}, ${seat.lat}`}</span>
        ) : (
          <Typography.Text type="secondary">{t('regions.seatNotSet')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      width: 120,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing({ ...r, children: [] })}>
          {t('regions.setSeat')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <h2 className="zs-page-title">{t('regions.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Typography.Text type="secondary">
            {t('regions.scopeHint', { region: root ? nameOf(root) : regionCode })}
          </Typography.Text>
        </div>
        <Table<RegionRow>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={isFetching && !tree}
          pagination={false}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => root && setOpened({ rootCode: root.code, keys }),
          }}
        />
      </Card>
      <RegionSeatModal region={editing} onClose={() => setEditing(null)} />
    </>
  );
}
