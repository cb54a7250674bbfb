import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boilerplateReason, splitParagraphs } from '../../src/corpus/index.js';
import { BUNDLED_CORPUS } from '../support/bot.js';

describe('boilerplateReason', () => {
  it.each([
    ['  • القراءات: 458', 'counter'],
    ['Views: 1,204', 'counter'],
    ['تابعنا على  ', 'follow'],
    ['Follow us on', 'follow'],
    ['ق/ د ق/ د', 'initials'],
    ['الخميس 04 يونيو 2020 08:15:00 مساءً', 'timestamp'],
    ['13 February 2018', 'timestamp'],
  ])('%s is %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    'الكويت 13 فبراير 2018 / أكدت دول التحالف الدولي ضد تنظيم الدولة الاسلامية',
    'وشهد المؤتمر مشاركة دولية واسعة تمثلت بحضور أكثر من 75 دولة ومنظمة دولية.',
    'تيلرسون:',
  ])('keeps article text: %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('splitParagraphs', () => {
  const read = (id: string) => readFileSync(join(BUNDLED_CORPUS, `${id}.txt`), 'utf8');

  it('drops the counter, initials and the repeated headline of a scraped page, keeping the article verbatim', () => {
    const text = read('002_83dec01cb59a7f27');
    const { paragraphs, dropped } = splitParagraphs(text);
    expect(dropped.map((d) => d.reason).sort()).toEqual(['counter', 'initials', 'repeat']);
    expect(paragraphs.map((p) => p.text)).toContain('إجماع دولي على التصدي لمخططاته');
    for (const p of paragraphs) expect(text).toContain(p.text);
  });

  it('drops the "read also" tail with its videos and poll, and the follow-us line', () => {
    const { paragraphs, dropped } = splitParagraphs(read('004_f054958bf221c085'));
    const all = paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/إقرأ أيضا|فيديوهات|استطلاع|هل تتوقع|معجبى|تابعنا/);
    expect(all).toContain('(النهاية) ر س ر / م ع ع');
    expect(dropped.some((d) => d.reason === 'read-also' && d.text.includes('هل تتوقع حل مجلس الأمة'))).toBe(true);
  });

  it('keeps a "read also" line that has paragraphs after it (it is then part of the article)', () => {
    const long = 'وهذه فقرة طويلة من المقالة تأتي بعد عبارة اقرأ أيضا وتحمل معلومات مهمة عن الاجتماع والتحالف والدول المشاركة فيه.';
    const { paragraphs } = splitParagraphs(`فقرة أولى.\nاقرأ أيضا\n${long}`);
    expect(paragraphs.map((p) => p.text)).toContain(long);
  });

  it('joins a one-line label such as "تيلرسون:" to the paragraph it introduces', () => {
    const { paragraphs } = splitParagraphs(read('001_a80aa5ff78102834'));
    const label = paragraphs.find((p) => p.text.startsWith('تيلرسون:'));
    expect(label?.text).toContain('\n- صاحب السمو يشارك في القمة');
  });

  it('numbers paragraphs from 1 and remembers their line', () => {
    const { paragraphs } = splitParagraphs('الفقرة الأولى هنا\n\nالفقرة الثانية هنا');
    expect(paragraphs.map((p) => [p.n, p.line])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('joins hard-wrapped lines in blank-line mode', () => {
    const { paragraphs } = splitParagraphs('The coalition met\nin Kuwait on Tuesday.\n\nSecond paragraph.', 'blank-line');
    expect(paragraphs.map((p) => p.text)).toEqual(['The coalition met in Kuwait on Tuesday.', 'Second paragraph.']);
  });
});
