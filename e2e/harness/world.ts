import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { HospitalSummary, LoginResponse } from '../../shared/api.ts';
import type { Role } from '../../shared/enums.ts';
import { Api } from './api.ts';
import { launchBrowser, openDesk, type Desk } from './browser.ts';
import { RENDERER_DIR } from './env.ts';
import { seedHospital, seedUser } from './seed.ts';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer, type ServerHandle } from './server.ts';
import { startStatic, type StaticHandle } from './static.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import type { DetailPage } from '../pages/DetailPage.ts';
import type { Shell } from '../pages/Shell.ts';

export const USER_PASSWORD = 'e2e-Desk-Passw0rd!';

export type LoggedInDesk = Desk & { shell: Shell; username: string };

/**
 * Everything one test file needs: its own server child on its own database, the built renderer
 * served statically, one Chromium, and the administrator's API client. Desks are browser contexts.
 */
export type World = {
  server: ServerHandle;
  web: StaticHandle;
  browser: Browser;
  admin: Api;
  adminSession: LoginResponse;
  /** The hospital the server creates on first start (code MAIN). */
  main: HospitalSummary;
  addHospital(code: string, nameEn: string): Promise<HospitalSummary>;
  addUser(username: string, role: Role, hospitalId: string | null): Promise<{ id: string; username: string }>;
  /** Opens a new desk (own context) and logs it in. */
  desk(name: string, username: string, password?: string): Promise<LoggedInDesk>;
  /** Diagnostics for a failing test: desk console errors and the server's output tail. */
  diagnostics(): string;
  dispose(): Promise<void>;
};

export async function startWorld(pgAdminUrl: string, env: Record<string, string> = {}): Promise<World> {
  const server = await startServer({ dbUrl: pgAdminUrl, env });
  const web = await startStatic(RENDERER_DIR);
  const browser = await launchBrowser();
  const { api: admin, session: adminSession } = await Api.login(server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  const main = await admin.hospitalByCode('MAIN');
  const desks: Desk[] = [];
  let n = 0;
  return {
    server,
    web,
    browser,
    admin,
    adminSession,
    main,
    addHospital: async (code, nameEn) => {
      await seedHospital(server.dbUrl, { code, nameEn, nameAr: `مستشفى ${code}` });
      return admin.hospitalByCode(code);
    },
    addUser: async (username, role, hospitalId) => {
      const id = await seedUser(server.dbUrl, {
        username,
        password: USER_PASSWORD,
        role,
        hospitalId,
        displayName: `${username} (e2e)`,
      });
      return { id, username };
    },
    desk: async (name, username, password = USER_PASSWORD) => {
      const desk = await openDesk(browser, web.url, server.url, `${name}#${++n}`);
      desks.push(desk);
      const shell = await new LoginPage(desk.page).login(username, password, server.url);
      return { ...desk, shell, username };
    },
    diagnostics: () =>
      [...desks.flatMap((d) => d.logs.slice(-30)), '--- server output (tail) ---', server.stdout().slice(-6000)].join('\n'),
    dispose: async () => {
      await browser.close().catch(() => undefined);
      await web.close().catch(() => undefined);
      await server.stop().catch(() => undefined);
    },
  };
}

/**
 * The world of the two-desk tests: two desk agents of MAIN, `desk_a` and `desk_b`, started before
 * the file's tests and disposed after them. Call it at the top of a `describe`; the getter gives
 * the world inside the tests.
 */
export function twoDeskWorld(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('desk_a', 'desk_agent', world.main.id);
    await world.addUser('desk_b', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });
  return () => {
    if (!world) throw new Error('twoDeskWorld: the world is not started (used outside a test?)');
    return world;
  };
}

/** Opens a complaint on a desk once the desk is online (so replication has brought it). */
export async function openWhenOnline(desk: LoggedInDesk, reference: string): Promise<DetailPage> {
  await desk.shell.waitOnline();
  return desk.shell.openComplaint(reference);
}
