import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const DICTIONARIES: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'zs.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Something named in both languages: a region, unit or chain. The Chinese name stands in for a missing English one. */
export interface Named {
  name: string;
  nameEn?: string | null;
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** The name to show in the chosen language. */
  nameOf: (named: Named) => string;
}

const LangContext = createContext<LangContextValue | null>(null);

/** Applies a language everywhere outside React: API header, dayjs, the document. */
function applyLang(lang: Lang) {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const chosen = initialLang();
    applyLang(chosen);
    return chosen;
  });

  const setLang = useCallback((next: Lang) => {
    applyLang(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    setLangState(next);
  }, []);

  const value = useMemo<LangContextValue>(() => {
    const dict = DICTIONARIES[lang];
    const nameOf = (named: Named) => (lang === 'en' && named.nameEn ? named.nameEn : named.name);
    return { lang, setLang, t: (key, values) => format(dict[key], values), nameOf };
  }, [lang, setLang]);

  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang must be used inside <LangProvider>');
  return value;
}

/** The translate function of the chosen language. */
export function useT(): Translate {
  return useLang().t;
}
