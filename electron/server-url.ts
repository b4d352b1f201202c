import { parseServerUrl } from './settings.ts';

/**
 * The server URL to use while none is saved yet: `--server-url=<url>` on the command line (for an
 * IT shortcut) wins over the DESK_SERVER_URL environment variable (set by `npm start`). Invalid
 * values are ignored, so the desk then asks for the URL.
 */
export const SERVER_URL_ENV = 'DESK_SERVER_URL';
const FLAG = '--server-url=';

export function defaultServerUrl(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  const flag = argv.find((arg) => arg.startsWith(FLAG));
  const fromFlag = flag === undefined ? null : parseServerUrl(flag.slice(FLAG.length));
  return fromFlag ?? parseServerUrl(env[SERVER_URL_ENV] ?? null);
}
