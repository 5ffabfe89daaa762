import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { EnterpriseTags } from '../enterprises/EnterpriseTags';
import type { EnterpriseTag } from '../enterprises/types';
import { formatWan } from '../projects/labels';
import { ConvertModal } from './ConvertModal';
import { useChainMutation, useRecommendations, useTargets } from './hooks';
import { type Segment, STRENGTH_COLORS, type Target, type TargetStatus } from './types';

const EDITORS = ['officer', 'leader', 'admin'];
const STATUS_COLORS: Record<TargetStatus, string> = {
  not_contacted: 'default',
  contacted: 'blue',
  negotiating: 'orange',
  converted: 'green',
  dropped: 'red',
};

/** One segment: its facts, its target enterprises (目标企业清单) and, for a gap, the ranked recommendations. */
export function SegmentDrawer({ segment, onClose }: { segment: Segment | null; onClose: () => void }) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const canEdit = EDITORS.includes(me.role);
  const showError = useShowError();
  const isGap = segment ? segment.strength !== 'strong' : false;
  const targets = useTargets(segment?.id ?? null);
  const recommendations = useRecommendations(segment?.id ?? null, isGap);
  const [converting, setConverting] = useState<Target | null>(null);
  const [contacting, setContacting] = useState<Target | null>(null);
  const [contactForm] = Form.useForm<{ contactedOn: Dayjs; channel?: string; summary: string }>();

  const addTarget = useChainMutation((enterpriseId: string) =>
    api.post<Target>(`/api/chain-segments/${segment!.id}/targets`, { enterpriseId }),
  );
  const setStatus = useChainMutation((v: { target: Target; status: TargetStatus }) =>
    api.patch<Target>(`/api/targets/${v.target.id}`, { version: v.target.version, status: v.status }),
  );
  const addContact = useChainMutation((v: { target: Target; contactedOn: string; channel?: string; summary: string }) =>
    api.post<Target>(`/api/targets/${v.target.id}/contacts`, {
      contactedOn: v.contactedOn,
      channel: v.channel || null,
      summary: v.summary,
    }),
  );
  const targetIds = new Set((targets.data ?? []).map((x) => x.enterprise.id));

  return (
    <Drawer
      open={Boolean(segment)}
      onClose={onClose}
      size="large"
      title={segment ? t('chains.drawer.title', { name: segment.name }) : ''}
      destroyOnHidden
    >
      {segment && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('chains.segment.strength')}>
              <Tag color={STRENGTH_COLORS[segment.strength]}>{t(`chains.strength.${segment.strength}` as never)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('chains.segment.priority')}>
              {t(`chains.priority.${segment.priority}` as never)}
              {segment.need ? ` · ${t(`chains.need.${segment.need}` as never)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('chains.segment.enterprises')} span={2}>
              {segment.enterprises.length
                ? segment.enterprises.map((e) => (
                    <Tag key={e.id} color={e.role === 'owner' ? 'gold' : undefined}>
                      {e.name}
                      {e.role === 'owner' ? ` · ${t('chains.owner')}` : ''}
                    </Tag>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('chains.segment.source')}>{segment.source ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('chains.segment.note')}>{segment.note ?? '—'}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('chains.targets.title')}</Typography.Title>
            <Table<Target>
              rowKey="id"
              size="small"
              loading={targets.isLoading}
              dataSource={targets.data ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description={t('chains.targets.empty')} /> }}
              columns={[
                { title: t('chains.targets.enterprise'), render: (_, x) => x.enterprise.name },
                {
                  title: t('common.status'),
                  render: (_, x) =>
                    canEdit && x.nextStatuses.length ? (
                      <Select<TargetStatus>
                        size="small"
                        value={x.status}
                        style={{ width: 130 }}
                        aria-label={t('chains.targets.changeStatus')}
                        options={[x.status, ...x.nextStatuses].map((s) => ({
                          value: s,
                          label: t(`chains.status.${s}` as never),
                        }))}
                        onChange={(status) => setStatus.mutate({ target: x, status }, { onError: showError })}
                      />
                    ) : (
                      <Tag color={STATUS_COLORS[x.status]}>{t(`chains.status.${x.status}` as never)}</Tag>
                    ),
                },
                { title: t('chains.targets.owner'), render: (_, x) => x.ownerUnit.name },
                { title: t('chains.targets.lastContact'), render: (_, x) => x.lastContactOn ?? '—' },
                {
                  title: t('common.actions'),
                  render: (_, x) =>
                    x.project ? (
                      <Link to={`/projects/${x.project.id}`}>{x.project.code}</Link>
                    ) : canEdit ? (
                      <Space size="small">
                        <Button size="small" onClick={() => setContacting(x)}>
                          {t('chains.targets.contact')}
                        </Button>
                        {x.canConvert && (
                          <Button size="small" type="primary" onClick={() => setConverting(x)}>
                            {t('chains.targets.convert')}
                          </Button>
                        )}
                      </Space>
                    ) : null,
                },
              ]}
            />
          </div>

          {isGap && (
            <div>
              <Typography.Title level={5}>{t('chains.recommend.title')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('chains.recommend.hint')}</Typography.Paragraph>
              <Table
                rowKey={(r) => r.enterprise.id}
                size="small"
                loading={recommendations.isLoading}
                dataSource={recommendations.data ?? []}
                pagination={false}
                locale={{ emptyText: <Empty description={t('chains.recommend.empty')} /> }}
                columns={[
                  { title: t('chains.targets.enterprise'), render: (_, r) => r.enterprise.name },
                  {
                    title: t('enterprises.tags'),
                    render: (_, r) => <EnterpriseTags tags={r.enterprise.tags as EnterpriseTag[]} />,
                  },
                  { title: t('enterprises.capital'), render: (_, r) => formatWan(r.enterprise.registeredCapitalWan) },
                  { title: t('chains.recommend.score'), dataIndex: 'score', width: 70 },
                  {
                    title: t('chains.recommend.parts'),
                    render: (_, r) =>
                      r.parts.map((p) => (
                        <Tag key={p.key}>
                          {lang === 'en' ? p.reason.en : p.reason.zh} +{p.points}
                        </Tag>
                      )),
                  },
                  {
                    title: t('common.actions'),
                    render: (_, r) =>
                      canEdit && !targetIds.has(r.enterprise.id) ? (
                        <Button
                          size="small"
                          loading={addTarget.isPending}
                          onClick={() => addTarget.mutate(r.enterprise.id, { onError: showError })}
                        >
                          {t('chains.recommend.add')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </div>
          )}
        </Space>
      )}
      <ConvertModal target={converting} onClose={() => setConverting(null)} />
      <Modal
        open={Boolean(contacting)}
        title={t('chains.targets.contactTitle', { name: contacting?.enterprise.name ?? '' })}
        onCancel={() => setContacting(null)}
        okText={t('common.save')}
        confirmLoading={addContact.isPending}
        onOk={() =>
          contactForm.validateFields().then((v) =>
            addContact.mutate(
              {
                target: contacting!,
                contactedOn: v.contactedOn.format('YYYY-MM-DD'),
                channel: v.channel,
                summary: v.summary,
              },
              {
                onError: showError,
                onSuccess: () => {
                  contactForm.resetFields();
                  setContacting(null);
                },
              },
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={contactForm} layout="vertical">
          <Form.Item
            name="contactedOn"
            label={t('chains.targets.contactedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="channel" label={t('chains.targets.channel')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('chains.targets.summary')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
