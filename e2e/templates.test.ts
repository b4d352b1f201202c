import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TemplateEntry } from '../shared/notifications/templates.ts';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './harness/server.ts';
import { startWorld, type World } from './harness/world.ts';
import { TemplatesPage } from './pages/TemplatesPage.ts';

/**
 * An administrator rewords the Arabic "complaint received" SMS on the desk: the preview follows
 * the text with sample values, the SMS count follows the preview (Arabic is UCS-2: 70 characters
 * in one SMS, 67 per part), an unknown variable is refused at the text field, and what is saved
 * is what the server keeps for the hospital. A desk agent has no way in.
 */
describe('message templates on the desk', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('agent_tpl', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const storedOverride = async (template: string, language: string) => {
    const { data } = await world.admin.ok<{ data: TemplateEntry[] }>('GET', `/api/v1/templates?hospitalId=${world.main.id}`);
    return data.find((e) => e.template === template && e.language === language)?.override ?? null;
  };

  it('an admin edits the Arabic received SMS with a live preview and segment count; an unknown variable is refused at the field', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('Admin', ADMIN_USERNAME, ADMIN_PASSWORD);
    await desk.shell.waitOnline();
    const page = new TemplatesPage(desk.page);
    await page.open();
    await page.edit('complaint_received', 'ar');

    // The default text, previewed as it would be sent, long enough to need several UCS-2 parts.
    expect((await page.preview()).split('\n')[0]).toBe('استلام شكوى SHCT');
    const before = await page.count();
    expect(before.encoding).toBe('UCS-2');
    expect(before.segments).toBeGreaterThan(1);

    // A shorter Arabic text: the preview follows at once and it fits one SMS.
    await page.setBody('تم استلام شكواكم رقم {ref}');
    expect(await page.preview()).toBe('تم استلام شكواكم رقم CMP-2026-000123');
    const short = await page.count();
    expect(short).toMatchObject({ encoding: 'UCS-2', segments: 1, characters: 'تم استلام شكواكم رقم CMP-2026-000123'.length });

    // Past 70 characters an Arabic SMS is split into parts of 67.
    const long = `${'شكراً لتواصلكم. '.repeat(5)}{ref}`;
    await page.setBody(long);
    expect(await page.count()).toMatchObject({ encoding: 'UCS-2', segments: 2 });

    // An unknown variable is named at the field, and nothing reaches the server.
    await page.setBody('تم استلام شكواكم رقم {ref} اتصل على {phone}');
    await page.bodyError().waitFor();
    expect(await page.bodyError().getAttribute('data-variable')).toBe('phone');
    expect(await page.bodyError().innerText()).toContain('{phone}');
    expect(await page.preview()).toBe('تم استلام شكواكم رقم CMP-2026-000123 اتصل على {phone}');
    await page.save();
    await page.saveError().waitFor();
    expect(await page.saveError().getAttribute('data-code')).toBe('invalid');
    expect(await storedOverride('complaint_received', 'ar')).toBeNull();

    // Corrected and saved: the server keeps it for this hospital, the list says so.
    await page.setBody('تم استلام شكواكم رقم {ref}\n{link}');
    expect(await page.bodyError().count()).toBe(0);
    await page.save();
    await page.saved().waitFor();
    expect(await page.row('complaint_received', 'ar').getAttribute('data-custom')).toBe('true');
    expect(await storedOverride('complaint_received', 'ar')).toMatchObject({ body: 'تم استلام شكواكم رقم {ref}\n{link}' });
    expect(await storedOverride('complaint_received', 'en')).toBeNull();
  });

  it('the server refuses an unknown variable too, naming it', async () => {
    const res = await world.admin.request<{ fields: Record<string, string>; problems: Record<string, { variable?: string }> }>(
      'PATCH',
      `/api/v1/templates/sms/complaint_received/ar?hospitalId=${world.main.id}`,
      { body: 'رقم {ref} {phone}' },
    );
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({ body: 'unknown_variable' });
    expect(res.body.problems.body?.variable).toBe('phone');
  });

  it('a desk agent has no link and no access', async () => {
    const desk = await world.desk('Agent', 'agent_tpl');
    await desk.shell.waitOnline();
    expect(await new TemplatesPage(desk.page).navLink().count()).toBe(0);
    await desk.page.evaluate(() => {
      window.location.hash = '#/templates';
    });
    await desk.page.getByTestId('templates-forbidden').waitFor();
  });
});
