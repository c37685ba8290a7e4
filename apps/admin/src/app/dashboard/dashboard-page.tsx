import { ROLE_LABELS } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can, type Permission } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { useLabel } from '../common/language';
import { PageHeader } from '../common/page-header';
import { SystemStatusTable } from './system-status-table';

const SHORTCUTS: ReadonlyArray<{ to: string; label: string; permission: Permission }> = [
  { to: '/households', label: 'admin.nav.households', permission: 'households.read' },
  { to: '/households/new', label: 'households.register', permission: 'households.write' },
  { to: '/households/import', label: 'households.importAction', permission: 'households.write' },
  { to: '/regions', label: 'admin.nav.regions', permission: 'regions.read' },
  { to: '/organisations', label: 'admin.nav.organisations', permission: 'organisations.read' },
  { to: '/users', label: 'admin.nav.users', permission: 'users.read' },
  { to: '/audit', label: 'admin.nav.audit', permission: 'audit.read' },
];

export function DashboardPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const shortcuts = SHORTCUTS.filter((item) => can(user.role, item.permission));
  return (
    <div className="admin-dashboard">
      <PageHeader title={t('admin.dashboard')} />
      <p className="admin-dashboard__intro">
        {t('admin.greeting', { name: user.displayName })}
        {t('admin.signedInAs', { role: label(ROLE_LABELS[user.role]), scope: user.scopeName })}
      </p>
      {shortcuts.length > 0 ? (
        <nav className="admin-shortcuts" aria-label={t('admin.shortcuts')}>
          <ul>
            {shortcuts.map((item) => (
              <li key={item.to}>
                <Link className="fp-button fp-button--secondary fp-button--lg" to={item.to}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <SystemStatusTable />
    </div>
  );
}
