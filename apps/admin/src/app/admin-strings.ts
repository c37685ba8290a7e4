import type { AppResources, TranslationTree } from '@fupin/ui';
import { AUDIT_STRINGS } from './audit/audit-strings';
import { AUTH_STRINGS } from './auth/auth-strings';
import { DIVIDENDS_STRINGS } from './dividends/dividends-strings';
import { DIVIDENDS_PUBLIC_STRINGS } from './dividends/public/dividends-public-strings';
import { HOUSEHOLDS_STRINGS } from './households/households-strings';
import { MARKET_STRINGS } from './market/market-strings';
import { ORGANISATIONS_STRINGS } from './organisations/organisations-strings';
import { POINTS_STRINGS } from './points/points-strings';
import { REGIONS_STRINGS } from './regions/regions-strings';
import { USERS_STRINGS } from './users/users-strings';

/** The shell, the words every page shares (`adm.*`) and plain wording for server error codes. */
const SHELL_STRINGS: AppResources = {
  'zh-CN': {
    admin: {
      name: '扶贫管理后台',
      dashboard: '工作台',
      intro: '县、镇、村工作人员在这里登记农户、评定积分、管理库存和分红。',
      greeting: '您好，{{name}}。',
      signedInAs: '您以“{{role}}”身份登录，范围：{{scope}}。',
      shortcuts: '常用功能',
      status: { title: '系统状态', checks: '检查项' },
      nav: {
        dashboard: '工作台',
        regions: '行政区划',
        households: '农户',
        organisations: '机构',
        users: '用户与角色',
        audit: '审计日志',
        password: '修改密码',
      },
    },
    adm: {
      all: '全部',
      choose: '请选择',
      search: '查询',
      clearFilters: '清空条件',
      save: '保存',
      cancel: '取消',
      confirm: '确定',
      yes: '是',
      no: '否',
    },
    adminErrors: {
      UNAUTHENTICATED: '登录已过期，请重新登录。',
      FORBIDDEN: '您没有权限做这件事，或者它不在您的管辖范围内。',
      VERSION_CONFLICT: '这户的信息已被别人修改过，请重新加载后再改。',
      CURRENT_PASSWORD_WRONG: '当前密码不对',
      PASSWORD_UNCHANGED: '新密码不能和原来的一样',
      CANNOT_CHANGE_OWN_ACCOUNT: '不能对自己的账号做这个操作。',
      HOUSEHOLD_NOT_FOUND: '找不到这户，可能已被删除或链接有误。',
      IMPORT_FORMAT_UNSUPPORTED: '只能导入 CSV 或 Excel（.xlsx）文件。',
      IMPORT_TOO_MANY_ROWS: '文件超过 5000 行，请分成几个文件导入。',
      IMPORT_EMPTY: '文件里没有数据行。',
      IMPORT_FILE_UNREADABLE: '文件打不开：请确认是 CSV 或 .xlsx 格式、没有损坏。',
    },
  },
  en: {
    admin: {
      name: 'Poverty Alleviation Admin',
      dashboard: 'Dashboard',
      intro:
        'County, town and village staff register households, award points, keep stock and pay dividends here.',
      greeting: 'Hello, {{name}}. ',
      signedInAs: 'You are signed in as {{role}} for {{scope}}.',
      shortcuts: 'Shortcuts',
      status: { title: 'System status', checks: 'Checks' },
      nav: {
        dashboard: 'Dashboard',
        regions: 'Regions',
        households: 'Households',
        organisations: 'Organisations',
        users: 'Users and roles',
        audit: 'Audit log',
        password: 'Change password',
      },
    },
    adm: {
      all: 'All',
      choose: 'Choose…',
      search: 'Search',
      clearFilters: 'Clear filters',
      save: 'Save',
      cancel: 'Cancel',
      confirm: 'Yes, go ahead',
      yes: 'Yes',
      no: 'No',
    },
    adminErrors: {
      UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
      FORBIDDEN: 'You may not do this, or it is outside your region.',
      VERSION_CONFLICT: 'Someone else changed this household. Reload it and try again.',
      CURRENT_PASSWORD_WRONG: 'The current password is wrong',
      PASSWORD_UNCHANGED: 'The new password must differ from the old one',
      CANNOT_CHANGE_OWN_ACCOUNT: 'You cannot do this to your own account.',
      HOUSEHOLD_NOT_FOUND: 'This household was not found; the link may be wrong.',
      IMPORT_FORMAT_UNSUPPORTED: 'Only CSV or Excel (.xlsx) files can be imported.',
      IMPORT_TOO_MANY_ROWS: 'Over 5000 rows: split the file.',
      IMPORT_EMPTY: 'The file has no data rows.',
      IMPORT_FILE_UNREADABLE: 'The file cannot be read: is it a CSV or .xlsx file, undamaged?',
    },
  },
};

function merge(base: TranslationTree, extra: TranslationTree): TranslationTree {
  const result: TranslationTree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    result[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return result;
}

const PARTS = [
  SHELL_STRINGS,
  AUTH_STRINGS,
  REGIONS_STRINGS,
  HOUSEHOLDS_STRINGS,
  USERS_STRINGS,
  ORGANISATIONS_STRINGS,
  AUDIT_STRINGS,
  POINTS_STRINGS,
  MARKET_STRINGS,
  DIVIDENDS_STRINGS,
  DIVIDENDS_PUBLIC_STRINGS,
];

/** The admin app's own words; the shared ones (buttons, statuses, services) come from `common.*`. */
export const ADMIN_STRINGS: AppResources = {
  'zh-CN': PARTS.reduce<TranslationTree>((tree, part) => merge(tree, part['zh-CN']), {}),
  en: PARTS.reduce<TranslationTree>((tree, part) => merge(tree, part.en), {}),
};
