import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { UnitSelect } from '../admin/UnitSelect';
import { useChainMutation } from './hooks';
import type { Chain } from './types';

interface Values {
  leaderName: string | null;
  leadUnitId: string | null;
  secretaryName: string | null;
  members: string[];
  leadUnitNames: string[];
}

/** 链长制: names the chain leader, lead unit, service secretary and working group. */
export function TeamFormModal({ chain, open, onClose }: { chain: Chain; open: boolean; onClose: () => void }) {
  const { t } = useLang();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      leaderName: chain.team.leaderName,
      leadUnitId: chain.team.leadUnit?.id ?? null,
      secretaryName: chain.team.secretaryName,
      members: chain.team.members,
      leadUnitNames: chain.team.leadUnitNames,
    });
  }, [open, chain, form]);
  const save = useChainMutation((team: Values) =>
    api.patch<Chain>(`/api/chains/${chain.id}`, {
      version: chain.version,
      team: {
        ...team,
        leaderName: team.leaderName || null,
        secretaryName: team.secretaryName || null,
        leadUnitId: team.leadUnitId ?? null,
      },
    }),
  );
  return (
    <Modal
      open={open}
      title={t('chains.team.edit')}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: onClose, onError: showError }))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="leaderName" label={t('chains.team.leader')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('chains.team.leadUnit')}>
          <UnitSelect current={chain.team.leadUnit ?? undefined} />
        </Form.Item>
        <Form.Item name="leadUnitNames" label={t('chains.team.leadUnitNames')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="secretaryName" label={t('chains.team.secretary')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="members" label={t('chains.team.members')} extra={t('chains.team.membersHint')}>
          <Select mode="tags" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
