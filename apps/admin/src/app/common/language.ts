import { isLanguage, type Language } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** Labels the contracts carry for each language (roles, classes, statuses…). */
export type Labels = { readonly 'zh-CN': string; readonly en: string };

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Picks a contract label in the current language. */
export function useLabel(): (labels: Labels | undefined, fallback?: string) => string {
  const language = useLanguage();
  return (labels, fallback = '') => (labels ? labels[language] : fallback);
}

/**
 * The registry writes messages a person reads as “中文 / English”. Shows the half in the reader's
 * language, or the whole text when it has no such split.
 */
export function localiseServerText(text: string, language: Language): string {
  const split = text.indexOf(' / ');
  if (split < 0) return text;
  return language === 'en' ? text.slice(split + 3).trim() : text.slice(0, split).trim();
}
