import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { TimelineEventDoc } from '../../../shared/documents.ts';
import { EVENT_TYPES, type EventType } from '../../../shared/enums.ts';
import { createI18n } from '../../i18n/index.ts';
import { complaint, event } from '../../testing/fixtures.ts';
import { matchesTimelineFilter, Timeline, TIMELINE_FILTERS, type TimelineFilter } from './Timeline.tsx';

const c = complaint(1);
let n = 0;
const ev = (type: EventType, o: Partial<TimelineEventDoc> = {}) => event(c, { id: `e${++n}`, type, visibility: 'internal', ...o });

describe('timeline filters', () => {
  const expected: Record<Exclude<TimelineFilter, 'all' | 'public'>, EventType[]> = {
    notes: ['note'],
    status: ['status_changed'],
    sla: ['sla_reminder', 'sla_overdue', 'sla_escalated'],
    communications: ['reply', 'communication'],
    explanations: ['explanation_requested', 'explanation_received'],
    survey: ['survey_received'],
  };

  it('keeps exactly the event types of each kind', () => {
    for (const filter of TIMELINE_FILTERS) {
      const kept = EVENT_TYPES.filter((type) => matchesTimelineFilter({ type, visibility: 'internal' }, filter));
      if (filter === 'all') expect(kept).toEqual([...EVENT_TYPES]);
      else if (filter === 'public') expect(kept).toEqual([]);
      else expect(kept.sort(), filter).toEqual([...expected[filter]].sort());
    }
  });

  it('"public only" keeps what the complainant may see, of any type', () => {
    expect(matchesTimelineFilter({ type: 'reply', visibility: 'public' }, 'public')).toBe(true);
    expect(matchesTimelineFilter({ type: 'status_changed', visibility: 'public' }, 'public')).toBe(true);
    expect(matchesTimelineFilter({ type: 'note', visibility: 'internal' }, 'public')).toBe(false);
  });
});

async function render(events: TimelineEventDoc[], lang: 'ar' | 'en') {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Timeline events={events} name={(_f, v) => String(v)} />
    </I18nextProvider>,
  );
}

describe('timeline', () => {
  const note = ev('note', { comment: 'Called the ward' });
  const reply = ev('reply', { visibility: 'public', comment: 'We are looking into it' });
  const survey = ev('survey_received', { actorId: null, actorName: 'Sara', comment: 'Slow but kind', data: { score: 2, comment: 'Slow but kind' } });
  const followUp = ev('note', {
    actorId: null,
    actorName: null,
    comment: 'Survey score 2 < 3: follow up',
    data: { kind: 'follow_up', operator: 'lt', value: 3, score: 2 },
  });

  it('marks internal notes apart from public replies and offers every filter', async () => {
    const html = await render([note, reply], 'en');
    expect(html).toContain('data-type="note" data-visibility="internal" class="tl tl-note tl-vis-internal"');
    expect(html).toContain('data-type="reply" data-visibility="public" class="tl tl-reply tl-vis-public"');
    for (const f of TIMELINE_FILTERS) expect(html).toContain(`<option value="${f}"`);
    expect(html).toContain('Internal notes</option>');
  });

  it('shows a survey answer and its follow-up readably, in English and Arabic', async () => {
    const en = await render([survey, followUp], 'en');
    expect(en).toContain('Satisfaction score: 2 of 5');
    expect(en.match(/Slow but kind/g)).toHaveLength(1);
    expect(en).toContain('Follow-up (survey)');
    expect(en).toContain('Survey score 2 &lt; 3: follow this complaint up.');
    const ar = await render([survey, followUp], 'ar');
    expect(ar).toContain('درجة الرضا: 2 من 5');
    expect(ar).toContain('متابعة (استبيان)');
    expect(ar).not.toContain('follow up');
  });
});
