import { isLanguage, type Language } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/**
 * The services write messages a person reads as “中文 / English”. Shows the half in the reader's
 * language, or the whole text when it has no such split.
 */
export function localiseServerText(text: string, language: Language): string {
  const split = text.indexOf(' / ');
  if (split < 0) return text;
  return language === 'en' ? text.slice(split + 3).trim() : text.slice(0, split).trim();
}
