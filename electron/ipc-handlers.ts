import { z } from 'zod';
import { DESK_IPC_CHANNELS } from '../shared/desk-api.ts';
import type { DeskInvokeMethod, DeskNotification } from '../shared/desk-api.ts';
import { isAppUrl } from './app-origin.ts';
import type { SettingsStore } from './settings.ts';

/**
 * The main-process side of `window.desk`. Everything arriving over IPC is untrusted input: it is
 * validated here, and side effects (printing, notifications, settings) are parameters so the
 * rules can be tested without Electron. `S` is whatever identifies the calling page (its
 * webContents in the app).
 */
export const complaintIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const notificationSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(2000),
  complaintId: complaintIdSchema.optional(),
});

export type IpcSideEffects<S> = {
  getVersion(): string;
  printWindow(sender: S): Promise<void>;
  /** Shows the OS notification; `onClick` runs when the user clicks it. */
  showNotification(notification: DeskNotification, onClick: () => void): void;
  /** Brings the calling window forward and, when the notification named one, opens the complaint in it. */
  onNotificationClick(sender: S, complaintId: string | null): void;
  settings: Pick<SettingsStore, 'getServerUrl' | 'setServerUrl'>;
  /** Called after a saved URL changed origin: the page's CSP (connect-src) must be reloaded. */
  onServerOriginChanged?(sender: S): void;
};

export type IpcHandler<S> = (sender: S, args: readonly unknown[]) => Promise<unknown>;
export type IpcHandlers<S> = Record<DeskInvokeMethod, IpcHandler<S>>;

export class InvalidIpcInputError extends Error {
  constructor(what: string) {
    super(`Invalid ${what}`);
    this.name = 'InvalidIpcInputError';
  }
}

function originOf(url: string | null): string | null {
  return url === null ? null : new URL(url).origin;
}

export function createIpcHandlers<S>(effects: IpcSideEffects<S>): IpcHandlers<S> {
  return {
    appVersion: async () => effects.getVersion(),
    print: async (sender) => {
      await effects.printWindow(sender);
    },
    notify: async (sender, args) => {
      const parsed = notificationSchema.safeParse(args[0]);
      if (!parsed.success) throw new InvalidIpcInputError('notification');
      const complaintId = parsed.data.complaintId ?? null;
      effects.showNotification(parsed.data, () => effects.onNotificationClick(sender, complaintId));
    },
    getServerUrl: async () => effects.settings.getServerUrl(),
    setServerUrl: async (sender, args) => {
      const before = await effects.settings.getServerUrl();
      // The store validates (http/https only) and throws a readable error otherwise.
      const saved = await effects.settings.setServerUrl(args[0]);
      if (originOf(before) !== originOf(saved)) effects.onServerOriginChanged?.(sender);
    },
  };
}

/** What Electron's IpcMainInvokeEvent offers that we need. */
export type InvokeEventLike<S> = { sender: S; senderFrame: { url: string } | null };

export type HandleFn<S> = (
  channel: string,
  listener: (event: InvokeEventLike<S>, ...args: unknown[]) => Promise<unknown>,
) => void;

/** Only our own page may call: a frame from any other origin (should one ever load) is refused. */
export function isTrustedSender(event: InvokeEventLike<unknown>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

export function registerIpcHandlers<S>(handle: HandleFn<S>, handlers: IpcHandlers<S>): void {
  for (const key of Object.keys(DESK_IPC_CHANNELS) as DeskInvokeMethod[]) {
    const handler = handlers[key];
    handle(DESK_IPC_CHANNELS[key], async (event, ...args) => {
      if (!isTrustedSender(event)) throw new Error('Refused: the caller is not the Complaint Desk page');
      return handler(event.sender, args);
    });
  }
}
