import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { applyFieldErrors } from '../api/forms';
import { useShowError } from '../api/useApiError';
import { useLang } from '../i18n';

/**
 * Saves a form's values. On success the queries under `invalidates` refresh, `savedMessage` shows
 * and the dialog closes; the server's field errors land on their fields, any other error shows as a message.
 */
export function useFormSave<V>(
  form: FormInstance<V>,
  options: { save: (values: V) => Promise<unknown>; invalidates: QueryKey; savedMessage: string; onClose: () => void },
) {
  const { lang } = useLang();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  return useMutation({
    mutationFn: options.save,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: options.invalidates });
      void message.success(options.savedMessage);
      options.onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, lang)) showError(err);
    },
  });
}

/**
 * A dialog around one vertical form: 保存 validates the fields and hands the values to `onSubmit`.
 * It renders while closed, so the form can be filled before it opens.
 */
export function FormModal<V>({
  form,
  name,
  title,
  open,
  onClose,
  onSubmit,
  saving,
  width,
  children,
}: {
  form: FormInstance<V>;
  /** The form's name (the prefix of its field ids). */
  name: string;
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: V) => void;
  saving: boolean;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <Modal
      title={title}
      open={open}
      onOk={() =>
        void form.validateFields().then(
          (v) => onSubmit(v),
          () => undefined,
        )
      }
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={width}
    >
      <Form form={form} layout="vertical" name={name}>
        {children}
      </Form>
    </Modal>
  );
}
