#!/usr/bin/env node
// Compiles NestJS services and the server libraries they use from TypeScript to CommonJS with
// SWC (decorator metadata included), into dist/node/ mirroring the repository layout, so that
// `node dist/node/apps/<service>/src/main.js` runs without any TypeScript tooling at run time.
// `@fupin/*` imports are rewritten to relative paths from tsconfig.base.json's path map.
//
// Usage: node tools/build/services.mjs [service …]   (no argument: all four services)
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const swcOptions = require('../jest/swc.cjs');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));

export const SERVICES = ['registry', 'ledger', 'market', 'dividends'];
const SERVER_LIBS = ['contracts', 'money', 'persistence', 'service-kit', 'auth', 'messaging'];
const outRoot = path.join(root, 'dist', 'node');

function listSources(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.ts$/.test(entry.name) && !/\.(spec|int-spec|d)\.ts$/.test(entry.name) && !full.includes(`${path.sep}testing${path.sep}`)) out.push(full);
  }
  return out;
}

function relativeImport(fromFile, aliasTarget) {
  const targetJs = path.join(outRoot, aliasTarget.replace(/\.ts$/, '.js'));
  let rel = path.relative(path.dirname(fromFile), targetJs).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

async function compile(file) {
  const out = path.join(outRoot, path.relative(root, file)).replace(/\.ts$/, '.js');
  const options = swcOptions();
  const { code } = await transformFile(file, { ...options, swcrc: false, sourceMaps: 'inline', filename: file });
  // Rewrite path aliases; anything else (npm packages, relative imports) stays as written.
  const rewritten = code.replace(/require\("(@fupin\/[a-z-]+(?:\/[a-z-]+)?)"\)/g, (whole, alias) => {
    const target = compilerOptions.paths[alias]?.[0];
    return target ? `require("${relativeImport(out, target)}")` : whole;
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Several builds may run at once (parallel test projects each start a platform) while services
  // load these files: write only what changed, and atomically, so no reader sees half a file.
  if (fs.existsSync(out) && fs.readFileSync(out, 'utf8') === rewritten) return;
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, rewritten);
  fs.renameSync(tmp, out);
}

/** Builds the given services (and every server library once). */
export async function buildServices(services = SERVICES) {
  const unknown = services.filter((s) => !SERVICES.includes(s));
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')}`);
  const files = [
    ...SERVER_LIBS.flatMap((lib) => listSources(path.join(root, 'libs', lib, 'src'))),
    ...services.flatMap((s) => listSources(path.join(root, 'apps', s, 'src'))),
  ];
  await Promise.all(files.map(compile));
  return files.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const wanted = process.argv.slice(2);
  buildServices(wanted.length ? wanted : SERVICES).then(
    (count) => console.log(`compiled ${count} files for ${(wanted.length ? wanted : SERVICES).join(', ')} into dist/node`),
    (error) => {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    },
  );
}
