import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { applyFieldErrors } from '../../api/forms';
import { useShowError } from '../../api/useApiError';
import { useLang } from '../../i18n';

interface Props<V> {
  /** The form's name: it prefixes the field ids, so labels stay unique beside the page's other forms. */
  name: string;
  open: boolean;
  title: ReactNode;
  /** What the action does and the clause behind it. */
  hint?: ReactNode;
  /** The form items; their names are the keys of `V`. */
  children: ReactNode;
  submit: (values: V) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
  danger?: boolean;
}

/**
 * One coordination action in a modal: a small form whose submission is one API call. The server's
 * field errors land on the fields; any other refusal is shown as a message, and the form stays.
 */
export function ActionModal<V extends object>({
  name,
  open,
  title,
  hint,
  children,
  submit,
  onDone,
  onClose,
  danger,
}: Props<V>) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<V>();
  const run = useMutation({
    mutationFn: submit,
    onSuccess: () => {
      void message.success(t('coord.saved'));
      onDone();
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      okButtonProps={{ danger }}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {open && (
        <Form<V> form={form} name={name} layout="vertical" preserve={false} onFinish={(v) => run.mutate(v)}>
          {children}
        </Form>
      )}
    </Modal>
  );
}
