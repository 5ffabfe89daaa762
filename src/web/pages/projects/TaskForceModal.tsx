import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { UnitSelect } from '../admin/UnitSelect';

interface Values {
  leaderName: string;
  leadUnitId: string;
  members: string[];
  note?: string;
}

interface Props {
  project: { id: string; code: string; name: string } | null;
  onClose: () => void;
}

/** 指派包保专班: a leader assigns a task force to a project (usually a stalled one). */
export function TaskForceModal({ project, onClose }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();

  useEffect(() => {
    if (!project) return;
    form.resetFields();
    form.setFieldsValue({ members: [] });
  }, [project, form]);

  const assign = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/api/projects/${project!.id}/task-forces`, {
        leaderName: v.leaderName.trim(),
        leadUnitId: v.leadUnitId,
        members: v.members ?? [],
        note: v.note?.trim() || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: ['audit'] });
      void message.success(t('taskForce.assigned'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      title={project ? `${t('taskForce.assign')} · ${project.name}` : t('taskForce.assign')}
      open={project !== null}
      onOk={() =>
        void form.validateFields().then(
          (v) => assign.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="task-force-form">
        <Form.Item name="leaderName" label={t('taskForce.leaderName')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('taskForce.leadUnit')} rules={[required]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="members" label={t('taskForce.members')} extra={t('gate.partiesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="note" label={t('taskForce.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
