import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useLang } from '../i18n';

/** One page of a server-side list (`{ items, total }`), with the page switcher and the total. */
export function PagedTable<T extends { id: string }>({
  columns,
  data,
  loading,
  page,
  pageSize,
  onPage,
  onRow,
  scroll,
}: {
  columns: TableColumnsType<T>;
  data: { items: T[]; total: number } | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onRow?: TableProps<T>['onRow'];
  scroll?: TableProps<T>['scroll'];
}) {
  const { t } = useLang();
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      onRow={onRow}
      scroll={scroll}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showTotal: (total) => <Typography.Text type="secondary">{t('common.total', { total })}</Typography.Text>,
        onChange: onPage,
      }}
    />
  );
}
