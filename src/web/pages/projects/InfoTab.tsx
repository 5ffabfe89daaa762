import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { projectKey } from './hooks';
import { canEditProject } from './permissions';
import { factsBody, factsValues, ProjectFields, type ProjectFactValues } from './ProjectFields';
import type { Project } from './types';

/**
 * 基本信息: the project's facts, editable. The form keeps the version it was loaded from, so a
 * save over someone else's change is refused (409) and the person's input stays in the form.
 */
export function InfoTab({ project }: { project: Project }) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const [form] = Form.useForm<ProjectFactValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState(false);

  // Loads the project into the form once; later refetches do not overwrite what is being typed.
  useEffect(() => {
    if (loadedVersion !== null) return;
    form.setFieldsValue(factsValues(project));
    setLoadedVersion(project.version);
  }, [project, loadedVersion, form]);

  const reload = () => {
    form.resetFields();
    form.setFieldsValue(factsValues(project));
    setLoadedVersion(project.version);
    setConflict(false);
  };

  const save = useMutation({
    mutationFn: (values: ProjectFactValues) =>
      api.patch<Project>(`/api/projects/${project.id}`, { version: loadedVersion, ...factsBody(values, null) }),
    onSuccess: (updated) => {
      client.setQueryData(projectKey(project.id), updated);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void client.invalidateQueries({ queryKey: ['audit'] });
      form.setFieldsValue(factsValues(updated));
      setLoadedVersion(updated.version);
      setConflict(false);
      void message.success(t('common.saved'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setConflict(true);
        void client.invalidateQueries({ queryKey: projectKey(project.id) });
        return;
      }
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  const editable = canEditProject(me.role);
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('project.conflict')}
          description={t('project.conflictHint')}
          action={
            <Button size="small" onClick={reload}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        name="project-info"
        disabled={!editable}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 900 }}
      >
        <ProjectFields enterprises={project.enterprises} />
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </>
  );
}
