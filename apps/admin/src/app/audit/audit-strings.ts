import type { AppResources } from '@fupin/ui';

export const AUDIT_STRINGS: AppResources = {
  'zh-CN': {
    audit: {
      title: '审计日志',
      description: '每一次修改和每一次查看敏感信息（如完整银行账号）都记在这里，最新的在前。',
      filtersLabel: '查询审计日志',
      total: '共 {{count}} 条',
      empty: '没有符合条件的记录',
      dateInvalid: '日期格式为 2020-06-30',
      filters: {
        action: '动作',
        actionHint: '如 household.status_changed；以 . 结尾按前缀查，如 household.',
        actorId: '操作人 ID',
        targetType: '对象类型',
        targetTypeHint: '如 household、user、region',
        targetId: '对象 ID',
        from: '从（日期）',
        to: '到（日期）',
      },
      columns: {
        time: '时间',
        actor: '操作人',
        action: '动作',
        target: '对象',
        details: '详情',
        ip: 'IP 地址',
      },
    },
  },
  en: {
    audit: {
      title: 'Audit log',
      description:
        'Every change and every look at sensitive data (such as a full bank account), newest first.',
      filtersLabel: 'Search the audit log',
      total: '{{count}} entries',
      empty: 'No entry matches',
      dateInvalid: 'A date like 2020-06-30',
      filters: {
        action: 'Action',
        actionHint: 'e.g. household.status_changed; end with . for a prefix, e.g. household.',
        actorId: 'Actor ID',
        targetType: 'Target type',
        targetTypeHint: 'e.g. household, user, region',
        targetId: 'Target ID',
        from: 'From (date)',
        to: 'To (date)',
      },
      columns: {
        time: 'Time',
        actor: 'Actor',
        action: 'Action',
        target: 'Target',
        details: 'Details',
        ip: 'IP address',
      },
    },
  },
};
