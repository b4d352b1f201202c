import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEventDoc } from '../../../shared/documents.ts';
import type { EventType } from '../../../shared/enums.ts';
import { stableStringify } from '../../../shared/merge.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage } from '../../ui/hooks.ts';
import './timeline.css';

/** Turns a stored value into words: enum codes translated, ids named. */
export type ValueNamer = (field: string | null, value: unknown) => string;

const ENUM_FIELDS: Record<string, string> = { status: 'status', priority: 'priority', severity: 'severity', channel: 'channel' };

export function useValueNamer(names: { departments: Map<string, string>; sources: Map<string, string>; staff: Map<string, string> }): ValueNamer {
  const { t } = useTranslation();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (typeof value !== 'string') {
      if (typeof value === 'object' && value && 'name' in value) return String((value as { name: unknown }).name);
      return stableStringify(value);
    }
    const prefix = field ? ENUM_FIELDS[field] : undefined;
    if (prefix) return t(`${prefix}.${value}`, { defaultValue: value });
    if (field === 'departmentId') return names.departments.get(value) ?? value;
    if (field === 'sourceCode') return names.sources.get(value) ?? value;
    if (field === 'assigneeId') return names.staff.get(value) ?? value;
    return value;
  };
}

/** The timeline's filter choices; 'public' is what the complainant may see (replies, public events). */
export const TIMELINE_FILTERS = ['all', 'public', 'notes', 'status', 'sla', 'communications', 'explanations', 'survey'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

const FILTER_TYPES: Record<Exclude<TimelineFilter, 'all' | 'public'>, readonly EventType[]> = {
  notes: ['note'],
  status: ['status_changed'],
  sla: ['sla_reminder', 'sla_overdue', 'sla_escalated'],
  communications: ['communication', 'reply'],
  explanations: ['explanation_requested', 'explanation_received'],
  survey: ['survey_received'],
};

export function matchesTimelineFilter(ev: Pick<TimelineEventDoc, 'type' | 'visibility'>, filter: TimelineFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'public') return ev.visibility === 'public';
  return FILTER_TYPES[filter].includes(ev.type);
}

const isFollowUp = (ev: TimelineEventDoc) => ev.type === 'note' && (ev.data as Record<string, unknown>).kind === 'follow_up';
const OPERATORS: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };

function Detail({ ev, name }: { ev: TimelineEventDoc; name: ValueNamer }) {
  const { t } = useTranslation();
  const data = ev.data as Record<string, unknown>;
  const fieldLabel = (f: string | null) => (f ? t(`field.${f}`, { defaultValue: f }) : t('common.none'));
  switch (ev.type) {
    case 'conflict_resolved': {
      const field = ev.field ?? (typeof data.field === 'string' ? data.field : null);
      // The server keeps the full values in data (keptValue/lostValue); from/to are short texts.
      const kept = 'keptValue' in data ? data.keptValue : ev.from;
      const lost = 'lostValue' in data ? data.lostValue : ev.to;
      return (
        <p className="conflict">
          {t('timeline.conflict', { field: fieldLabel(field), kept: name(field, kept), lost: name(field, lost) })}
        </p>
      );
    }
    case 'status_changed':
    case 'field_changed':
    case 'assigned': {
      const field = ev.type === 'status_changed' ? 'status' : ev.type === 'assigned' ? 'assigneeId' : ev.field;
      const from = ev.type === 'assigned' && typeof data.fromName === 'string' ? data.fromName : name(field, ev.from);
      const to = ev.type === 'assigned' && typeof data.toName === 'string' ? data.toName : name(field, ev.to);
      return <p>{t('timeline.change', { field: fieldLabel(field), from, to })}</p>;
    }
    case 'sla_reminder':
    case 'sla_escalated':
      return typeof data.level === 'number' ? <p>{t('timeline.slaLevel', { level: data.level })}</p> : null;
    case 'communication':
      return (
        <p dir="auto">
          {t('timeline.communication', {
            channel: String(data.channel ?? ''),
            template: String(data.template ?? ''),
            status: String(data.status ?? ''),
          })}
        </p>
      );
    case 'note':
      if (!isFollowUp(ev)) return null;
      return (
        <p data-testid="timeline-follow-up">
          {t('timeline.followUp', {
            score: String(data.score ?? ''),
            op: OPERATORS[String(data.operator)] ?? String(data.operator ?? ''),
            value: String(data.value ?? ''),
          })}
        </p>
      );
    case 'survey_received':
      return (
        <div data-testid="timeline-survey">
          <p>{typeof data.score === 'number' ? t('timeline.surveyScore', { score: data.score }) : t('timeline.surveyNoScore')}</p>
          {typeof data.comment === 'string' && data.comment.trim() !== '' && (
            <blockquote className="tl-comment" dir="auto">
              {data.comment}
            </blockquote>
          )}
        </div>
      );
    default:
      return null;
  }
}

/** Survey comments and follow-up texts are shown by `Detail` (the follow-up in the reader's language). */
const showsOwnComment = (ev: TimelineEventDoc) => ev.type === 'survey_received' || isFollowUp(ev);

export function Timeline({ events, name }: { events: TimelineEventDoc[]; name: ValueNamer }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const shown = events.filter((ev) => matchesTimelineFilter(ev, filter));
  return (
    <section className="card">
      <div className="tl-top">
        <h2>{t('detail.timeline')}</h2>
        <label>
          {t('timeline.filter')}{' '}
          <select data-testid="timeline-filter" value={filter} onChange={(e) => setFilter(e.target.value as TimelineFilter)}>
            {TIMELINE_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`timeline.filters.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 && (
        <p className="muted" data-testid="timeline-empty">
          {t('timeline.none')}
        </p>
      )}
      <ol className="timeline" data-testid="timeline">
        {shown.map((ev) => (
          <li
            key={ev.id}
            data-testid="timeline-item"
            data-type={ev.type}
            data-visibility={ev.visibility}
            className={`tl tl-${ev.type} tl-vis-${ev.visibility}${isFollowUp(ev) ? ' tl-follow-up' : ''}`}
          >
            <div className="tl-head">
              <strong>{isFollowUp(ev) ? t('timeline.followUpTitle') : t(`event.${ev.type}`)}</strong>
              <span className="muted">{formatDateTime(ev.at, lang)}</span>
              <span className="muted">{t('timeline.by', { name: ev.actorName ?? (ev.actorId ? ev.actorId : t('timeline.system')) })}</span>
              <span className={`badge vis-${ev.visibility}`}>{t(`timeline.${ev.visibility}`)}</span>
            </div>
            <Detail ev={ev} name={name} />
            {ev.comment && !showsOwnComment(ev) && (
              <p className="tl-comment" dir="auto">
                {ev.comment}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
