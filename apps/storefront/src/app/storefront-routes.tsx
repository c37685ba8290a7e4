import { ErrorState } from '@fupin/ui';
import type { RouteObject } from 'react-router-dom';
import { AllowancePage } from './allowance/allowance-page';
import { LoginPage } from './auth/login-page';
import { RequireSession } from './auth/require-session';
import { CartPage } from './cart/cart-page';
import { CataloguePage } from './catalogue/catalogue-page';
import { ProductPage } from './catalogue/product-page';
import { CheckoutPage } from './checkout/checkout-page';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found-page';
import { OrderPage } from './orders/order-page';
import { OrdersPage } from './orders/orders-page';
import { StorefrontShell } from './storefront-shell';

export const storefrontRoutes: RouteObject[] = [
  {
    path: '/',
    element: <StorefrontShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'products', element: <CataloguePage /> },
          { path: 'products/:productId', element: <ProductPage /> },
          { path: 'cart', element: <CartPage /> },
          { path: 'checkout', element: <CheckoutPage /> },
          { path: 'orders', element: <OrdersPage /> },
          { path: 'orders/:orderId', element: <OrderPage /> },
          { path: 'allowance', element: <AllowancePage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
