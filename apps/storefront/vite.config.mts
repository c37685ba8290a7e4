import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const appDir = fileURLToPath(new URL('.', import.meta.url));
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

export default defineConfig({
  root: appDir,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@fupin\/ui$/, replacement: lib('ui') },
      { find: /^@fupin\/api-client$/, replacement: lib('api-client') },
      { find: /^@fupin\/contracts$/, replacement: lib('contracts') },
    ],
  },
  build: { outDir: `${repoRoot}dist/apps/storefront`, emptyOutDir: true },
  // Next to the stack's gateway port for the same app (tools/dev/stack.mjs), so both can run at once.
  server: { host: '127.0.0.1', port: 4201, strictPort: true, proxy: apiProxy },
});
