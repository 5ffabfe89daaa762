import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/useApiError';
import { useSignedInUser } from '../../app/auth';
import { useLang } from '../../i18n';
import { uploadFile } from './files';

interface StoredFile {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

interface Props {
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  id?: string;
}

/** A form field holding an uploaded file's id: the file goes to POST /api/files as soon as it is chosen. */
export function FileField({ value, onChange, id }: Props) {
  const { t, lang } = useLang();
  const me = useSignedInUser();
  const showError = useShowError();
  const [uploaded, setUploaded] = useState<StoredFile | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space id={id}>
      <Upload
        showUploadList={false}
        maxCount={1}
        customRequest={({ file }) => {
          setBusy(true);
          uploadFile<StoredFile>('/api/files', file as File, me.csrfToken, lang)
            .then((stored) => {
              setUploaded(stored);
              onChange?.(stored.id);
            }, showError)
            .finally(() => setBusy(false));
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t(value ? 'files.replace' : 'files.upload')}
        </Button>
      </Upload>
      {value && (
        <a href={`/api/files/${value}`} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {uploaded?.name ?? t('files.view')}
        </a>
      )}
    </Space>
  );
}
