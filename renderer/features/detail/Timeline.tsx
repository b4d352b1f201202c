import { useTranslation } from 'react-i18next';
import type { TimelineEventDoc } from '../../../shared/documents.ts';
import { stableStringify } from '../../../shared/merge.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage } from '../../ui/hooks.ts';

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
    default:
      return null;
  }
}

export function Timeline({ events, name }: { events: TimelineEventDoc[]; name: ValueNamer }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="card">
      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {events.map((ev) => (
          <li key={ev.id} data-testid="timeline-item" data-type={ev.type} className={`tl tl-${ev.type}`}>
            <div className="tl-head">
              <strong>{t(`event.${ev.type}`)}</strong>
              <span className="muted">{formatDateTime(ev.at, lang)}</span>
              <span className="muted">{t('timeline.by', { name: ev.actorName ?? (ev.actorId ? ev.actorId : t('timeline.system')) })}</span>
              <span className={`badge vis-${ev.visibility}`}>{t(`timeline.${ev.visibility}`)}</span>
            </div>
            <Detail ev={ev} name={name} />
            {ev.comment && (
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
