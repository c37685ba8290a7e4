import type { AppResources } from '@fupin/ui';

export const DIVIDENDS_PUBLIC_STRINGS: AppResources = { 'zh-CN': {}, en: {} };
