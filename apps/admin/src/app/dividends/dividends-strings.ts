import type { AppResources } from '@fupin/ui';
import { DIVIDENDS_EN } from './dividends-strings-en';
import { DIVIDENDS_ZH } from './dividends-strings-zh';

export const DIVIDENDS_STRINGS: AppResources = { 'zh-CN': DIVIDENDS_ZH, en: DIVIDENDS_EN };
