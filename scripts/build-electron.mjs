#!/usr/bin/env node
// Bundles the Electron main process and preload into dist-electron/ (one CommonJS file each).
// The preload runs sandboxed, where only `electron` can be required, so everything else it uses
// must be inside the bundle. Usage: node scripts/build-electron.mjs [--outdir <dir>]
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 && process.argv[outdirFlag + 1] ? resolve(process.argv[outdirFlag + 1]) : join(root, 'dist-electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 runs Node 22
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'electron/main.ts')], outfile: join(outdir, 'main.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/preload.ts')], outfile: join(outdir, 'preload.cjs') }),
]);
console.log(`Electron bundles written to ${outdir}`);
