import type { AppResources } from '@fupin/ui';

/** The storefront's own words; the shared ones (buttons, statuses, services) come from `common.*`. */
export const STOREFRONT_STRINGS: AppResources = {
  'zh-CN': {
    storefront: {
      name: '扶贫超市',
      home: '首页',
      hero: {
        title: '买农家好货，助乡亲增收',
        lead: '消费扶贫：每一份农产品都能追溯到种养它的村和农户。',
      },
      status: { title: '系统状态' },
    },
  },
  en: {
    storefront: {
      name: 'Poverty-Alleviation Market',
      home: 'Home',
      hero: {
        title: 'Buy farm produce, raise village incomes',
        lead: 'Every item can be traced to the village and household that grew it.',
      },
      status: { title: 'System status' },
    },
  },
};
