import type { AppResources } from '@fupin/ui';

/** The admin app's own words; the shared ones (buttons, statuses, services) come from `common.*`. */
export const ADMIN_STRINGS: AppResources = {
  'zh-CN': {
    admin: {
      name: '扶贫管理后台',
      dashboard: '工作台',
      intro: '县、镇、村工作人员在这里登记农户、评定积分、管理库存和分红。',
      status: { title: '系统状态', checks: '检查项' },
    },
  },
  en: {
    admin: {
      name: 'Poverty Alleviation Admin',
      dashboard: 'Dashboard',
      intro:
        'County, town and village staff register households, award points, keep stock and pay dividends here.',
      status: { title: 'System status', checks: 'Checks' },
    },
  },
};
