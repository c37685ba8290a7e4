import { useDocumentTitle } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageHeaderProps {
  title: string;
  /** One line under the title, e.g. where the page's data comes from. */
  description?: ReactNode;
  /** Buttons or links for the page's main actions. */
  actions?: ReactNode;
  /** A link back up, shown above the title. */
  back?: ReactNode;
}

/** The page's h1 (also the browser tab's title), a short description and its main actions. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('admin.name')}`);
  return (
    <div className="admin-page-header">
      {back ? <div className="admin-page-header__back">{back}</div> : null}
      <div className="admin-page-header__row">
        <h1>{title}</h1>
        {actions ? <div className="admin-page-header__actions">{actions}</div> : null}
      </div>
      {description ? <p className="admin-page-header__description">{description}</p> : null}
    </div>
  );
}
