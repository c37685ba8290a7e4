import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The web apps import this library: no Node built-ins and nothing of ours, only zod.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('contracts source', () => {
  const files = sourceFiles(__dirname).map((f) => relative(__dirname, f));

  it.each(files)('%s imports only zod and relative files', (file) => {
    const text = readFileSync(join(__dirname, file), 'utf8');
    const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier === 'zod' || specifier.startsWith('.')).toBe(true);
  });
});
