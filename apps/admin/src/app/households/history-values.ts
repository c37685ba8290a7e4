import {
  LABOUR_CLASS_LABELS,
  POVERTY_STATUS_LABELS,
  ROLE_LABELS,
  SUB_CLASS_LABELS,
  isRole,
} from '@fupin/contracts';
import type { TFunction } from 'i18next';
import type { Labels } from '../common/language';

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  povertyStatus: POVERTY_STATUS_LABELS,
  subClass: SUB_CLASS_LABELS,
  labourClass: LABOUR_CLASS_LABELS,
};

/** One recorded value in words: statuses and classes by their names, lists joined, blanks said. */
export function historyValue(field: string, value: unknown, t: TFunction, language: 'zh-CN' | 'en'): string {
  if (value === null || value === undefined || value === '') return t('households.history.empty');
  if (typeof value === 'boolean') return t(value ? 'adm.yes' : 'adm.no');
  if (Array.isArray(value)) return value.map(String).join(language === 'en' ? ', ' : '、');
  if (typeof value === 'string') {
    const labels = VALUE_LABELS[field]?.[value];
    if (labels) return labels[language];
    if (field === 'pin' && value === 'set') return t('households.detail.pinSet');
    return value;
  }
  return JSON.stringify(value);
}

/** The actor's role in words; `system` is the platform itself (demo seed, imports by a job). */
export function actorRoleText(role: string, t: TFunction, language: 'zh-CN' | 'en'): string {
  if (isRole(role)) return ROLE_LABELS[role][language];
  if (role === 'system') return t('households.history.system');
  return role;
}
