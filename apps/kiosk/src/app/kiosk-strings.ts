import type { AppResources } from '@fupin/ui';

/** The kiosk's own words; the shared ones (buttons, statuses, services) come from `common.*`. */
export const KIOSK_STRINGS: AppResources = {
  'zh-CN': {
    kiosk: {
      name: '爱心超市',
      home: '首页',
      welcome: {
        title: '欢迎来到爱心超市',
        prompt: '请刷卡或输入积分卡号',
        motto: '以奖代补 · 多劳多得',
      },
      status: { title: '系统状态' },
    },
  },
  en: {
    kiosk: {
      name: 'Love Supermarket',
      home: 'Home',
      welcome: {
        title: 'Welcome to the Love Supermarket',
        prompt: 'Tap your card or enter your card number',
        motto: 'Rewards for effort · more work, more points',
      },
      status: { title: 'System status' },
    },
  },
};
