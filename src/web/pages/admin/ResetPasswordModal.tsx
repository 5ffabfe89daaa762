import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../api/forms';
import type { User } from '../../api/types';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';
import { PASSWORD_MIN_LENGTH, PasswordPolicy } from '../account/PasswordFields';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const showError = useShowError();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const reset = useMutation({
    mutationFn: (password: string) => api.post<void>(`/api/users/${user!.id}/reset-password`, { password }),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });

  return (
    <Modal
      title={user ? `${t('users.resetPassword')} · ${user.displayName}` : t('users.resetPassword')}
      open={user !== null}
      onOk={() =>
        void form.validateFields().then(
          (v) => reset.mutate(v.password),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('users.resetMustChange')} style={{ marginBottom: 12 }} />
      <PasswordPolicy />
      <Form form={form} layout="vertical" name="reset-password-form">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('common.required') },
            { min: PASSWORD_MIN_LENGTH, message: t('password.policy.length', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
