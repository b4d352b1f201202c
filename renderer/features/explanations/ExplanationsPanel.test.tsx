import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { H, T0 } from '../../../shared/sla/test-fixtures.ts';
import { createI18n } from '../../i18n/index.ts';
import { ExplanationList } from './ExplanationsPanel.tsx';
import type { ExplanationEntry } from './requests.ts';

const entry = (over: Partial<ExplanationEntry> = {}): ExplanationEntry => ({
  id: 'r1', requestedAt: T0, requestedBy: 'PX Admin', message: null, staffId: 'nurse', staffName: null, holderId: 'nurse',
  level: 0, dueAt: T0 + 48 * H, reminded: false, state: 'pending', answeredAt: null, answeredBy: null, ...over,
});
const names = new Map([['nurse', 'Nurse Huda'], ['manager', 'Dr. Manager']]);

async function render(entries: ExplanationEntry[], lang: 'ar' | 'en') {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ExplanationList entries={entries} names={names} />
    </I18nextProvider>,
  );
}

describe('explanation requests list', () => {
  it('shows each request with whom it was asked, who holds it now, its level and state', async () => {
    const html = await render([entry({ id: 'r2', holderId: 'manager', level: 1, state: 'overdue' }), entry({ state: 'received', answeredAt: T0 + H })], 'en');
    expect(html.match(/data-testid="explanation-row"/g)).toHaveLength(2);
    expect(html).toContain('data-state="overdue" data-level="1" data-staff="nurse"');
    expect(html).toContain('Dr. Manager');
    expect(html).toContain('manager, escalation level 1');
    expect(html).toContain('Answered');
    expect(html).toContain('Nurse Huda');
  });

  it('says in Arabic that nothing was requested yet', async () => {
    const html = await render([], 'ar');
    expect(html).toContain('data-testid="explanations-empty"');
    expect(html).toContain('لم تُطلب أي إفادة لهذه الشكوى.');
  });
});
