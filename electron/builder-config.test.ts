import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

/**
 * `npm run dist` needs the network (it downloads Electron), so it cannot run in CI; this at least
 * loads build/electron-builder.yml the way electron-builder does and checks it against its schema.
 */
const root = resolve(import.meta.dirname, '..');

describe('installer configuration (build/electron-builder.yml)', () => {
  it('is valid for the pinned electron-builder and packs the bundles the app starts from', async () => {
    const config = await getConfig(root, resolve(root, 'build/electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const packageJson: unknown = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
    expect(packageJson).toMatchObject({ main: 'dist-electron/main.cjs' });
    expect(config.extraMetadata).toMatchObject({ main: 'dist-electron/main.cjs' });
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['dist-electron/**/*.cjs', 'dist/renderer/**/*', 'package.json']) },
    ]);
    expect(config.productName).toBe('Complaint Desk');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });
});
