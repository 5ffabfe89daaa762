import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { UnitSelect } from '../admin/UnitSelect';
import { ProjectSelect } from './ProjectSelect';

interface Values {
  projectId: string;
  title: string;
  description?: string;
  departmentId: string;
  dueDate: Dayjs;
}

/** 登记服务事项: a problem of a project, assigned to a department with a due date. */
export function TicketFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/services/tickets', {
        projectId: v.projectId,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        departmentId: v.departmentId,
        dueDate: v.dueDate.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['services'] });
      void message.success(t('services.ticket.created'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      title={t('services.ticket.new')}
      open={open}
      onOk={() =>
        void form.validateFields().then(
          (v) => create.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="ticket-form">
        <Form.Item name="projectId" label={t('services.project')} rules={[required]}>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="title" label={t('services.ticket.title')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('services.ticket.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('services.ticket.department')} rules={[required]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="dueDate" label={t('services.ticket.dueDate')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
