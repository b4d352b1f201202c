import { describe, expect, it } from 'vitest';
import { CHANNELS, COMPLAINT_STATUSES, EVENT_TYPES, PRIORITIES, SEVERITIES, TRACKED_FIELDS } from '../../shared/enums.ts';
import ar from './ar.json';
import en from './en.json';
import { createI18n } from './index.ts';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}
/** Plural forms differ by language (Arabic has six); compare the keys they belong to. */
const baseKeys = (tree: Tree) => [...new Set(leaves(tree).map((k) => k.replace(PLURAL, '')))].sort();

describe('translations', () => {
  it('Arabic and English have exactly the same keys', () => {
    expect(baseKeys(ar)).toEqual(baseKeys(en));
  });

  it('give every plural key all the forms each language needs', () => {
    for (const [lang, tree] of [['ar', ar], ['en', en]] as const) {
      const keys = leaves(tree);
      const plurals = [...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of plurals) for (const form of forms) expect(keys, `${lang} ${base}_${form}`).toContain(`${base}_${form}`);
    }
  });

  it('translate every status, severity, priority, channel, event type and tracked field', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      const names = [
        ...COMPLAINT_STATUSES.map((s) => `status.${s}`),
        ...SEVERITIES.map((s) => `severity.${s}`),
        ...PRIORITIES.map((s) => `priority.${s}`),
        ...CHANNELS.map((s) => `channel.${s}`),
        ...EVENT_TYPES.map((s) => `event.${s}`),
        ...TRACKED_FIELDS.map((s) => `field.${s}`),
      ];
      for (const key of names) expect(i18n.exists(key), `${lang}: ${key}`).toBe(true);
    }
  });

  it('use Arabic plural forms for counts', async () => {
    const i18n = await createI18n('ar');
    expect(i18n.t('sync.pending', { count: 1 })).toBe('تغيير واحد لم يُزامن بعد');
    expect(i18n.t('sync.pending', { count: 2 })).toBe('تغييران لم يُزامنا بعد');
    expect(i18n.t('sync.pending', { count: 5 })).toBe('5 تغييرات لم تُزامن بعد');
  });
});
