import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login, normalizeServerUrl, type LoginErrorCode } from '../auth/login.ts';
import type { AnyStorage } from '../db/database.ts';
import type { StoredUser } from '../db/local-store.ts';
import { LoginPage, type LoginSubmit } from '../features/login/LoginPage.tsx';
import { Shell } from '../features/shell/Shell.tsx';
import type { Platform } from '../platform.ts';
import { DeskContext } from './desk-context.ts';
import { openDevice, type Device } from './device.ts';
import { openDeskSession, type DeskSession } from './session.ts';

type Boot = { device: Device; serverUrl: string; askServerUrl: boolean };

export function App({ platform, storage }: { platform: Platform; storage: AnyStorage }) {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [session, setSession] = useState<DeskSession | null>(null);
  const sessionRef = useRef<DeskSession | null>(null);

  const start = useCallback(
    async (device: Device, serverUrl: string, record: StoredUser, hospitalId: string) => {
      await sessionRef.current?.close();
      sessionRef.current = null;
      const opened = await openDeskSession({ storage, serverUrl, deskId: device.deskId, record, hospitalId, users: device.users, device: device.db });
      sessionRef.current = opened;
      await device.store.set('session', { username: record.user.username, hospitalId });
      setSession(opened);
    },
    [storage],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const device = await openDevice(storage);
      const stored = (await device.store.get('serverUrl'))?.value ?? '';
      const serverUrl = (await platform.serverUrl()) ?? stored;
      const askServerUrl = await platform.askServerUrl();
      if (cancelled) return;
      // Reopening the app keeps the user signed in, as the desk was left.
      const pointer = await device.store.get('session');
      const record = pointer ? await device.users.get(pointer.username) : null;
      if (pointer && record && normalizeServerUrl(serverUrl)) {
        await start(device, normalizeServerUrl(serverUrl)!, record, pointer.hospitalId).catch(() => undefined);
      }
      if (!cancelled) setBoot({ device, serverUrl, askServerUrl });
    })().catch((e: unknown) => setFatal(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [platform, storage, start]);

  useEffect(() => () => void sessionRef.current?.close(), []);

  if (fatal) return <p className="card fatal">{t('app.startFailed', { message: fatal })}</p>;
  if (!boot) return <p className="splash">{t('app.loading')}</p>;

  const onLogin = async (v: LoginSubmit): Promise<LoginErrorCode | 'start_failed' | null> => {
    const result = await login(v, boot.device.users);
    if (!result.ok) return result.code;
    const serverUrl = normalizeServerUrl(v.serverUrl)!;
    await platform.rememberServerUrl(serverUrl);
    await boot.device.store.set('serverUrl', { value: serverUrl });
    try {
      await start(boot.device, serverUrl, result.record, result.hospitalId);
      setBoot({ ...boot, serverUrl });
      return null;
    } catch (e) {
      console.error(e);
      return 'start_failed';
    }
  };

  const onLogout = () => {
    void (async () => {
      await sessionRef.current?.close();
      sessionRef.current = null;
      await boot.device.store.remove('session');
      setSession(null);
    })();
  };

  const onSwitchHospital = (hospitalId: string) => {
    const current = sessionRef.current;
    if (!current || hospitalId === current.hospitalId) return;
    void (async () => {
      const record = await boot.device.users.get(current.user.username);
      if (!record) return;
      const updated = { ...record, hospitalId };
      await boot.device.users.set(updated);
      setSession(null);
      await start(boot.device, current.serverUrl, updated, hospitalId);
    })().catch((e: unknown) => console.error(e));
  };

  if (!session) {
    return <LoginPage initialServerUrl={boot.serverUrl} askServerUrl={boot.askServerUrl} onSubmit={onLogin} />;
  }
  return (
    <DeskContext.Provider value={session}>
      <Shell key={session.hospitalId} onLogout={onLogout} onSwitchHospital={onSwitchHospital} />
    </DeskContext.Provider>
  );
}
