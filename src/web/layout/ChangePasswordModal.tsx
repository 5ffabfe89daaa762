import { App, Form, Modal } from 'antd';
import { applyFieldErrors } from '../api/forms';
import { useShowError } from '../api/useApiError';
import { useChangePassword, useSignedInUser } from '../app/auth';
import { useLang } from '../i18n';
import { PasswordFields, PasswordPolicy, type PasswordValues } from '../pages/account/PasswordFields';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const showError = useShowError();

  const submit = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err, lang)) showError(err);
        },
      },
    );
  };

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <PasswordPolicy />
      <Form form={form} layout="vertical" preserve={false}>
        <PasswordFields username={me.username} />
      </Form>
    </Modal>
  );
}
