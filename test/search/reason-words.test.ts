import { describe, expect, it } from 'vitest';
import { asksWhy, givesReason } from '../../src/search/reason-words.js';

describe('asksWhy', () => {
  it.each([
    ['لماذا اجتمع التحالف في الكويت؟', true],
    ['ليش التحالف موجود بالعراق؟', true], // Levantine
    ['ليه التحالف اجتمع؟', true], // Egyptian
    ['ما سبب ظهور داعش؟', true],
    ['لأي غرض خُصصت الـ٢٠٠ مليون دولار؟', true],
    ['Why did ISIS appear according to Tillerson?', true],
    ['What was the purpose of the meeting?', true],
    ['لم يحضر الوزير الاجتماع؟', false], // «لم»: did not
    ['متى عقد الاجتماع؟', false],
    ['Who hosted the virtual meeting?', false],
  ])('%s → %s', (question, expected) => {
    expect(asksWhy(question)).toBe(expected);
  });
});

describe('givesReason', () => {
  it.each([
    ['a purpose', 'وقال ان الاجتماع يأتي استكمالا للاجتماعات السابقة بغية حشد الجهود الدولية', true],
    ['a cause', 'واعتبر أن داعش ظهر نتيجة ظروف معينة في سوريا والعراق', true],
    ['with diacritics', 'اعْتَمَدَ مَبَادِئَ تَوْجِيهِيَّةً بِهَدَفِ ضَمَانِ اسْتِمْرَارِيَّةِ التَّنْسِيقِ', true],
    ['«كونها»: being', 'واكتسي اللقاء أهمية خاصة كونها المرة الأولى التي تلتقي فيها الدول الأعضاء', true],
    // the «ل» of purpose before a verbal noun is left out: news has it in nearly every paragraph («لمكافحة التنظيم»)
    ['«لمكافحة»', 'واكد ان دول التحالف مستمرة مع المجتمع الدولي بتطبيق قرارات مجلس الامن ذات الصلة لمكافحة التنظيم الارهابي', false],
    ['a plain statement', 'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة', false],
  ])('%s', (_what, text, expected) => {
    expect(givesReason(text)).toBe(expected);
  });
});
