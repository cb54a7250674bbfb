import { describe, expect, it } from 'vitest';
import { TitleFinder } from '../../src/search/title-finder.js';

// the bundled corpus's titles
const TITLES = [
  'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد… 000_ef08b0032887354d',
  '75 جهة ومنظمة شاركت باجتماع التحالف في الكويت... واعتماد مبادئ توجيهية لضمان استمرارية التنسيق 001_a80aa5ff78102834',
  'إجماع دولي على التصدي لمخططاته 002_83dec01cb59a7f27',
  'عقد وزراء خارجية التحالف الدولي ضد ما يسمى «داعش» اجتماعا… 003_dbecf9ef6e395945',
  'المجموعة الوزارية المصغرة للتحالف الدولي تؤكد "التصميم المشترك" على هزيمة "داعش" 004_f054958bf221c085',
];

describe('finding a title as it is typed', () => {
  const finder = new TitleFinder(TITLES);
  it.each([
    ['the start of a word', 'اجما', [2]],
    ['without the hamza the title has', 'اجماع دو', [2]],
    ['with tashkeel', 'إِجْمَاع', [2]],
    ['a word fused to its particles in the title (باجتماع, للتحالف)', 'اجتماع', [1, 3]],
    ['two words, the last unfinished', 'التصميم المش', [4]],
    ['ة typed as ه', 'المصغره', [4]],
    ['Arabic-Indic digits', '٧٥ جهة', [1]],
    ['the start of an article id', 'ef08', [0]],
    ['a word no title has', 'روما', []],
  ])('by %s', (_what, typed, expected) => {
    expect(finder.find(typed, 25).sort()).toEqual(expected);
  });

  it('gives at most the number asked for', () => {
    expect(finder.find('التحالف', 2)).toHaveLength(2);
  });
});
