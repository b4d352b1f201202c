import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The run cannot start without a browser or a built renderer: say so plainly, and how to fix it. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with apt-get install chromium or set CHROMIUM_PATH`,
    );
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `${join(RENDERER_DIR, 'index.html')} is missing: build the desk first with npm run build:renderer ` +
        '(npm run test:e2e does it for you)',
    );
  }
}
