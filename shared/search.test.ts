import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complaintSearchTokens, foldText, matchesQuery, parseQuery, withoutArticle, type SearchableComplaint } from './search.ts';

describe('foldText', () => {
  it.each([
    // alef forms
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلرحمن', 'الرحمن'],
    // taa marbuta and alef maqsura
    ['مدرسة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['مستشفي', 'مستشفي'],
    // diacritics: harakat, tanween, shadda, sukun, superscript alef
    ['مُسْتَشْفَى', 'مستشفي'],
    ['كِتَابٌ', 'كتاب'],
    ['شُكْرًا', 'شكرا'],
    ['محمّد', 'محمد'],
    ['هٰذا', 'هذا'],
    // tatweel
    ['مـــستشفى', 'مستشفي'],
    // hamza on waw / yaa: the seat fold keeps the hamza, whatever carries it
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
    ['شؤون', 'شءون'],
    ['شئون', 'شءون'],
    ['سماء', 'سماء'],
    ['الطوارئ', 'الطوارء'],
    ['الطوارىء', 'الطوارء'],
    // digits
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['۰۵۰', '050'],
    // English: case, accents, full-width
    ['Hospital WAITING Time', 'hospital waiting time'],
    ['Café Résumé', 'cafe resume'],
    ['ＡＢＣ１２', 'abc12'],
    // Arabic presentation forms (NFKD) and Persian letters
    ['ﻻ', 'لا'],
    ['ﻷ', 'لا'],
    ['کی', 'كي'],
    // punctuation and spacing are kept
    ['CMP-2026-000123', 'cmp-2026-000123'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it.each([
    ['مسؤول', 'مسوول'],
    ['مسئول', 'مسيول'],
    ['رئيس', 'رييس'],
    ['أسئلة', 'اسيله'],
  ])('bare fold drops the hamza from its carrier: %s → %s', (input, folded) => {
    expect(foldText(input, 'bare')).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
    );
  });
});

describe('withoutArticle', () => {
  it.each([
    ['الامل', 'امل'],
    ['والمستشفي', 'مستشفي'],
    ['بالمستشفي', 'مستشفي'],
    ['للمريض', 'مريض'],
    ['ال', null],
    ['الم', null],
    ['امل', null],
    ['hospital', null],
  ])('%s → %s', (word, bare) => {
    expect(withoutArticle(word)).toBe(bare);
  });
});

describe('parseQuery', () => {
  it.each<[string, string[][]]>([
    ['', []],
    ['  ', []],
    ['a', []],
    ['Waiting  TIME', [['waiting'], ['time']]],
    ['مستشفي الامل', [['مستشفي'], ['الامل', 'امل']]],
    ['مستشفى الأمل', [['مستشفي'], ['الامل', 'امل']]],
    ['050 123 4567', [['0501234567']]],
    ['+966 50 123 4567', [['966501234567']]],
    ['00966501234567', [['00966501234567', '966501234567']]],
    ['٠٥٠١٢٣٤٥٦٧', [['0501234567']]],
    ['CMP-2026-000123', [['cmp'], ['2026'], ['000123']]],
    ['x ray', [['ray']]],
    ['ray ray', [['ray']]],
  ])('%j', (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });
});

const sample: SearchableComplaint = {
  referenceNumber: 'CMP-2026-000123',
  title: 'مستشفى الأمل: تأخر الموعد',
  description: 'Patient waited four hours in the Emergency department (الطوارئ). المسؤول لم يرد.',
  complainant: { name: 'Fatimah Al-Harbi', phone: '+966501234567' },
};

describe('complaint search', () => {
  const tokens = complaintSearchTokens(sample);
  const finds = (q: string) => matchesQuery(tokens, parseQuery(q));

  it.each([
    // Arabic spelling variants of the title
    'مستشفي الامل',
    'مستشفى الأمل',
    'مُسْتَشْفَى',
    'مستشفـى',
    'الامل',
    'امل',
    'بالأمل',
    'تاخر',
    'مستش',
    // hamza variants of a word in the description
    'المسئول',
    'مسؤول',
    'مسوول',
    // hamza after a yaa seat, an older spelling
    'الطوارىء',
    'الطوارئ',
    'طواري',
    // English: case, prefix
    'EMERGENCY',
    'emerg',
    'waited four',
    'fatimah',
    'al-harbi',
    'harbi',
    // reference number, whole or in parts
    'CMP-2026-000123',
    'cmp-2026-000123',
    '000123',
    '123',
    'cmp2026000123',
    // phone as typed
    '0501234567',
    '050 123 4567',
    '+966501234567',
    '501234',
    '٠٥٠١٢٣٤٥٦٧',
  ])('finds it by %j', (q) => {
    expect(finds(q)).toBe(true);
  });

  it.each(['مستشفى النور', 'surgery', 'CMP-2026-000124', '0509999999', 'waited five', 'مسيول'])('does not find it by %j', (q) => {
    expect(finds(q)).toBe(false);
  });

  it('indexes sorted, unique tokens', () => {
    expect([...tokens].sort()).toEqual(tokens);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('does not need a phone', () => {
    expect(complaintSearchTokens({ ...sample, complainant: { name: 'X Y', phone: null } })).not.toContain('966501234567');
  });
});
