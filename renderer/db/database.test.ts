import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { COLLECTION_NAMES } from '../../shared/replication.ts';
import { complaint, department, event, hospital, slaConfig, source, staff, uniqueName } from '../testing/fixtures.ts';
import { createDeskDatabase, createDeviceDatabase, databaseNameFor, listKeysCurrent, type DeskDatabase, type DeviceDatabase } from './database.ts';
import { LocalStore, UserRecords, type DeviceLocals, type HospitalLocals } from './local-store.ts';

let open: (DeskDatabase | DeviceDatabase)[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});

describe('desk database', () => {
  it('creates all seven collections from the shared schemas and stores valid documents', async () => {
    // Validating storage: the derived JSON schemas must accept what the domain produces.
    const db = await createDeskDatabase({ name: uniqueName('desk'), storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) });
    open.push(db);
    // The replicated collections plus the desk-local list keys.
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES, 'listKeys'].sort());

    const a = complaint(1, { status: 'IN_PROGRESS' });
    const b = complaint(2, { complainant: { name: 'Sara', phone: null, email: 'sara@example.com', language: 'en', smsOptOut: true } });
    await db.complaints.bulkInsert([a, b]);
    await db.events.insert(event(a, { data: { referenceNumber: a.referenceNumber } }));
    await db.hospitals.insert(hospital);
    await db.departments.insert(department);
    await db.staff.insert(staff);
    await db.sources.insert(source);
    await db.slaConfigs.insert(slaConfig);

    // Every index answers a query (an index RxDB cannot build would fail here).
    const byStatus = await db.complaints.find({ selector: { status: 'IN_PROGRESS' }, sort: [{ createdAt: 'asc' }] }).exec();
    expect(byStatus.map((d) => d.id)).toEqual([a.id]);
    expect((await db.complaints.findOne({ selector: { referenceNumber: b.referenceNumber } }).exec())?.id).toBe(b.id);
    expect(await db.complaints.count({ selector: { updatedAt: { $gt: 0 } } }).exec()).toBe(2);
    expect(await db.events.count({ selector: { complaintId: a.id }, sort: [{ at: 'asc' }] } as never).exec()).toBe(1);
    expect(await db.departments.count({ selector: { hospitalId: 'h1' } }).exec()).toBe(1);
    expect(await db.staff.count({ selector: { username: 'desk' } }).exec()).toBe(1);
    expect(await db.sources.count({ selector: { code: 'PATIENT' } }).exec()).toBe(1);
    expect(await db.hospitals.count({ selector: { code: 'MAIN' } }).exec()).toBe(1);
    expect(await db.slaConfigs.count({ selector: { hospitalId: 'h1' } }).exec()).toBe(1);
    // The derived list keys are valid documents of their own schema.
    await listKeysCurrent(db);
    expect(await db.listKeys.count({ selector: { status: 'IN_PROGRESS' } }).exec()).toBe(1);
    expect(await db.listKeys.count().exec()).toBe(2);
  });

  it('refuses a document the schema does not allow', async () => {
    const db = await createDeskDatabase({ name: uniqueName('desk'), storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) });
    open.push(db);
    await expect(db.complaints.insert(complaint(3, { referenceNumber: 'CMP-26-1' }))).rejects.toThrow();
    await expect(db.complaints.insert({ ...complaint(4), status: 'DONE' as never })).rejects.toThrow();
  });

  it('keeps typed local documents that survive a reopen', async () => {
    const storage = getRxStorageMemory();
    const name = uniqueName('desk');
    const db = await createDeskDatabase({ name, storage });
    const store = new LocalStore<HospitalLocals>(db);
    expect(await store.get('refBlocks')).toBeNull();
    await store.set('refBlocks', { blocks: [{ year: 2026, start: 1, end: 50, next: 3 }] });
    await store.set('lastSync', { at: 123 });
    await store.set('lastSync', { at: 456 });
    await db.close();

    const again = await createDeskDatabase({ name, storage });
    open.push(again);
    const reopened = new LocalStore<HospitalLocals>(again);
    expect(await reopened.get('refBlocks')).toEqual({ blocks: [{ year: 2026, start: 1, end: 50, next: 3 }] });
    expect(await reopened.get('lastSync')).toEqual({ at: 456 });
  });

  it('keeps device values and users by case-insensitive username in the device database', async () => {
    const db = await createDeviceDatabase({ name: uniqueName('device'), storage: getRxStorageMemory() });
    open.push(db);
    const store = new LocalStore<DeviceLocals>(db);
    await store.set('deskId', { value: 'desk-1' });
    expect(await store.get('deskId')).toEqual({ value: 'desk-1' });
    await store.set('session', { username: 'admin', hospitalId: 'h1' });
    await store.remove('session');
    expect(await store.get('session')).toBeNull();

    const users = new UserRecords(db);
    await users.set({
      accessToken: 'a',
      refreshToken: 'r',
      user: { id: 'u1', username: 'Admin', displayName: 'Admin', role: 'admin', hospitalId: null },
      verifier: { alg: 'PBKDF2-SHA256', iterations: 1, salt: '00', hash: '00' },
      hospitals: [],
      hospitalId: 'h1',
    });
    expect((await users.get(' admin '))?.user.id).toBe('u1');
    expect(await users.get('someone')).toBeNull();
  });

  it('derives valid database names from hospital ids', () => {
    expect(databaseNameFor('cdesk_h_', '0190F2A1-7B2C-7000-8000-00000000ABCD')).toBe('cdesk_h_0190f2a1-7b2c-7000-8000-00000000abcd');
    expect(databaseNameFor('cdesk_h_', 'a b/c')).toBe('cdesk_h_a_b_c');
  });
});
