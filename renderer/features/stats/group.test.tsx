import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Language } from '../../../shared/enums.ts';
import { computeDashboard } from '../../../shared/stats/dashboard.ts';
import type { GroupStats } from '../../../shared/stats/group.ts';
import { createDeviceDatabase, type DeviceDatabase } from '../../db/database.ts';
import { LocalStore, type DeviceLocals } from '../../db/local-store.ts';
import { createI18n, formatDateTime } from '../../i18n/index.ts';
import { createApi, type FetchLike } from '../../sync/http.ts';
import { complaint, uniqueName } from '../../testing/fixtures.ts';
import { DashboardView } from './DashboardView.tsx';
import { loadGroupStats, type GroupLoad, type GroupView } from './group.ts';
import { GroupNote } from './GroupNote.tsx';
import { toStatsComplaint } from './read.ts';

const COMPUTED_AT = Date.UTC(2026, 10, 12, 9, 30);
const dashboard = computeDashboard({
  complaints: [toStatsComplaint(complaint(1, { hospitalId: 'h1' })), toStatsComplaint(complaint(2, { hospitalId: 'h2' })), toStatsComplaint(complaint(3, { hospitalId: 'h2', status: 'CLOSED' }))],
  changesByComplaint: new Map(),
  scope: { kind: 'group' },
  now: COMPUTED_AT,
  utcOffsetMinutes: 180,
});
const answer: GroupStats = {
  computedAt: COMPUTED_AT,
  utcOffsetMinutes: 180,
  dashboard,
  hospitals: [
    { id: 'h1', code: 'MAIN', nameEn: 'Main Hospital', nameAr: 'المستشفى الرئيسي' },
    { id: 'h2', code: 'NORTH', nameEn: 'North Hospital', nameAr: 'مستشفى الشمال' },
  ],
  departments: [],
  staff: [],
};

let device: DeviceDatabase;
let store: LocalStore<DeviceLocals>;
beforeAll(async () => {
  device = await createDeviceDatabase({ name: uniqueName('groupstats'), storage: getRxStorageMemory() });
  store = new LocalStore<DeviceLocals>(device);
});
afterAll(async () => {
  await device.close();
});

/** A server that answers `status` with the answer, or cannot be reached at all (`'down'`). */
function server(status: number | 'down') {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    if (status === 'down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(status === 200 ? answer : { error: 'forbidden', reason: 'group_level_only' }), { status });
  };
  return { api: createApi({ serverUrl: 'http://server.test', fetch }), asked };
}

const load = (o: Partial<GroupLoad> & Pick<GroupLoad, 'api'>): Promise<GroupView> =>
  loadGroupStats({ store, userId: 'u-group', online: true, now: COMPUTED_AT + 1000, utcOffsetMinutes: 180, ...o });

async function note(view: GroupView, lang: Language): Promise<string> {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <GroupNote view={view} lang={lang} />
    </I18nextProvider>,
  );
}

describe('whole-group statistics on the desk', () => {
  it('shows the server’s answer and keeps it; offline it shows the kept one, saying it is offline and as of when', async () => {
    const online = server(200);
    const fresh = await load({ api: online.api });
    expect(fresh).toEqual({ state: 'ready', answer, from: 'server' });
    expect(online.asked).toEqual([`http://server.test/api/v1/stats/group?now=${COMPUTED_AT + 1000}&utcOffsetMinutes=180`]);

    // The network is gone, though the desk has not noticed yet: the request fails, the kept answer shows.
    const unreachable = await load({ api: server('down').api });
    expect(unreachable).toEqual({ state: 'ready', answer, from: 'stored', why: 'offline' });
    const time = formatDateTime(COMPUTED_AT, 'en');
    expect(await note(unreachable, 'en')).toContain(`The desk is offline: these are the whole group&#x27;s figures as of ${time}`);
    expect(await note(unreachable, 'ar')).toContain(`الجهاز غير متصل: هذه أرقام المجموعة كلها حتى ${formatDateTime(COMPUTED_AT, 'ar')}`);

    // Known to be offline: the server is not even asked.
    const quiet = server(200);
    expect(await load({ api: quiet.api, online: false })).toEqual(unreachable);
    expect(quiet.asked).toEqual([]);
  });

  it('says the group figures need a connection once when nothing is kept for this user', async () => {
    const view = await load({ api: server('down').api, userId: 'u-other' });
    expect(view).toEqual({ state: 'needs_connection' });
    expect(await note(view, 'en')).toContain('connect once to see them');
    expect(await note(view, 'ar')).toContain('اتصل مرة واحدة');
  });

  it('forgets the kept figures of a user the server no longer counts as group-level', async () => {
    await load({ api: server(200).api, userId: 'u-demoted' });
    expect(await load({ api: server(403).api, userId: 'u-demoted' })).toEqual({ state: 'forbidden' });
    expect(await load({ api: server('down').api, userId: 'u-demoted' })).toEqual({ state: 'needs_connection' });
  });

  it('shows the figures by hospital, named, in the same dashboard', async () => {
    const i18n = await createI18n('en');
    const names = { department: (id: string) => id, source: (c: string) => c, staff: (id: string) => id, hospital: (id: string) => answer.hospitals.find((h) => h.id === id)?.nameEn ?? id };
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <DashboardView dashboard={dashboard} names={names} rtl={false} group />
      </I18nextProvider>,
    );
    expect(html).toContain('data-testid="stats-table-hospital"');
    expect(html).toMatch(/<th scope="row" dir="auto">North Hospital<\/th><td>2<\/td><td>1<\/td>/);
    expect(html).toMatch(/<th scope="row" dir="auto">Main Hospital<\/th><td>1<\/td><td>1<\/td>/);
    expect(html).toContain('Computed on the server from 3 complaints of every hospital');
    expect(html).not.toContain('class="stats-links"');
  });
});
