import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useErrorText } from '../api/useApiError';
import { useSignedInUser } from '../app/auth';
import { useLang, type MessageKey } from '../i18n';
import { download, uploadFile } from '../pages/projects/files';
import type { ImportRowError } from '../pages/projects/types';

export interface ImportModalProps {
  open: boolean;
  onClose: () => void;
  /** The dialog's title. */
  title: MessageKey;
  /** POST endpoint that takes the filled-in template as multipart field `file` and answers `{ created }`. */
  uploadPath: string;
  /** GET endpoint of the empty template. */
  templatePath: string;
  /** The success message; it gets `{count}`, the number of rows created. */
  importedMessage: MessageKey;
  /** The queries an import makes stale. */
  invalidates: QueryKey;
}

/**
 * 导入: fill the template in Excel, upload it; a refused file lists every bad cell by row and column
 * and writes nothing (the server imports all or nothing).
 */
export function ImportModal({
  open,
  onClose,
  title,
  uploadPath,
  templatePath,
  importedMessage,
  invalidates,
}: ImportModalProps) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const client = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadFile<{ created: number }>(uploadPath, file, me.csrfToken, lang),
    onMutate: () => {
      setRowErrors([]);
      setFailure(null);
    },
    onSuccess: (result) => {
      void message.success(t(importedMessage, { count: result.created }));
      void client.invalidateQueries({ queryKey: invalidates });
      onClose();
    },
    onError: (err) => {
      setFailure(errorText(err));
      if (err instanceof ApiError) setRowErrors(err.problem.errors as ImportRowError[]);
    },
  });

  return (
    <Modal
      title={t(title)}
      open={open}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={760}
      destroyOnHidden
    >
      <p>{t('projects.importHint')}</p>
      <Button icon={<DownloadOutlined />} onClick={() => download(templatePath)}>
        {t('projects.importTemplate')}
      </Button>
      <Upload.Dragger
        style={{ marginTop: 16 }}
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file }) => upload.mutate(file as File)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t(upload.isPending ? 'projects.importing' : 'projects.importDrop')}</p>
      </Upload.Dragger>
      {failure && <Alert style={{ marginTop: 16 }} type="error" showIcon title={failure} />}
      {rowErrors.length > 0 && (
        <Table<ImportRowError>
          style={{ marginTop: 16 }}
          size="small"
          rowKey={(e, i) => `${e.field}-${i}`}
          dataSource={rowErrors}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('projects.importRow'), dataIndex: 'row', width: 80 },
            {
              title: t('projects.importColumn'),
              dataIndex: 'column',
              width: 180,
              render: (c: string | undefined, e) => c ?? e.field,
            },
            { title: t('projects.importProblem'), render: (_, e) => (lang === 'en' ? e.en : e['zh-CN']) || e.message },
          ]}
        />
      )}
    </Modal>
  );
}
