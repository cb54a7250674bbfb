/**
 * Platform-neutral presentation of a Reply: the catalogue of everything the
 * bot says, passage segments to highlight, fitting to a budget, text
 * cleanup and bidi isolation. Renderers map these to their markup and apply
 * their platform's limits.
 */
export { directed, FSI, isolateAuto, isolateLtr, isolateLtrRuns, LRI, PDI, stripBidiControls } from './bidi.js';
export { MESSAGES, rejectedMessage } from './catalogue.js';
export { cleanText, isSafeHref, safeUrl } from './clean.js';
export { type Excerpt, excerptAround, excerptText } from './excerpt.js';
export { type Fittable, fitAround, fitExcerpts, fitLines, fitStart, START } from './fit.js';
export { citationFacts, type Field, type HelpLine, helpLines, missingLines, reloadLines, statsFields } from './lines.js';
export { hasArabic, localeLang, textLang } from './script.js';
export { type MarkedPassage, markPassage, type Segment } from './segments.js';
