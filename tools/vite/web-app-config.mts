// The Vite settings the three web apps share; each app's vite.config.mts names itself and its
// dev-server port.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const lib = (name: string) => `${repoRoot}libs/${name}/src/index.ts`;

// For the `vite` dev server only: each service's default port (SERVICE_DEFAULT_PORTS in libs/contracts).
// Built apps are served by tools/dev/stack.mjs, whose gateway proxies /api/<service> itself.
const apiProxy = {
  '/api/registry': 'http://127.0.0.1:3001',
  '/api/ledger': 'http://127.0.0.1:3002',
  '/api/market': 'http://127.0.0.1:3003',
  '/api/dividends': 'http://127.0.0.1:3004',
};

/** Config for `apps/<app>`, built into `dist/apps/<app>`; `devPort` sits next to the stack's gateway port. */
export function webAppConfig(app: 'storefront' | 'kiosk' | 'admin', devPort: number): UserConfig {
  return defineConfig({
    root: `${repoRoot}apps/${app}`,
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^@fupin\/ui$/, replacement: lib('ui') },
        { find: /^@fupin\/api-client$/, replacement: lib('api-client') },
        { find: /^@fupin\/contracts$/, replacement: lib('contracts') },
      ],
    },
    build: { outDir: `${repoRoot}dist/apps/${app}`, emptyOutDir: true },
    server: { host: '127.0.0.1', port: devPort, strictPort: true, proxy: apiProxy },
  });
}
