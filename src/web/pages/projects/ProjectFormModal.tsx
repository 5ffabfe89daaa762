import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import { factsBody, ProjectFields, type ProjectFactValues } from './ProjectFields';
import type { Project } from './types';

interface Values extends ProjectFactValues {
  stage: 'planned' | 'negotiating';
}

interface Props {
  open: boolean;
  defaultStage: 'planned' | 'negotiating';
  onClose: () => void;
  onCreated?: (project: Project) => void;
}

/** 新建项目: a project starts in 谋划 or 洽谈; the server gives it its code. */
export function ProjectFormModal({ open, defaultStage, onClose, onCreated }: Props) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { regionCode } = useRegion();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      stage: defaultStage,
      confidentiality: 'normal',
      enterpriseIds: [],
      hostRegionCode: regionCode,
    });
  }, [open, form, defaultStage, regionCode]);

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<Project>('/api/projects', { ...factsBody(values, undefined), stage: values.stage }),
    onSuccess: (project) => {
      void message.success(t('projects.created', { code: project.code }));
      void client.invalidateQueries({ queryKey: ['projects'] });
      onCreated?.(project);
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  return (
    <Modal
      title={t('projects.create')}
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
      width={760}
    >
      <Form form={form} layout="vertical" name="project-form">
        <Form.Item name="stage" label={t('projects.startStage')}>
          <Radio.Group
            options={[
              { value: 'planned', label: t('stage.planned') },
              { value: 'negotiating', label: t('stage.negotiating') },
            ]}
          />
        </Form.Item>
        <ProjectFields />
      </Form>
    </Modal>
  );
}
