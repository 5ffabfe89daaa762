import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { formatWan } from '../projects/labels';
import { useChainMutation, useChains } from './hooks';
import { IndicatorsCard } from './IndicatorsCard';
import type { Chain, ChainSummary } from './types';

const EDITORS = ['officer', 'leader', 'admin'];

/** The chains of the chosen region with their gaps, and the key-chain investment share. */
export default function ChainsPage() {
  const { t, nameOf } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useSignedInUser();
  const { regionCode } = useRegion();
  const showError = useShowError();
  const { data, isLoading } = useChains(regionCode);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; nameEn?: string; isKey: boolean }>();
  const create = useChainMutation((v: { name: string; nameEn?: string; isKey: boolean }) =>
    api.post<Chain>('/api/chains', { ...v, nameEn: v.nameEn ?? '', regionCode }),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('chains.title')}
        extra={
          <Space>
            <Link to="/chains/catalogs">{t('chains.catalogs.link')}</Link>
            {EDITORS.includes(me.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('chains.create')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<ChainSummary>
          rowKey="id"
          loading={isLoading}
          dataSource={data ?? []}
          pagination={false}
          columns={[
            {
              title: t('chains.name'),
              render: (_, c) => <Link to={`/chains/${c.id}`}>{nameOf(c)}</Link>,
            },
            { title: t('chains.region'), render: (_, c) => c.region.name },
            { title: t('chains.team.leader'), render: (_, c) => c.leaderName ?? t('chains.team.unset') },
            { title: t('chains.team.leadUnit'), render: (_, c) => c.leadUnit?.name ?? '—' },
            { title: t('chains.list.segments'), dataIndex: 'segments', align: 'right' },
            {
              title: t('chains.list.gaps'),
              align: 'right',
              render: (_, c) => (
                <Space size={4}>
                  {c.gaps}
                  {c.uncoveredGaps > 0 && (
                    <Tag color="red">{t('chains.list.uncovered', { count: c.uncoveredGaps })}</Tag>
                  )}
                </Space>
              ),
            },
            { title: t('chains.list.targets'), dataIndex: 'targets', align: 'right' },
            {
              title: t('chains.list.projects'),
              align: 'right',
              render: (_, c) => `${c.projects} · ${formatWan(c.projectInvestmentWan)}`,
            },
            { title: t('chains.source'), render: (_, c) => c.source ?? '—' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('chains.list.hint')}
        </Typography.Paragraph>
      </Card>
      <IndicatorsCard regionCode={regionCode} />
      <Modal
        open={creating}
        title={t('chains.create')}
        onCancel={() => setCreating(false)}
        okText={t('common.save')}
        confirmLoading={create.isPending}
        onOk={() =>
          form.validateFields().then((v) =>
            create.mutate(v, {
              onError: showError,
              onSuccess: (chain) => {
                setCreating(false);
                void message.success(t('common.created'));
                navigate(`/chains/${chain.id}`);
              },
            }),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ isKey: true }}>
          <Form.Item name="name" label={t('chains.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('chains.nameEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="isKey" label={t('chains.keyChain')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
