import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDeviceDatabase, type DeviceDatabase } from '../../db/database.ts';
import { uniqueName } from '../../testing/fixtures.ts';
import { DeskDefaultsStore, defaultsOf, intakeWith } from './desk-defaults.ts';
import { emptyIntake } from './intake-form.ts';
import { shortcutOf } from './shortcuts.ts';

let device: DeviceDatabase;
beforeAll(async () => {
  device = await createDeviceDatabase({ name: uniqueName('device'), storage: getRxStorageMemory() });
});
afterAll(async () => {
  await device.close();
});

describe('intake defaults of a desk', () => {
  it('start the next form with the last source, channel and language used on this desk', async () => {
    const store = new DeskDefaultsStore(device);
    expect(await store.get()).toBeNull();
    expect(intakeWith(null, 'ar', ['MOH'])).toEqual(emptyIntake('ar'));
    await store.set(defaultsOf({ ...emptyIntake('ar'), sourceCode: 'MOH', channel: 'phone', language: 'en', title: 'not kept' }));
    const form = intakeWith(await store.get(), 'ar', ['MOH', 'PATIENT']);
    expect(form).toEqual({ ...emptyIntake('ar'), sourceCode: 'MOH', channel: 'phone', language: 'en' });
  });

  it('drop a source that is no longer active', () => {
    expect(intakeWith({ sourceCode: 'OLD', channel: 'phone', language: 'ar' }, 'ar', ['MOH']).sourceCode).toBe('');
  });
});

describe('desk shortcuts', () => {
  const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    code,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });

  it('read the physical key, so the Arabic layout gives the same shortcut', () => {
    expect(shortcutOf(key('KeyN', { altKey: true }))).toBe('new');
    expect(shortcutOf(key('KeyL', { altKey: true }))).toBe('list');
  });

  it('leave typing alone, AltGr (Ctrl+Alt) included', () => {
    expect(shortcutOf(key('KeyN'))).toBeNull();
    expect(shortcutOf(key('KeyN', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyN', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyX', { altKey: true }))).toBeNull();
  });
});
