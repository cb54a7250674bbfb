import { describe, expect, it } from 'vitest';
import { irregularBase, irregularFamily } from '../../src/lexicon/irregular-verbs.js';

describe('irregularBase', () => {
  it.each([
    ['held', 'hold'],
    ['brought', 'bring'],
    ['took', 'take'],
    ['taken', 'take'],
    ['written', 'write'],
    ['won', 'win'],
    ['led', 'lead'],
    ['began', 'begin'],
    ['fought', 'fight'],
    ['gotten', 'get'],
  ])('%s is a form of %s', (form, base) => {
    expect(irregularBase(form)).toBe(base);
  });

  it.each(['meeting', 'hold', 'hosted', 'pledged', 'coalition'])('%s is not an irregular past or participle', (word) => {
    expect(irregularBase(word)).toBeUndefined();
  });
});

describe('irregularFamily', () => {
  it.each([
    ['take', ['took', 'taken']],
    ['took', ['take', 'taken']],
    ['hold', ['held']],
    ['get', ['got', 'gotten']],
    ['meet', ['met']],
    ['pledge', []],
  ])('%s → %j', (word, family) => {
    expect(irregularFamily(word)).toEqual(family);
  });
});
