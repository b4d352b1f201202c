import { uuidv7 } from '../../shared/ids.ts';
import { createDeviceDatabase, type AnyStorage, type DeviceDatabase } from '../db/database.ts';
import { LocalStore, UserRecords, type DeviceLocals } from '../db/local-store.ts';

/** The workstation: its desk id (made once), stored sign-ins and the current session pointer. */
export type Device = {
  db: DeviceDatabase;
  store: LocalStore<DeviceLocals>;
  users: UserRecords;
  deskId: string;
};

export async function openDevice(storage: AnyStorage, name = 'cdesk_device'): Promise<Device> {
  const db = await createDeviceDatabase({ name, storage, closeDuplicates: true });
  const store = new LocalStore<DeviceLocals>(db);
  let deskId = (await store.get('deskId'))?.value;
  if (!deskId) {
    deskId = uuidv7(Date.now());
    await store.set('deskId', { value: deskId });
  }
  return { db, store, users: new UserRecords(db), deskId };
}
