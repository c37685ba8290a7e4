#!/usr/bin/env node
// npm run bench -- <name>: starts a fresh platform (throwaway data, free ports), runs
// bench/<name>/index.mjs against it, prints a table and writes bench/results/<name>.json.
// A benchmark module exports `run({ startStack, log })` — startStack(options) gives it a fresh
// platform — and returns flat figures whose keys carry their unit (`redeem_p99_ms`, `oversold`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStack } from '../tools/dev/stack.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = fs.readdirSync(here).filter((d) => fs.existsSync(path.join(here, d, 'index.mjs')));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(2);
}

const log = (line) => process.stderr.write(`  ${line}\n`);
// A benchmark asks for the platforms it needs (fresh data, free ports); all are stopped at the end.
const started = [];
const startFreshStack = async (options = {}) => {
  const stack = await startStack({
    ports: 0,
    log: (l) => (/error|warn/i.test(l) ? log(l) : undefined),
    ...options,
  });
  started.push(stack);
  return stack;
};
let figures;
try {
  const bench = await import(pathToFileURL(path.join(here, name, 'index.mjs')).href);
  figures = await bench.run({ startStack: startFreshStack, log });
} finally {
  for (const stack of started.reverse()) await stack.stop();
}

const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`\nbench/${name}`);
for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(width)}  ${value}`);
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${name}.json`);
fs.writeFileSync(
  out,
  `${JSON.stringify({ bench: name, at: new Date().toISOString(), ...figures }, null, 2)}\n`,
);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
