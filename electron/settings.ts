import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Desk settings kept between runs in `<userData>/settings.json`. Only the sync server URL for now.
 * File access is injected so the rules (defaults, validation, atomic replace) are testable.
 */
function isPlainHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  );
}

export const serverUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(isPlainHttpUrl, 'The server URL must be http(s) with a host and no credentials, query or fragment')
  // One spelling per server: "http://h:8080/" and "http://h:8080" are the same setting.
  .transform((value) => new URL(value).href.replace(/\/+$/, ''));

const settingsFileSchema = z.object({ serverUrl: z.unknown().optional() }).loose();

export type DeskSettings = { serverUrl: string | null };

export type SettingsFs = {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  rm(file: string, options: { force: true }): Promise<void>;
};

export type SettingsStore = {
  read(): Promise<DeskSettings>;
  getServerUrl(): Promise<string | null>;
  /** Throws `InvalidServerUrlError` for anything but a plain http(s) URL; returns the stored form. */
  setServerUrl(url: unknown): Promise<string>;
};

export class InvalidServerUrlError extends Error {
  constructor() {
    super('The server URL must be an http:// or https:// address, e.g. https://complaints.example.org');
    this.name = 'InvalidServerUrlError';
  }
}

export function parseServerUrl(value: unknown): string | null {
  const parsed = serverUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function createSettingsStore(options: {
  file: string;
  fs: SettingsFs;
  /** Used while nothing was saved yet (command line or DESK_SERVER_URL); ignored when invalid. */
  defaultServerUrl?: string | null;
}): SettingsStore {
  const { file, fs } = options;
  const fallback = parseServerUrl(options.defaultServerUrl ?? null);
  let writeCounter = 0;

  async function readRaw(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return {}; // first run, or unreadable: start from the defaults
    }
    try {
      const parsed = settingsFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {}; // a damaged file must not keep the desk from starting
    }
  }

  async function read(): Promise<DeskSettings> {
    const raw = await readRaw();
    return { serverUrl: parseServerUrl(raw.serverUrl) ?? fallback };
  }

  return {
    read,
    async getServerUrl() {
      return (await read()).serverUrl;
    },
    async setServerUrl(url) {
      const serverUrl = parseServerUrl(url);
      if (serverUrl === null) throw new InvalidServerUrlError();
      const next = { ...(await readRaw()), serverUrl };
      await fs.mkdir(dirname(file), { recursive: true });
      // Write beside and rename over: a crash mid-write leaves the old file, never half a file.
      const temp = `${file}.${process.pid}.${++writeCounter}.tmp`;
      try {
        await fs.writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      return serverUrl;
    },
  };
}
