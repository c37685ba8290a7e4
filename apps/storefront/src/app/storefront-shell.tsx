import { AppLayout, Button } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useSession, useSessionStore } from './auth/session-context';
import { useCart } from './cart/cart-context';
import { cartCount } from './cart/cart-store';

export function StorefrontShell() {
  const { t } = useTranslation();
  const session = useSession();
  const count = cartCount(useCart());
  const signedIn = session.status === 'signed-in' && session.user;
  return (
    <AppLayout
      title={<Link to="/">{t('storefront.name')}</Link>}
      collapsibleNav
      nav={
        <ul>
          <li>
            <NavLink to="/" end>
              {t('storefront.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/products">{t('storefront.nav.products')}</NavLink>
          </li>
          <li>
            <NavLink to="/cart" aria-label={t('storefront.nav.cartCount', { count })}>
              {t('storefront.nav.cart')}
              {count > 0 ? (
                <span className="sf-cart-badge" aria-hidden="true">
                  {count}
                </span>
              ) : null}
            </NavLink>
          </li>
          <li>
            <NavLink to="/orders">{t('storefront.nav.orders')}</NavLink>
          </li>
          <li>
            <NavLink to="/allowance">{t('storefront.nav.allowance')}</NavLink>
          </li>
        </ul>
      }
      actions={signedIn ? <UserMenu name={session.user!.displayName} /> : <SignInLink />}
    >
      <Outlet />
    </AppLayout>
  );
}

function SignInLink() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'restoring') return null;
  return (
    <Link className="fp-button fp-button--secondary" to="/login">
      {t('storefront.login.submit')}
    </Link>
  );
}

function UserMenu({ name }: { name: string }) {
  const { t } = useTranslation();
  const store = useSessionStore();
  const [busy, setBusy] = useState(false);
  return (
    <div className="sf-user">
      <span className="sf-user__name">{name}</span>
      <Button
        variant="secondary"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void store.logout().finally(() => setBusy(false));
        }}
      >
        {t('storefront.login.logout')}
      </Button>
    </div>
  );
}
