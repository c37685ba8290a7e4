/**
 * The arrows between projects point one way, and lint says so: these are the imports the
 * architecture forbids, each linted as if written in a real file of the project named.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Lints `code` as if it stood in `file`, in a separate process (ESLint's config loader is ESM). */
function boundaryErrors(file: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', path.join(ROOT, file)],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; make sure there is one.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  });

  it('forbids a library importing an app', () => {
    const errors = boundaryErrors(
      'libs/persistence/src/probe.ts',
      "import { registryService } from '../../../apps/registry/src/registry.service';\nexport const x = registryService;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids a service importing another service', () => {
    const errors = boundaryErrors(
      'apps/ledger/src/probe.ts',
      "import { registryService } from '../../registry/src/registry.service';\nexport const x = registryService;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('forbids contracts from importing any other library of ours', () => {
    const errors = boundaryErrors(
      'libs/contracts/src/probe.ts',
      "import { createDataSource } from '@fupin/persistence';\nexport const x = createDataSource;\n",
    );
    expect(errors.join(' ')).toMatch(/can only depend on/);
  });

  it('forbids money from importing contracts, though both are shared libraries', () => {
    const errors = boundaryErrors(
      'libs/money/src/probe.ts',
      "import { TOPICS } from '@fupin/contracts';\nexport const x = TOPICS;\n",
    );
    expect(errors.join(' ')).toMatch(/scope:money/);
  });

  it('forbids a server library from importing a web library', () => {
    const errors = boundaryErrors(
      'libs/persistence/src/probe.ts',
      "import { createApiClient } from '@fupin/api-client';\nexport const x = createApiClient;\n",
    );
    expect(errors.join(' ')).toMatch(/can only depend on/);
  });

  it('forbids a web app from importing a server library', () => {
    const errors = boundaryErrors(
      'apps/admin/src/probe.ts',
      "import { createDataSource } from '@fupin/persistence';\nexport const x = createDataSource;\n",
    );
    expect(errors.join(' ')).toMatch(/can only depend on/);
  });

  it('allows a service to use the server libraries', () => {
    const errors = boundaryErrors(
      'apps/ledger/src/probe.ts',
      "import { createDataSource } from '@fupin/persistence';\nexport const x = createDataSource;\n",
    );
    expect(errors).toEqual([]);
  });
});
