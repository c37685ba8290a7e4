import type { AppResources } from '@fupin/ui';

export const DIVIDENDS_STRINGS: AppResources = { 'zh-CN': {}, en: {} };
