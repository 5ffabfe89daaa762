import { App } from 'antd';
import { useCallback } from 'react';
import { useLang } from '../i18n';
import { ApiError } from './client';

/** The text to show a person for a failed call, in the chosen language. */
export function useErrorText(): (err: unknown) => string {
  const { t, lang } = useLang();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        if (err.status === 0) return t('common.networkError');
        if (err.problem.code === 'VERSION_CONFLICT') return t('common.conflict');
        const { title, detail } = err.problem;
        if (!detail || detail === title) return title || detail;
        return lang === 'en' ? `${title}: ${detail}` : `${title}：${detail}`;
      }
      return err instanceof Error ? err.message : String(err);
    },
    [t, lang],
  );
}

/** Shows a failed call as an antd message. */
export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback((err: unknown) => void message.error(text(err)), [message, text]);
}
