import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { ROLES, type Page, type Role, type User } from '../../api/types';
import { useShowError } from '../../api/useApiError';
import { useRegionName } from '../../app/region';
import { useLang } from '../../i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  leader: 'gold',
  officer: 'blue',
  liaison: 'cyan',
  viewer: 'default',
  verifier: 'purple',
  security: 'volcano',
  auditor: 'geekblue',
};

interface Filters {
  q: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export default function UsersPage() {
  const { t } = useLang();
  const regionName = useRegionName();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const { data, isFetching } = useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: () => api.get<Page<User>>('/api/users', { ...filters }),
    placeholderData: keepPreviousData,
  });

  const toggleActive = useMutation({
    mutationFn: (user: User) =>
      api.patch<User>(`/api/users/${user.id}`, { version: user.version, active: !user.active }),
    onSuccess: () => void message.success(t('common.saved')),
    onError: showError,
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 150 },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 120,
      render: (role: Role) => <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag>,
    },
    { title: t('users.unit'), dataIndex: ['unit', 'name'] },
    {
      title: t('users.region'),
      dataIndex: ['region', 'name'],
      width: 100,
      render: (_, user) => regionName(user.region),
    },
    {
      title: t('common.status'),
      width: 90,
      render: (_, user) =>
        user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()) ? (
          <Tag color="orange">{t('users.locked')}</Tag>
        ) : user.active ? (
          <Tag color="green">{t('common.active')}</Tag>
        ) : (
          <Tag>{t('common.inactive')}</Tag>
        ),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      width: 210,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          <Popconfirm
            title={t(user.active ? 'common.confirmDisable' : 'common.confirmEnable', { name: user.displayName })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => toggleActive.mutateAsync(user).catch(() => undefined)}
          >
            <Button type="link" size="small" danger={user.active}>
              {t(user.active ? 'common.disable' : 'common.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <h2 className="zs-page-title">{t('users.title')}</h2>
      <Card>
        <div className="zs-toolbar">
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim(), page: 1 }))}
            enterButton={t('common.search')}
          />
          <Select<Role>
            allowClear
            style={{ width: 160 }}
            placeholder={t('users.role')}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role, page: 1 }))}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <div style={{ flex: 1 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.create')}
          </Button>
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      <UserFormModal
        user={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
