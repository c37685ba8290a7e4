import type { Language } from './languages';

/** A tree of translation strings; leaves may use i18next `{{name}}` interpolation. */
export interface TranslationTree {
  [key: string]: string | TranslationTree;
}

/** Strings every app shares, under `common.*`. Plain words: many readers are elderly villagers. */
export const COMMON_STRINGS: Readonly<Record<Language, { common: TranslationTree }>> = {
  'zh-CN': {
    common: {
      skipToContent: '跳到主要内容',
      navLabel: '主菜单',
      menu: '菜单',
      language: '语言',
      required: '必填',
      loading: '正在加载…',
      retry: '重试',
      empty: '这里还没有内容',
      error: {
        title: '出错了',
        network: '网络连不上。请检查网线或无线网络，然后点“重试”。',
        timeout: '服务器太久没有回应，请稍后再试。',
        server: '服务器出了问题，请稍后再试。',
      },
      notFound: {
        title: '找不到这个页面',
        description: '您要找的页面不存在，或者已经搬走了。',
        home: '回到首页',
      },
      pagination: {
        label: '翻页',
        previous: '上一页',
        next: '下一页',
        status: '第 {{page}} 页，共 {{pages}} 页（{{total}} 条）',
      },
      status: { ok: '正常', error: '异常', checking: '检查中…' },
      services: { registry: '农户登记', ledger: '爱心积分', market: '扶贫超市', dividends: '分红' },
      health: {
        title: '系统状态',
        service: '服务',
        status: '状态',
        checks: { database: '数据库' },
        note: '说明',
        recheck: '重新检查',
        unreachable: '连不上这个服务',
        allOk: '全部正常',
        someDown: '有服务异常，请联系管理员',
        networkDown: '连不上服务器',
      },
    },
  },
  en: {
    common: {
      skipToContent: 'Skip to main content',
      navLabel: 'Main menu',
      menu: 'Menu',
      language: 'Language',
      required: 'required',
      loading: 'Loading…',
      retry: 'Try again',
      empty: 'Nothing here yet',
      error: {
        title: 'Something went wrong',
        network: 'Cannot reach the network. Check the cable or Wi-Fi, then press "Try again".',
        timeout: 'The server took too long to answer. Please try again later.',
        server: 'The server has a problem. Please try again later.',
      },
      notFound: {
        title: 'Page not found',
        description: 'The page you are looking for does not exist or has moved.',
        home: 'Back to the home page',
      },
      pagination: {
        label: 'Pages',
        previous: 'Previous',
        next: 'Next',
        status: 'Page {{page}} of {{pages}} ({{total}} items)',
      },
      status: { ok: 'OK', error: 'Down', checking: 'Checking…' },
      services: { registry: 'Households', ledger: 'Love points', market: 'Market', dividends: 'Dividends' },
      health: {
        title: 'System status',
        service: 'Service',
        status: 'Status',
        checks: { database: 'Database' },
        note: 'Note',
        recheck: 'Check again',
        unreachable: 'Cannot reach this service',
        allOk: 'All systems OK',
        someDown: 'A service is down. Please tell the administrator.',
        networkDown: 'Cannot reach the server',
      },
    },
  },
};
