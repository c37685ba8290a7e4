import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface LoadingStateProps {
  /** What is loading, e.g. 正在查询积分…; defaults to a generic “loading”. */
  label?: ReactNode;
}

export function LoadingState({ label }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <div className="fp-state fp-state--loading" role="status" aria-live="polite">
      <span className="fp-spinner fp-spinner--large" aria-hidden="true" />
      <p className="fp-state__title">{label ?? t('common.loading')}</p>
    </div>
  );
}
