import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button/button';

export interface ErrorStateProps {
  title?: ReactNode;
  /** What went wrong in plain words; see `errorMessageKey` for API errors. */
  message?: ReactNode;
  onRetry?: () => void;
  /** True while the retry is under way. */
  retrying?: boolean;
}

export function ErrorState({ title, message, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <section className="fp-state fp-state--error" role="alert">
      <p className="fp-state__title">{title ?? t('common.error.title')}</p>
      {message ? <p className="fp-state__description">{message}</p> : null}
      {onRetry ? (
        <div className="fp-state__action">
          <Button size="lg" onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
