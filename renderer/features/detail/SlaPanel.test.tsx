import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { H, T0, complaint, event, rule, slaConfig } from '../../../shared/sla/test-fixtures.ts';
import { createI18n } from '../../i18n/index.ts';
import { slaView, type SlaViewInput } from './sla-rows.ts';
import { SlaPanelView } from './SlaPanel.tsx';

const input: SlaViewInput = {
  complaint: complaint(),
  events: [event('sla_reminder', T0 + 12 * H, { actorId: null, data: { key: 'c1:0:first_reminder:1', level: 1 } })],
  configs: [slaConfig({ sourceCode: 'MOH', slaHours: 24, reminderHoursBefore: 12, secondReminderEnabled: false })],
  rules: [rule({ level: 1, maxLevel: 1, triggerOnOverdue: true, triggerHoursOverdue: 2, targetRole: 'department_manager' })],
  calendars: [],
  severityDefaults: {},
  now: T0 + 13 * H,
};

async function render(view: ReturnType<typeof slaView>, lang: 'ar' | 'en') {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <SlaPanelView view={view} />
    </I18nextProvider>,
  );
}

describe('SLA panel', () => {
  it('shows one row per action with kind, level and state attributes and translated words', async () => {
    const confirmed = event('sla_reminder', T0 + 12 * H + 3_000, { actorId: null, data: { key: 'c1:0:first_reminder:1', level: 1 } });
    const html = await render(slaView({ ...input, events: [confirmed] }), 'en');
    expect(html.match(/data-testid="sla-action"/g)).toHaveLength(3);
    expect(html).toContain('data-kind="first_reminder" data-level="1" data-state="fired"');
    expect(html).toContain('Done · confirmed by server');
    expect(html).toContain('data-kind="escalation" data-level="1" data-state="pending"');
    expect(html).toContain('Escalation level 1 → Department manager');
    // The projected time and, beside it, when the server recorded it.
    expect(html).toContain(`data-at="${T0 + 12 * H}" data-confirmed="true" data-fired-at="${T0 + 12 * H + 3_000}"`);
    expect(html).toContain('SLA 24 h: the hospital&#x27;s configuration for source MOH.');
  });

  it('says when the SLA comes from the server’s default for the severity, in Arabic', async () => {
    const html = await render(slaView({ ...input, configs: [], severityDefaults: { medium: 36 } }), 'ar');
    expect(html).toContain('data-testid="sla-basis" data-kind="severity_default" data-hours="36"');
    expect(html).toContain('المهلة 36 ساعة: المهلة الافتراضية لدى الخادم للخطورة');
  });

  it('says in Arabic that no SLA applies to an appreciation', async () => {
    const html = await render(slaView({ ...input, complaint: complaint({ type: 'appreciation' }) }), 'ar');
    expect(html).toContain('data-testid="sla-panel"');
    expect(html).toContain('لا تنطبق عليها اتفاقية مستوى الخدمة');
    expect(html).not.toContain('sla-action');
  });

  it('explains why a cancelled action will not happen', async () => {
    const reply = event('reply', T0 + H, { visibility: 'public' });
    const html = await render(slaView({ ...input, events: [reply], now: T0 + 2 * H }), 'en');
    expect(html).toContain('data-state="cancelled"');
    expect(html).toContain('Cancelled · answered before it was due');
  });
});
