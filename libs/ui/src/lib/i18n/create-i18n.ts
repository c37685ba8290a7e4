import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { COMMON_STRINGS, type TranslationTree } from './common-strings';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './languages';

/** An app's own strings for every language; they are merged over the shared `common.*` strings. */
export type AppResources = Readonly<Record<Language, TranslationTree>>;

export interface CreateI18nOptions {
  /** Where the reader's choice is kept; `null` keeps it nowhere (tests). Defaults to localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Overrides the stored choice, e.g. a kiosk configured for one language. */
  language?: Language;
}

/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'fupin.language';

function merge(base: TranslationTree, extra: TranslationTree): TranslationTree {
  const result: TranslationTree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    result[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return result;
}

function defaultStorage(): CreateI18nOptions['storage'] {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage can be switched off; the app still works in the default language
  }
}

function readStored(storage: CreateI18nOptions['storage']): Language | undefined {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates an initialised i18next instance for an app: zh-CN by default, en available, the
 * reader's choice remembered in storage and mirrored to `<html lang>` so screen readers and
 * fonts follow it.
 */
export function createI18n(resources: AppResources, options: CreateI18nOptions = {}): I18n {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const language = options.language ?? readStored(storage) ?? DEFAULT_LANGUAGE;
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on('languageChanged', (next: string) => {
    if (!isLanguage(next)) return;
    if (typeof document !== 'undefined') document.documentElement.lang = next;
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // a full or blocked storage only costs remembering the choice
    }
  });
  void instance.init({
    resources: Object.fromEntries(
      LANGUAGES.map((lng) => [lng, { translation: merge(COMMON_STRINGS[lng], resources[lng]) }]),
    ),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false, // the banner would land in villagers' kiosk consoles and every test log
  });
  return instance;
}
