import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en,
  'zh-CN': zhCN,
};

export type Params = Readonly<Record<string, string | number>>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export const translate = (locale: Locale, key: MessageKey, params: Params = {}): string =>
  DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/**
 * A word of one of the domain's closed vocabularies (`tier`, `signal`, `item`, …): its
 * translation, or the word itself when this build does not know it yet (a newer server).
 */
export const translateWord = (locale: Locale, kind: string, value: string | number): string => {
  const key = `${kind}.${value}`;
  return key in en ? translate(locale, key as MessageKey) : String(value);
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
