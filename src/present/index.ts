/**
 * Platform-neutral presentation of a Reply: the catalogue of everything the
 * bot says, passage segments to highlight, fitting to a budget, text
 * cleanup and bidi isolation. Renderers map these to their markup and apply
 * their platform's limits.
 */
export { directed, isolateAuto, isolateLtr, isolateLtrRuns, stripBidiControls, FSI, LRI, PDI } from './bidi.js';
export { MESSAGES, rejectedMessage } from './catalogue.js';
export { cleanText, isSafeHref, safeUrl } from './clean.js';
export { excerptAround, excerptText, type Excerpt } from './excerpt.js';
export { fitAround, fitExcerpts, fitLines, fitStart, START, type Fittable } from './fit.js';
export { helpLines, missingLines, reloadLines, statsFields, type Field, type HelpLine } from './lines.js';
export { hasArabic, localeLang, textLang } from './script.js';
export { markPassage, type MarkedPassage, type Segment } from './segments.js';
