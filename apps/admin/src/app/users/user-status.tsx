import type { UserView } from '@fupin/contracts';
import { StatusBadge } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** 在用 / 已停用, and 已锁定 after five wrong passwords. */
export function UserStatus({ user }: { user: Pick<UserView, 'active' | 'locked'> }) {
  const { t } = useTranslation();
  return (
    <span className="admin-badges">
      <StatusBadge tone={user.active ? 'ok' : 'neutral'}>
        {t(user.active ? 'users.active' : 'users.disabled')}
      </StatusBadge>
      {user.locked ? <StatusBadge tone="error">{t('users.locked')}</StatusBadge> : null}
    </span>
  );
}
