import { useTranslation } from 'react-i18next';
import { Button } from '../button/button';

export interface PaginationProps {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="fp-pagination" aria-label={t('common.pagination.label')}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('common.pagination.previous')}
      </Button>
      <span className="fp-pagination__status" aria-live="polite">
        {t('common.pagination.status', { page, pages, total })}
      </span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
        {t('common.pagination.next')}
      </Button>
    </nav>
  );
}
