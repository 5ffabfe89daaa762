import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useLang, type Lang } from '../i18n';

/** 中文 / English. Each label is written in its own language so anyone can find theirs. */
export function LangSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }} title={t('lang.label')}>
      <GlobalOutlined style={{ color: '#6b7280' }} />
      <Segmented<Lang>
        size="small"
        value={lang}
        onChange={setLang}
        options={[
          { label: t('lang.zh'), value: 'zh-CN' },
          { label: t('lang.en'), value: 'en' },
        ]}
      />
    </span>
  );
}
