#!/usr/bin/env node
// npm run migration:create -- <service> <DescriptiveName>
// Writes an empty timestamped migration into apps/<service>/src/migrations and registers it
// in that folder's index.ts. Migrations are never edited once merged: add a new one instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES } from '../build/services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [service, name] = process.argv.slice(2);
if (!SERVICES.includes(service) || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  console.error(`usage: npm run migration:create -- <${SERVICES.join('|')}> <PascalCaseName>`);
  process.exit(2);
}
const stamp = Date.now();
const className = `${name}${stamp}`;
const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const dir = path.join(ROOT, 'apps', service, 'src', 'migrations');
const file = path.join(dir, `${stamp}-${kebab}.ts`);
fs.writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(\`\`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(\`\`);
  }
}
`,
);
const indexFile = path.join(dir, 'index.ts');
let index = fs.readFileSync(indexFile, 'utf8');
const importLine = `import { ${className} } from './${stamp}-${kebab}';\n`;
const lastImport = index.lastIndexOf('import ');
const afterImports = index.indexOf('\n', lastImport) + 1;
index = index.slice(0, afterImports) + importLine + index.slice(afterImports);
index = index.replace(
  /export const migrations = \[([^\]]*)\];/,
  (_, list) => `export const migrations = [${list.trim()}, ${className}];`,
);
fs.writeFileSync(indexFile, index);
console.log(`created ${path.relative(ROOT, file)} and registered it in ${path.relative(ROOT, indexFile)}`);
