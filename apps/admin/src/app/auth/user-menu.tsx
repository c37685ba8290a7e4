import { ROLE_LABELS } from '@fupin/contracts';
import { Button } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';
import { useSessionStore, useUser } from './session-context';

/** Who is signed in (name, role, scope) and the way out, in the header. */
export function UserMenu() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const store = useSessionStore();
  const [busy, setBusy] = useState(false);
  return (
    <div className="admin-user-menu">
      <p className="admin-user-menu__who">
        <span className="admin-user-menu__name">{user.displayName}</span>
        <span className="admin-user-menu__role">
          {label(ROLE_LABELS[user.role])} · {user.scopeName}
        </span>
      </p>
      <Button
        variant="secondary"
        className="admin-user-menu__logout"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void store.logout();
        }}
      >
        {t('auth.logout')}
      </Button>
    </div>
  );
}
