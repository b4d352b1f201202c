import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateComplaintRequest } from '../shared/api.ts';
import type { ApiComplaint } from './harness/api.ts';
import { startWorld, type LoggedInDesk, type World } from './harness/world.ts';
import { ComplaintList } from './pages/ComplaintList.ts';

/**
 * The complaint list answers from the desk's own database: filters, sorts, saved views and an
 * Arabic search that finds a complaint whatever the spelling variant typed — offline too.
 */
describe('complaint list: filters, sorts, views and Arabic search', () => {
  let world: World;
  let desk: LoggedInDesk;
  let list: ComplaintList;
  const ref: Record<'amal' | 'rude' | 'parking' | 'official', string> = { amal: '', rude: '', parking: '', official: '' };

  /** One complaint a minute (the test server's clock is manual): creation and due times all differ. */
  const create = async (body: Partial<CreateComplaintRequest> & Pick<CreateComplaintRequest, 'title' | 'sourceCode'>): Promise<ApiComplaint> => {
    await world.admin.ok('POST', '/api/v1/clock', { advanceMinutes: 1 });
    return world.admin.createComplaint({
      hospitalId: world.main.id,
      description: 'Filed for the list test.',
      channel: 'phone',
      complainant: { name: 'Test Complainant' },
      ...body,
    });
  };

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('list_agent', 'desk_agent', world.main.id);
    ref.amal = (await create({ title: 'مستشفى الأمل: تأخر الموعد', sourceCode: 'PATIENT', priority: 'high', complainant: { name: 'فاطمة الحربي', phone: '0501112233' } })).referenceNumber;
    ref.rude = (await create({ title: 'Rude staff at the reception', sourceCode: 'MOH', priority: 'urgent' })).referenceNumber;
    const parking = await create({ title: 'Parking fees at the north gate', sourceCode: 'CCHI', priority: 'low' });
    ref.parking = parking.referenceNumber;
    for (const to of ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']) {
      await world.admin.ok('POST', `/api/v1/complaints/${parking.id}/transitions`, { to, resolution: 'Refunded the fee.' });
    }
    ref.official = (await create({ title: 'المسؤول لم يرد على الاتصال', sourceCode: 'FAMILY', priority: 'medium' })).referenceNumber;

    desk = await world.desk('list', 'list_agent');
    await desk.shell.waitOnline();
    await desk.shell.gotoList();
    list = new ComplaintList(desk.page);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('opens on the open complaints, due soonest first, and filters by status, priority and source', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    // MOH is due in 24 h, patient and family complaints in 72 h (the older first).
    expect(await list.waitForReferences([ref.rude, ref.amal, ref.official], 60_000)).toEqual([ref.rude, ref.amal, ref.official]);

    await list.filter('status', 'RESOLVED');
    expect(await list.references()).toEqual([ref.parking]);
    await list.filter('status', '');
    expect((await list.references()).sort()).toEqual(Object.values(ref).sort());

    await list.filter('priority', 'urgent');
    expect(await list.references()).toEqual([ref.rude]);
    await list.filter('priority', '');
    await list.filter('source', 'CCHI');
    expect(await list.references()).toEqual([ref.parking]);
    await list.filter('source', '');

    await list.filter('status', 'open');
    await list.sort('newest');
    expect(await list.references()).toEqual([ref.official, ref.rude, ref.amal]);
    await list.sort('priority');
    expect(await list.references()).toEqual([ref.rude, ref.amal, ref.official]);
    await list.sort('due');
  });

  it('finds a complaint by any Arabic spelling variant, by phone, by reference and in English', async () => {
    const found = async (q: string) => {
      await list.search(q);
      return list.references();
    };
    await list.filter('status', '');
    // Titled "مستشفى الأمل": alef maqsura, hamza on alef, the article.
    expect(await found('مستشفي الامل')).toEqual([ref.amal]);
    expect(await found('مُسْتَشْفَى الأَمَل')).toEqual([ref.amal]);
    expect(await found('امل')).toEqual([ref.amal]);
    // "المسؤول" typed with the other hamza seat.
    expect(await found('المسئول')).toEqual([ref.official]);
    expect(await found('فاطمه')).toEqual([ref.amal]);
    expect(await found('050 111 2233')).toEqual([ref.amal]);
    expect(await found('RUDE reception')).toEqual([ref.rude]);
    expect(await found(ref.parking.toLowerCase())).toEqual([ref.parking]);
    expect(await found('nothing of the sort')).toEqual([]);
    expect(await desk.page.getByTestId('list-empty').isVisible()).toBe(true);
    await list.search('');
  });

  it('saves a view for its user and brings it back', async () => {
    await list.builtInView('all_open');
    await list.filter('source', 'MOH');
    await list.saveView('MOH open');
    await list.builtInView('all_open');
    expect((await list.references()).length).toBe(3);
    await list.openSavedView('MOH open');
    expect(await list.references()).toEqual([ref.rude]);
    // "My open": nothing is assigned to this agent.
    await list.builtInView('my_open');
    expect(await list.references()).toEqual([]);
  });

  it('answers filters and searches with the network down', async () => {
    await desk.setOffline(true);
    await desk.shell.waitOffline();
    await list.builtInView('all_open');
    await list.search('مستشفي');
    expect(await list.references()).toEqual([ref.amal]);
    await list.search('');
    await list.filter('status', 'RESOLVED');
    expect(await list.references()).toEqual([ref.parking]);
    await desk.setOffline(false);
  });
});
