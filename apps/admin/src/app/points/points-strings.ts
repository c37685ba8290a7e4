import type { AppResources } from '@fupin/ui';

export const POINTS_STRINGS: AppResources = { 'zh-CN': {}, en: {} };
