#!/usr/bin/env node
// Makes a service's tsc output runnable with plain `node`, no tsconfig-paths at run time.
//
//   node deploy/build/alias-packages.js dist/<service>
//
// tsc keeps `require('@churn/config')` as written. For every `@churn/*` alias of
// tsconfig.base.json whose compiled file is in the output, this writes a one-line package
// `dist/<service>/node_modules/@churn/<name>/package.json` whose `main` points at that file.
// Node's own resolution then finds it (it walks up from every compiled file to
// dist/<service>/node_modules) and falls through to the real node_modules for everything else.
// Aliases whose library the service does not use (tsc did not emit them) get no package, so a
// stray import fails loudly at start-up instead of loading source that was never built.
'use strict';
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node deploy/build/alias-packages.js <tsc outDir, e.g. dist/ingestion>');
  process.exit(2);
}
const out = resolve(root, outDir);
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const modules = join(out, 'node_modules');
rmSync(modules, { recursive: true, force: true });

const linked = [];
for (const [alias, [target]] of Object.entries(compilerOptions.paths ?? {})) {
  if (alias.includes('*') || !target) continue;
  const compiled = join(out, target.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled)) continue;
  const dir = join(modules, alias);
  mkdirSync(dir, { recursive: true });
  const main = relative(dir, compiled).split('\\').join('/');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: alias, main })}\n`);
  linked.push(alias);
}
if (linked.length === 0) {
  console.error(`alias-packages: no compiled @churn library under ${outDir}; did tsc run?`);
  process.exit(1);
}
console.log(`alias-packages: ${linked.length} aliases resolvable in ${relative(root, modules)}`);
