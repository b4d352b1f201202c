import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { computeDashboard } from '../../../shared/stats/dashboard.ts';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { createI18n } from '../../i18n/index.ts';
import { complaint, event, uniqueName } from '../../testing/fixtures.ts';
import { statsCacheFor, type StatsCache } from './cache.ts';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_VERSION, type StatsSnapshot } from './snapshot.ts';
import { LocalStore } from '../../db/local-store.ts';
import { DashboardView } from './DashboardView.tsx';
import { toStatsComplaint } from './read.ts';
import { dashboardTables, formatDuration, type StatsNames } from './tables.ts';

const H = 3_600_000;
const names: StatsNames = { department: (id) => `Dept ${id}`, source: (c) => `Source ${c}`, staff: (id) => `Agent ${id}` };

function sample() {
  const a = complaint(1, { status: 'RESOLVED', assigneeId: 'u1', departmentId: 'd1', dueAt: complaint(1).createdAt + 24 * H, referenceConfirmed: true });
  const b = complaint(2, { status: 'IN_PROGRESS', assigneeId: 'u1', sourceCode: 'MOH', category: 'billing, "urgent"' });
  const events = [
    event(a, { id: 'ea1', type: 'status_changed', at: a.createdAt + H, from: 'PENDING', to: 'ASSIGNED' }),
    event(a, { id: 'ea2', type: 'status_changed', at: a.createdAt + 2 * H, from: 'ASSIGNED', to: 'IN_PROGRESS' }),
    event(a, { id: 'ea3', type: 'status_changed', at: a.createdAt + 5 * H, from: 'IN_PROGRESS', to: 'RESOLVED' }),
  ];
  return { a, b, events };
}

let dbs: DeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((d) => d.close()));
  dbs = [];
});

describe('stats cache', () => {
  const open = async (name: string) => {
    const db = await createDeskDatabase({ name, storage, closeDuplicates: true });
    dbs.push(db);
    return db;
  };
  // One memory storage for the file: a database closed and opened again under the same name keeps its data.
  const storage = getRxStorageMemory();
  const dashboardOf = (cache: StatsCache, hospitalId: string, now: number) =>
    computeDashboard({
      ...cache.input(),
      scope: { kind: 'hospital', hospitalId },
      now,
      utcOffsetMinutes: 0,
    });
  const snapshots = (db: DeskDatabase) => new LocalStore<{ 'stats.snapshot': StatsSnapshot }>(db);

  it('is kept current from the moment the database opens: what replication wrote while the dashboard was closed is there when it opens', async () => {
    const db = await open(uniqueName('statsopen'));
    const { a, b, events } = sample();
    // Replication writes while nobody looks at the statistics.
    await db.complaints.bulkInsert([a, b]);
    await db.events.bulkInsert([...events, event(a, { id: 'note1', type: 'note' })]);
    // The dashboard opens: its cache is the database's own, already filled, with nothing left to read.
    const cache = statsCacheFor(db);
    await expect.poll(() => cache.isReady).toBe(true);
    await expect.poll(() => cache.changes.get(a.id)?.length).toBe(3);
    const dash = dashboardOf(cache, a.hospitalId, b.createdAt + 48 * H);
    expect(dash.total).toBe(2);
    expect(dash.byStatus.find((r) => r.key === 'RESOLVED')?.count).toBe(1);
    expect(dash.agents).toEqual([{ agentId: 'u1', assigned: 2, resolved: 1, avgResolutionMs: 5 * H }]);
  });

  it('follows every write once filled, the deletion of a complaint too', async () => {
    const db = await open(uniqueName('stats'));
    const { a, b, events } = sample();
    await db.complaints.bulkInsert([a]);
    await db.events.bulkInsert([...events, event(a, { id: 'note1', type: 'note' })]);
    const cache = statsCacheFor(db);
    await cache.load();
    expect([...cache.complaints.keys()]).toEqual([a.id]);
    expect(cache.changes.get(a.id)?.map((c) => c.to)).toEqual(['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']);

    const heard = new Promise<void>((resolve) => cache.onChange(() => cache.complaints.get(a.id)?.status === 'CLOSED' && resolve()));
    await db.complaints.insert(b);
    await db.events.insert(event(b, { id: 'eb1', type: 'status_changed', at: b.createdAt + H, from: 'PENDING', to: 'ASSIGNED' }));
    await db.complaints.upsert({ ...a, status: 'CLOSED' });
    await heard;
    expect(cache.changes.get(b.id)?.length).toBe(1);
    expect(cache.complaints.size).toBe(2);
    await (await db.complaints.findOne(b.id).exec())?.remove();
    expect([...cache.complaints.keys()]).toEqual([a.id]);
  });

  it('shows a complaint’s survey answer in the survey tables, its latest answer only', async () => {
    const db = await open(uniqueName('statssurvey'));
    const { a, b } = sample();
    await db.complaints.bulkInsert([a, b]);
    const survey = (id: string, at: number, score: number) =>
      event(a, { id, type: 'survey_received', visibility: 'internal', at, from: null, to: null, data: { key: `survey:${a.id}:${id}`, surveyId: id, score, comment: 'ok', thresholds: [] } });
    await db.events.bulkInsert([survey('s1', a.createdAt + 6 * H, 2), survey('s2', a.createdAt + 30 * H, 4)]);
    const cache = statsCacheFor(db);
    await cache.load();
    const tables = dashboardTables(dashboardOf(cache, a.hospitalId, a.createdAt + 48 * H), names, (await createI18n('en')).t);
    expect(tables.survey.rows).toEqual([['1', 0], ['2', 0], ['3', 0], ['4', 1], ['5', 0]]);
    expect(tables.surveyDepartment.rows).toEqual([['Dept d1', 1, '4.0']]);
  });

  it('starts the next session from the saved snapshot plus what changed since', async () => {
    const name = uniqueName('statssnap');
    const { a, b, events } = sample();
    const first = await open(name);
    await first.complaints.insert(a);
    await first.events.bulkInsert(events);
    const cache = statsCacheFor(first);
    await cache.load();
    await cache.save();
    // Mark the snapshot, to see the next session start from it rather than read everything again.
    const saved = await snapshots(first).get('stats.snapshot');
    if (!saved) throw new Error('no snapshot saved');
    await snapshots(first).set('stats.snapshot', encodeSnapshot([...decodeSnapshot(saved).complaints, toStatsComplaint({ ...a, id: 'ghost' })], new Map(), new Map(), {
      complaints: saved.complaintsCheckpoint,
      events: saved.eventsCheckpoint,
    }));
    const keptChanges = decodeSnapshot(saved).changes;
    expect(keptChanges.map((c) => c.to)).toEqual(['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']);
    cache.stop();
    // Written while no cache followed, e.g. by a desk that closed before the cache heard it.
    await first.complaints.insert(b);
    await first.events.insert(event(b, { id: 'eb1', type: 'status_changed', at: b.createdAt + H, from: 'PENDING', to: 'ASSIGNED' }));
    await first.close();

    const again = await open(name);
    const next = statsCacheFor(again);
    await next.load();
    expect(new Set(next.complaints.keys())).toEqual(new Set(['ghost', a.id, b.id]));
    expect(next.changes.get(b.id)?.map((c) => c.to)).toEqual(['ASSIGNED']);
  });

  it('reads everything once where no snapshot of this version was saved, with what is written meanwhile', async () => {
    const name = uniqueName('statsold');
    const { a, b, events } = sample();
    const first = await open(name);
    await first.complaints.insert(a);
    await first.events.bulkInsert(events);
    await statsCacheFor(first).load();
    await first.close();
    // A desk that synced before this snapshot version: its saved copy does not count.
    const older = await open(name);
    await snapshots(older).set('stats.snapshot', { ...encodeSnapshot([], new Map(), new Map(), { complaints: null, events: null }), version: SNAPSHOT_VERSION - 1 });
    await older.close();

    const again = await open(name);
    // Replication goes on while the cache reads.
    const writing = again.complaints.insert(b);
    const cache = statsCacheFor(again);
    await cache.load();
    await writing;
    expect(new Set(cache.complaints.keys())).toEqual(new Set([a.id, b.id]));
    expect(cache.changes.get(a.id)?.map((c) => c.to)).toEqual(['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']);
    await expect.poll(async () => (await snapshots(again).get('stats.snapshot'))?.version).toBe(SNAPSHOT_VERSION);
  });
});

describe('stats snapshot', () => {
  it('gives back exactly what it was made from', () => {
    const { a, b, events } = sample();
    const complaints = [toStatsComplaint(a), toStatsComplaint({ ...b, dueAt: 5, overdue: true, category: null })];
    const changes = new Map([[a.id, events.map((e) => ({ complaintId: e.complaintId, at: e.at, from: e.from, to: e.to }))]]);
    const surveys = new Map([[a.id, [{ complaintId: a.id, at: a.createdAt + 9 * H, score: 2 }]]]);
    const snap = encodeSnapshot(complaints, changes, surveys, { complaints: { id: 'x', lwt: 1 }, events: null });
    const back = decodeSnapshot(JSON.parse(JSON.stringify(snap)) as typeof snap);
    expect(back.complaints).toEqual(complaints);
    expect(back.changes).toEqual(changes.get(a.id));
    expect(back.surveys).toEqual(surveys.get(a.id));
    expect(snap.complaintsCheckpoint).toEqual({ id: 'x', lwt: 1 });
  });
});

describe('dashboard view', () => {
  const { a, b, events } = sample();
  const now = b.createdAt + 48 * H;
  const dash = computeDashboard({
    complaints: [toStatsComplaint(a), toStatsComplaint(b)],
    changesByComplaint: new Map([[a.id, events.map((e) => ({ complaintId: e.complaintId, at: e.at, from: e.from, to: e.to }))]]),
    scope: { kind: 'hospital', hospitalId: 'h1' },
    now,
    utcOffsetMinutes: 0,
  });

  it('builds translated tables with names and durations', async () => {
    const i18n = await createI18n('en');
    const tables = dashboardTables(dash, names, i18n.t);
    expect(tables.agents.rows).toEqual([['Agent u1', 2, 1, '5 h 0 min']]);
    expect(tables.source.rows).toEqual([
      ['Source MOH', 1],
      ['Source PATIENT', 1],
    ]);
    expect(tables.status.rows.find((r) => r[0] === 'Resolved')).toEqual(['Resolved', 1]);
    expect(tables.slaDepartment.rows).toContainEqual(['Dept d1', 1, 0, 0, 0, '100.0%']);
  });

  it('draws accessible charts mirrored for Arabic', async () => {
    const render = async (lang: 'ar' | 'en') => {
      const i18n = await createI18n(lang);
      return renderToStaticMarkup(
        <I18nextProvider i18n={i18n}>
          <DashboardView dashboard={dash} names={names} rtl={lang === 'ar'} />
        </I18nextProvider>,
      );
    };
    const en = await render('en');
    expect(en).toContain('role="img"');
    expect(en).toMatch(/<title id="[^"]+">By status<\/title>/);
    expect(en).toContain('data-testid="stats-table-status"');
    expect(en).toContain('data-testid="stats-table-survey-by-department"');
    expect(en).toContain('text-anchor="end"');
    const ar = await render('ar');
    expect(ar).toMatch(/<title id="[^"]+">حسب الحالة<\/title>/);
    expect(ar).toContain('direction="rtl"');
    expect(ar).toContain('تصدير CSV');
  });

  it('formats durations in both languages', async () => {
    const en = await createI18n('en');
    const ar = await createI18n('ar');
    expect(formatDuration(50 * H + 20 * 60_000, en.t)).toBe('2 d 2 h');
    expect(formatDuration(40 * 60_000, en.t)).toBe('40 min');
    expect(formatDuration(null, en.t)).toBe('—');
    expect(formatDuration(3 * H, ar.t)).toBe('3 ساعة 0 دقيقة');
  });
});

describe('statistics navigation', () => {
  it('links to the dashboard in the reader’s language', async () => {
    const { StatsNavLink } = await import('./NavLink.tsx');
    for (const [lang, label] of [['en', 'Statistics'], ['ar', 'الإحصاءات']] as const) {
      const i18n = await createI18n(lang);
      const html = renderToStaticMarkup(
        <I18nextProvider i18n={i18n}>
          <StatsNavLink active />
        </I18nextProvider>,
      );
      expect(html).toBe(`<a href="#/stats" data-testid="nav-stats" class="active">${label}</a>`);
    }
  });
});
