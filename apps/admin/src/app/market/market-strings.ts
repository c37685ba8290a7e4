import type { AppResources } from '@fupin/ui';

export const MARKET_STRINGS: AppResources = { 'zh-CN': {}, en: {} };
