import { describe, expect, it } from 'vitest';
import { type Candidate, chooseLead, orderCitations } from '../../src/core/citation-order.js';

let next = 0;
function candidate(articleId: string, score: number, coverage: number, concepts: number[], extra: Partial<Candidate> = {}): Candidate {
  return {
    hit: { passage: next++, score, coverage, matchedTerms: [], matchedWords: concepts.length, matchedConcepts: concepts, answerTypes: 0 },
    articleId,
    answers: true,
    offersType: true,
    typed: false,
    counts: false,
    headline: false,
    bodyMatches: true,
    holds: true,
    ...extra,
  };
}
const ids = (list: readonly Candidate[]) => list.map((c) => `${c.articleId}${c.hit.score}`);

describe('chooseLead', () => {
  it('prefers, among leads scoring within the margin, the one covering more of the question', () => {
    const italy = candidate('a', 6.6, 0.65, [0, 1, 2]);
    const kuwait = candidate('b', 6.5, 0.9, [0, 1, 3]);
    expect(chooseLead([italy, kuwait], 5, 0.95)).toBe(kuwait);
    expect(chooseLead([italy, kuwait], 5, 1)).toBe(italy);
  });

  it('skips passages that do not answer, and finds none when none does', () => {
    const weak = candidate('a', 9, 0.2, [0], { answers: false });
    const good = candidate('b', 5, 0.6, [0, 1]);
    expect(chooseLead([weak, good], 5, 0.95)).toBe(good);
    expect(chooseLead([weak], 5, 0.95)).toBeUndefined();
  });

  it('lets a body paragraph that matches the headline’s concepts and more lead instead of the headline', () => {
    const headline = candidate('a', 9, 0.5, [0, 1], { headline: true });
    const body = candidate('a', 7, 0.6, [0, 1, 2]);
    const narrower = candidate('a', 8, 0.5, [0]);
    expect(chooseLead([headline, narrower, body], 5, 0.95)).toBe(body);
    expect(chooseLead([candidate('a', 9, 0.5, [0, 1], { headline: true }), narrower], 5, 0.95)!.headline).toBe(true);
  });

  it('passes over a paragraph matched only through its article’s headline when another one’s own text matches', () => {
    const titleOnly = candidate('a', 7.2, 0.7, [0, 1, 2], { bodyMatches: false });
    const body = candidate('b', 3.5, 0.6, [0, 1, 2]);
    expect(chooseLead([titleOnly, body], 5, 0.95)).toBe(body);
    // with nothing better, the headline's match still answers
    expect(chooseLead([titleOnly], 5, 0.95)).toBe(titleOnly);
  });

  it('leads a typed question ("when") with a paragraph that gives what it asks for', () => {
    const when = { typed: true };
    const yesterday = candidate('a', 7, 0.9, [0, 1], { ...when, offersType: false });
    const dated = candidate('b', 6.9, 0.8, [0, 1], when);
    expect(chooseLead([yesterday, dated], 5, 0.95)).toBe(dated);
    // further down the ranking when one article's paragraphs fill the first places
    const filler = [6.8, 6.7, 6.6, 6.5].map((score) => candidate('a', score, 0.9, [0, 1], { ...when, offersType: false }));
    const far = candidate('b', 4, 0.7, [0, 1], when);
    expect(chooseLead([yesterday, ...filler, far], 5, 0.95)).toBe(far);
    // but only one of another article, that answers and holds the question
    const sameArticle = candidate('a', 4, 0.7, [0, 1], when);
    expect(chooseLead([yesterday, ...filler, sameArticle], 5, 0.95)).toBe(yesterday);
    const notHolding = candidate('b', 4, 0.7, [0, 1], { ...when, holds: false });
    expect(chooseLead([yesterday, ...filler, notHolding], 5, 0.95)).toBe(yesterday);
    // an untyped question keeps the ranking's lead
    expect(chooseLead([candidate('a', 7, 0.9, [0, 1], { offersType: true }), candidate('b', 6.9, 0.8, [0, 1])], 5, 0.95)!.articleId).toBe(
      'a',
    );
  });

  it('leads a "why" question with a paragraph giving a reason only if it covers half as much as the best', () => {
    const why = { typed: true, typePreferred: true };
    // «لماذا حث تيلرسون الدول الأعضاء على عدم التراخي؟»: the paragraph that says it all, and another's «بهدف…»
    const saysIt = candidate('a', 17.7, 1, [0, 1, 2, 3, 4, 5], { ...why, offersType: false });
    const purposeElsewhere = candidate('b', 6.8, 0.33, [1, 2, 3], why);
    expect(chooseLead([saysIt, purposeElsewhere], 5, 0.95)).toBe(saysIt);
    // further down the ranking too
    const far = candidate('b', 4, 0.33, [1, 2], why);
    expect(chooseLead([saysIt, far], 1, 0.95)).toBe(saysIt);
    // a reason covering about as much leads («بغية حشد الجهود» over the headline)
    const headline = candidate('a', 5.5, 0.94, [0, 1, 2], { ...why, offersType: false });
    const reason = candidate('b', 4.2, 0.9, [0, 1, 2], why);
    expect(chooseLead([headline, reason], 5, 0.95)).toBe(reason);
  });
});

describe('orderCitations', () => {
  it('cites the answering passage of every article before a second passage of one (74 vs 75 countries)', () => {
    const lead = candidate('a', 10, 0.7, [0, 1, 2], { typed: true });
    const second = candidate('a', 9, 0.6, [0, 1], { typed: true });
    const third = candidate('a', 8, 0.6, [0, 1], { typed: true });
    const otherNoNumber = candidate('b', 6, 0.5, [0, 1], { typed: true, offersType: false });
    const otherWithNumber = candidate('b', 5, 0.4, [0, 1], { typed: true });
    const order = orderCitations(lead, [lead, second, third, otherNoNumber, otherWithNumber], 0.75);
    expect(ids(order).slice(0, 2)).toEqual(['a10', 'b5']);
    expect(order).toHaveLength(5);
  });

  it('lets the passage with a number next to what is counted stand for its article', () => {
    const lead = candidate('a', 10, 0.7, [0, 1, 2], { typed: true, counts: true });
    const second = candidate('a', 9, 0.6, [0, 1], { typed: true });
    const otherNumber = candidate('b', 6, 0.5, [0, 1], { typed: true });
    const otherCount = candidate('b', 5, 0.4, [0, 1], { typed: true, counts: true });
    expect(ids(orderCitations(lead, [lead, second, otherNumber, otherCount], 0.75))).toEqual(['a10', 'b5', 'a9', 'b6']);
  });

  it('keeps the ranking when another article covers much less of an untyped question', () => {
    const lead = candidate('a', 10, 0.8, [0, 1, 2]);
    const second = candidate('a', 9, 0.7, [0, 1]);
    const other = candidate('b', 8, 0.4, [0]);
    expect(ids(orderCitations(lead, [lead, second, other], 0.75))).toEqual(['a10', 'a9', 'b8']);
    const close = candidate('c', 7, 0.7, [0, 1]);
    expect(ids(orderCitations(lead, [lead, second, other, close], 0.75))).toEqual(['a10', 'c7', 'a9', 'b8']);
  });

  it('is the ranking itself when every article has one passage', () => {
    const list = [candidate('a', 9, 0.8, [0]), candidate('b', 8, 0.2, [0], { answers: false }), candidate('c', 7, 0.8, [0])];
    expect(orderCitations(list[0]!, list, 0.75)).toEqual(list);
  });

  it('puts a headline paragraph after the body paragraph of its article that says more', () => {
    const lead = candidate('a', 10, 0.8, [0, 1, 2]);
    const headline = candidate('b', 9, 0.6, [0, 1], { headline: true });
    const body = candidate('b', 8, 0.7, [0, 1, 2]);
    expect(ids(orderCitations(lead, [lead, headline, body], 0.75))).toEqual(['a10', 'b8', 'b9']);
  });
});
