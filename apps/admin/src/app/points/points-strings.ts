import type { AppResources } from '@fupin/ui';
import { POINTS_STRINGS_EN } from './points-strings-en';
import { POINTS_STRINGS_ZH } from './points-strings-zh';

/** Words of the points pages (爱心积分), Chinese first; server codes under `adminErrors`. */
export const POINTS_STRINGS: AppResources = { 'zh-CN': POINTS_STRINGS_ZH, en: POINTS_STRINGS_EN };
