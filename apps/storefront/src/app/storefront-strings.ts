import type { AppResources } from '@fupin/ui';
import { STOREFRONT_EN } from './storefront-strings-en';
import { STOREFRONT_ZH } from './storefront-strings-zh';

/** The storefront's own words; the shared ones (buttons, statuses, services) come from `common.*`. */
export const STOREFRONT_STRINGS: AppResources = {
  'zh-CN': { storefront: STOREFRONT_ZH },
  en: { storefront: STOREFRONT_EN },
};
