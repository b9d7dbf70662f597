import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatInstant } from '../format/dates';
import type { MessageKey } from './en';
import {
  DEFAULT_LOCALE,
  isLocale,
  translate,
  translateWord,
  type Locale,
  type Params,
} from './translate';

/** The language switch is remembered in localStorage, per browser. */
const STORAGE_KEY = 'churn-console.locale';

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, params?: Params) => string;
  /** A word of a domain vocabulary: `word('tier', 'fortune')`. */
  readonly word: (kind: string, value: string | number) => string;
  /** An instant in the bank's time zone. */
  readonly instant: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

const storedLocale = (): Locale => {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
};

export const I18nProvider = ({ children }: { readonly children: ReactNode }) => {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      word: (kind, v) => translateWord(locale, kind, v),
      instant: (iso) => formatInstant(iso, locale),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
};
