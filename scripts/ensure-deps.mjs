#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart/pretest) so that the README's
// two commands work on a fresh clone: it checks the Node version and installs
// the locked dependencies when node_modules is missing or older than the lockfile.
// Plain JavaScript on purpose: it runs before TypeScript tooling is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: this bot needs Node 20.19 or newer (https://nodejs.org).`);
  process.exit(1);
}

const lockfile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs;
if (stale) {
  console.error('Installing dependencies (first run, or the lockfile changed)…');
  try {
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.error('Installing dependencies failed (see above). Check your network access to the npm registry, then run `npm ci` yourself.');
    process.exit(1);
  }
}
