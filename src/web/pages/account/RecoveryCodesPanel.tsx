import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useT } from '../../i18n';

/** Recovery codes, shown once: copy, download, then the person confirms they have kept them. */
export function RecoveryCodesPanel({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const text = codes.join('\n') + '\n';

  // The clipboard can be refused (an insecure origin, a denied permission): downloading still works.
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => void message.success(t('account.recovery.copied')),
      () => undefined,
    );

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'zhaoshang-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div data-testid="recovery-codes">
      <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>{t('account.recovery.title')}</h3>
      <Alert type="warning" showIcon title={t('account.recovery.hint')} style={{ marginBottom: 12 }} />
      <ol
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: '4px 24px',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
          fontSize: 15,
          background: '#f5f8fc',
          borderRadius: 6,
          padding: '12px 12px 12px 36px',
          margin: '0 0 12px',
        }}
      >
        {codes.map((code) => (
          <li key={code} className="zs-recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('account.recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('account.recovery.download')}
        </Button>
        <Button type="primary" onClick={onSaved}>
          {t('account.recovery.saved')}
        </Button>
      </Space>
    </div>
  );
}
