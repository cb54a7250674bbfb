import { describe, expect, it } from 'vitest';
import { Lexicon, lemmaCandidates, shippedLexicon } from '../../src/lexicon/index.js';

const lexicon = Lexicon.parse(
  ['meeting\tالاجتماع', 'meet\tاجتمع', 'pledge\tالوعد', 'pledging\tالتعهد', 'run\tالركض|المره|الادار,التشغيل', ''].join('\n'),
);

describe('lemmaCandidates', () => {
  it.each([
    ['meetings', 'meeting'],
    ['studies', 'study'],
    ['carried', 'carry'],
    ['planned', 'plan'],
    ['hosted', 'host'],
    ['hoping', 'hope'],
  ])('%s may come from %s', (word, lemma) => {
    expect(lemmaCandidates(word)).toContain(lemma);
  });
});

describe('Lexicon', () => {
  it('translates a headword with as many senses as its entry has', () => {
    expect(lexicon.translate('run')).toEqual([
      { text: 'الركض', senses: 3, related: false },
      { text: 'المره', senses: 3, related: false },
      { text: 'الادار', senses: 3, related: false },
      { text: 'التشغيل', senses: 3, related: false },
    ]);
  });

  it('falls back to the dictionary form of an inflected word', () => {
    expect(
      lexicon
        .translate('meetings')
        .filter((t) => !t.related)
        .map((t) => t.text),
    ).toEqual(['الاجتماع']);
  });

  it('adds, as related, the translations of other headwords with the same stem', () => {
    expect(lexicon.translate('pledge')).toEqual([
      { text: 'الوعد', senses: 1, related: false },
      { text: 'التعهد', senses: 1, related: true },
    ]);
  });

  it('adds, as related, the translations of its inflections the stemmer keeps apart ("dies" for "die")', () => {
    const withDies = Lexicon.parse('die\tمت\ndies\tيموت\n');
    expect(withDies.translate('die')).toEqual([
      { text: 'مت', senses: 1, related: false },
      { text: 'يموت', senses: 1, related: true },
    ]);
  });

  it('looks an irregular past up under its verb too, as more senses of one word ("held" is "hold")', () => {
    const verbs = Lexicon.parse('hold\tعقد\nheld\tمحمول\nbrought\tاحضر\nbring\tجلب\n');
    expect(verbs.translate('held').filter((t) => !t.related)).toEqual([
      { text: 'محمول', senses: 2, related: false },
      { text: 'عقد', senses: 2, related: false },
    ]);
    // a form the dictionary lacks ("wrote") falls back to its verb
    expect(Lexicon.parse('write\tكتب\n').translate('wrote')).toEqual([{ text: 'كتب', senses: 1, related: false }]);
  });

  it('adds, as related, the translations of the irregular forms of a verb ("took" for "take")', () => {
    const verbs = Lexicon.parse('take\tالوارد\ntook\tاخذ\n');
    expect(verbs.translate('take')).toEqual([
      { text: 'الوارد', senses: 1, related: false },
      { text: 'اخذ', senses: 1, related: true },
    ]);
  });

  it('adds, as related, the translations of the few headwords that begin with the same six letters', () => {
    const science = Lexicon.parse(['scientific\tعلمي', 'scientist\tعالم', 'scientists\tعلماء', 'sciences\tعلوم', ''].join('\n'));
    // "scientific" and "scientist" have different stems; "sciences" begins otherwise
    expect(science.translate('scientific').map((t) => [t.text, t.related])).toEqual([
      ['علمي', false],
      ['عالم', true],
      ['علماء', true],
    ]);
  });

  it('relates no words by a beginning that many headwords share', () => {
    const many = ['internal', 'internet', 'internment', 'interning', 'internist', 'internship', 'internally', 'internals', 'interned'];
    const lexicon = Lexicon.parse(many.map((w, k) => `${w}\tكلمه${k}`).join('\n'));
    expect(lexicon.translate('internship').filter((t) => t.related)).toEqual([]);
  });

  it('tells a headword from a word it translates only through its dictionary form', () => {
    // "meetings" borrows the entry of "meeting"; a name such as "Jared" must not pass for a form of "jar"
    expect(lexicon.hasHeadword('meeting')).toBe(true);
    expect(lexicon.hasHeadword('meetings')).toBe(false);
    expect(lexicon.translate('meetings').length).toBeGreaterThan(0);
  });

  it.each([
    // own senses first; then, marked synonym, one group per WordNet synonym, counted among themselves
    [
      'chair',
      [
        { text: 'الكرسي', senses: 1, related: false },
        { text: 'الرييس', senses: 2, related: false, synonym: true },
        { text: 'التقدم', senses: 2, related: false, synonym: true },
      ],
    ],
    // an inflection the file lacks uses its dictionary form's column
    [
      'amounts',
      [
        { text: 'الكميه', senses: 1, related: false },
        { text: 'المبلغ', senses: 1, related: false, synonym: true },
      ],
    ],
    // an inflection the file has adds its dictionary form's column to its own entry
    [
      'chaired',
      [
        { text: 'متراس', senses: 1, related: false },
        { text: 'الكرسي', senses: 1, related: false },
        { text: 'الرييس', senses: 2, related: false, synonym: true },
        { text: 'التقدم', senses: 2, related: false, synonym: true },
      ],
    ],
  ])('reads the WordNet column as further, weaker senses: %s', (word, expected) => {
    const withSynonyms = Lexicon.parse(['amount	الكميه	المبلغ', 'chair	الكرسي	الرييس|التقدم', 'chaired	متراس', ''].join('\n'));
    expect(withSynonyms.translate(word).filter((t) => !t.related)).toEqual(expected);
  });

  it('reads a line with synonyms only as a word with translations, not a function word', () => {
    const onlySynonyms = Lexicon.parse('detainees\t\tالمعتقلين\n');
    expect(onlySynonyms.isFunctionWord('detainees')).toBe(false);
    expect(onlySynonyms.translate('detainees')).toEqual([{ text: 'المعتقلين', senses: 1, related: false, synonym: true }]);
  });

  it('knows a word whose translations are all Arabic function words', () => {
    const withUntil = Lexicon.parse('until\t\nmeeting\tالاجتماع\n');
    expect(withUntil.isFunctionWord('until')).toBe(true);
    expect(withUntil.isFunctionWord('meeting')).toBe(false);
    expect(withUntil.translate('until')).toEqual([]);
  });

  it('has nothing for a word it does not know', () => {
    expect(lexicon.translate('zzyzx')).toEqual([]);
  });

  it('reads backwards: the headwords an Arabic word translates', () => {
    expect(lexicon.reverse('اجتماعات').map((r) => r.headword)).toEqual(['meeting']);
    expect(lexicon.reverse('التعهد').map((r) => r.headword)).toEqual(['pledging']);
  });

  it('ships the English–Arabic dictionary with the project', () => {
    const shipped = shippedLexicon();
    expect(shipped.size).toBeGreaterThan(70_000);
    expect(shipped.translate('kuwait').map((t) => t.text)).toContain('الكويت');
  });

  it('gives a verb the dictionary has in the imperative its past too', () => {
    expect(
      shippedLexicon()
        .translate('attend')
        .filter((t) => !t.related)
        .map((t) => t.text),
    ).toEqual(['احضر', 'حضر']);
  });

  it('lends a headword the translations of its WordNet synonyms, apart from its own', () => {
    const chair = shippedLexicon().translate('chair');
    expect(chair.filter((t) => !t.related && !t.synonym).map((t) => t.text)).toEqual(['الكرسي']);
    expect(chair.filter((t) => t.synonym).map((t) => t.text)).toContain('الرييس');
  });

  it.each([
    // Aiksaurus's synonyms that WordNet also relates to the word, past WordNet's own six
    ['delay', 'التعطيل'],
    ['disturbance', 'الانزعاج'],
    ['ending', 'الخاتمه'],
  ])('lends %s the translation %s of a synonym both thesauri give', (word, translation) => {
    const synonyms = shippedLexicon()
      .translate(word)
      .filter((t) => t.synonym);
    expect(synonyms.map((t) => t.text)).toContain(translation);
  });

  it('merges the Arabic–English direction: translations the English–Arabic one cuts short', () => {
    expect(
      shippedLexicon()
        .translate('abrupt')
        .map((t) => t.text),
    ).toContain('شديد الانحدار');
  });
});
