import { ROLE_LABELS } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../common/page-header';
import { useLabel } from '../common/language';
import { useUser } from './session-context';

/** What a role sees on a page it may not use: plainly that, and the way back. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  return (
    <section className="fp-state admin-forbidden" aria-labelledby="admin-forbidden-title">
      <PageHeader title={t('auth.forbidden.title')} />
      <p className="fp-state__description">
        {t('auth.forbidden.description', { role: label(ROLE_LABELS[user.role]) })}
      </p>
      <div className="fp-state__action">
        <Link className="fp-button fp-button--primary fp-button--md" to="/">
          {t('auth.forbidden.home')}
        </Link>
      </div>
    </section>
  );
}
