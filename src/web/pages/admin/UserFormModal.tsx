import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import { ROLES, type Role, type User } from '../../api/types';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { PASSWORD_MIN_LENGTH } from '../account/PasswordFields';
import { UnitSelect } from './UnitSelect';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  password: string;
  active: boolean;
}

/** Creates a user (user = null) or edits one. */
export function UserFormModal({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        unitId: user.unit.id,
        active: user.active,
      });
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      user
        ? api.patch<User>(`/api/users/${user.id}`, {
            version: user.version,
            displayName: values.displayName,
            role: values.role,
            unitId: values.unitId,
            active: values.active,
          })
        : api.post<User>('/api/users', {
            username: values.username,
            displayName: values.displayName,
            role: values.role,
            unitId: values.unitId,
            password: values.password,
          }),
    onSuccess: () => {
      void message.success(t(user ? 'common.saved' : 'common.created'));
      void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
      // Someone else saved first: show their version behind the modal.
      if (err instanceof ApiError && err.status === 409) void client.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      title={t(user ? 'users.edit' : 'users.create')}
      open={open}
      onOk={() =>
        void form.validateFields().then(
          (v) => save.mutate(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" name="user-form">
        {!user && (
          <Form.Item name="username" label={t('users.username')} rules={[required]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select
            placeholder={t('users.rolePlaceholder')}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[required]}>
          <UnitSelect current={user?.unit} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('password.rule')}
            rules={[required, { min: PASSWORD_MIN_LENGTH, message: t('password.rule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
