import { randomUUID } from 'node:crypto';
import { demoLogin, stackDemo, stackUrls } from '@fupin/e2e-support';
import type { AllowanceView, OrderView, ProductView } from '@fupin/contracts';

/** What the market's demo seed printed (apps/market/src/demo), published in E2E_DEMO as `market`. */
export interface MarketDemo {
  created: boolean;
  products: Array<{ id: string; sku: string; name: string }>;
  buyer: string;
}

export function marketDemo(): MarketDemo {
  const demo = stackDemo() as ReturnType<typeof stackDemo> & { market?: MarketDemo };
  if (!demo.market)
    throw new Error('the stack ran no market demo seed (is dist/node/apps/market/src/demo built?)');
  return demo.market;
}

export function demoProduct(sku: string): { id: string; sku: string; name: string } {
  const found = marketDemo().products.find((p) => p.sku === sku);
  if (!found) throw new Error(`the market demo has no product ${sku}`);
  return found;
}

/** A demo user signed in through the registry's API, calling the market as that user. */
export interface MarketSession {
  /** The answer's status and body (errors are answers too: the tests look at them). */
  call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }>;
  allowance(): Promise<AllowanceView>;
  product(id: string): Promise<ProductView>;
  order(id: string): Promise<OrderView>;
}

export async function marketSession(username: string): Promise<MarketSession> {
  const urls = stackUrls();
  const login = await fetch(`${urls.registry}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoLogin(username).password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    const response = await fetch(`${urls.market}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(path: string): Promise<T> => {
    const answer = await call<T>('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path} as ${username}: ${answer.status}`);
    return answer.body;
  };
  return {
    call,
    allowance: () => ok<AllowanceView>('/allowance'),
    product: (id) => ok<ProductView>(`/products/${id}`),
    order: (id) => ok<OrderView>(`/orders/${id}`),
  };
}
