import { describe, expect, it } from 'vitest';
import { normaliseText, suggestType } from './appreciation.ts';

describe('appreciation or complaint', () => {
  it.each([
    'شكراً لكم على حسن التعامل',
    'شكرا',
    'شُكْرًا جزيلاً للطاقم',
    'شكــــرا للدكتور',
    'وشكرا',
    'اشكركم على الاهتمام',
    'الخدمة ممتازة',
    'ممتاااز',
    'الممرضة رائعة',
    'تعامل رايع',
    'جزاكم الله خيرا',
    'بارك الله فيكم',
    'يعطيكم العافية',
  ])('suggests an appreciation for the Arabic %s', (text) => {
    expect(suggestType(text).type).toBe('appreciation');
  });

  it.each([
    'Thank you so much, the nurses were wonderful',
    'Thanks!',
    'Dr. Ahmed was excellent and very helpful',
    'I really appreciate the care my mother received',
    'Well done to the whole team',
  ])('suggests an appreciation for the English %s', (text) => {
    expect(suggestType(text).type).toBe('appreciation');
  });

  it.each([
    'انتظرت ثلاث ساعات في الطوارئ',
    'تأخير في المواعيد ومشكلة في الصيدلية',
    'الخدمة غير ممتازة',
    'شكراً لكن التأخير سيء والتعامل سيئ',
    'The doctor was rude and the wait was terrible',
    'Thanks, but the delay was unacceptable and nobody answered',
    'The service was not great',
    'Problem with my bill',
    '',
  ])('suggests a complaint for %s', (text) => {
    expect(suggestType(text).type).toBe('complaint');
  });

  it('says which phrases it matched', () => {
    expect(suggestType('شكراً، الخدمة ممتازة').matched).toEqual(['شكر', 'ممتاز']);
    const mixed = suggestType('Thanks, but the wait was terrible');
    expect(mixed).toEqual({ type: 'complaint', matched: ['wait', 'terrible'], against: ['thank'] });
    expect(suggestType('not excellent').matched).toEqual(['excellent']);
  });

  it('normalises Arabic spelling variants', () => {
    expect(normaliseText('أ إ آ ٱ')).toBe('ا ا ا ا');
    expect(normaliseText('رائعة')).toBe('رايعه');
    expect(normaliseText('شُكْرًا')).toBe('شكرا');
    expect(normaliseText('شكـــرا')).toBe('شكرا');
    expect(normaliseText('مستشفى')).toBe('مستشفي');
  });
});
