import { NotFoundState, useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.notFound.title')} · ${t('admin.name')}`);
  return (
    <NotFoundState
      homeLink={
        <Link className="fp-button fp-button--primary" to="/">
          {t('common.notFound.home')}
        </Link>
      }
    />
  );
}
