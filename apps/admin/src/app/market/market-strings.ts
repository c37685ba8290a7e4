import type { AppResources } from '@fupin/ui';
import { MARKET_EN } from './market-strings-en';
import { MARKET_ZH } from './market-strings-zh';

export const MARKET_STRINGS: AppResources = { 'zh-CN': MARKET_ZH, en: MARKET_EN };
