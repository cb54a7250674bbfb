/**
 * Web page furniture that scrapers keep and readers never wanted: view
 * counters, "follow us", author initials, repeated headlines, timestamps, and
 * the "read also" / video / poll block at the end of a page. Dropped by rule at
 * ingestion; the article file itself is never edited.
 */

const BULLET = /^[\s•·●▪◦‣*–-]*/u;

/** "القراءات: 458", "Views: 1,204" */
const COUNTER = /^(?:عدد\s+)?(?:القراءات|المشاهدات|مشاهدات|قراءات|views?|reads?)\s*[:：]?\s*[\d٠-٩,.،]+$/iu;

/** "تابعنا على", "تابعونا عبر", "Follow us on", "شارك على" — a short line that is only a call to follow. */
const FOLLOW =
  /^(?:تابعنا|تابعونا|تابعوا|اتبعنا|شارك|شاركها|شارك الخبر|follow us|share)(?:\s+(?:على|عبر|في|on|via))?(?:\s+\S+){0,3}\s*[:：]?$/iu;

/** "إقرأ أيضا", "اقرأ أيضًا:", "Read also", "Related articles": everything after it is links. */
const READ_ALSO =
  /^(?:إقرأ|اقرأ|إقرا|اقرا)\s+(?:أيضا|أيضاً|أيضًا|ايضا|المزيد)|^(?:read\s+(?:also|more)|related(?:\s+(?:articles|stories|news))?|see also)\b/iu;

const ARABIC_MONTHS =
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول';
const ENGLISH_MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS =
  'السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|saturday|sunday|monday|tuesday|wednesday|thursday|friday';

/** "الخميس 04 يونيو 2020 08:15:00 مساءً": a timestamp alone on its line. */
const TIMESTAMP = new RegExp(
  `^(?:(?:${WEEKDAYS})[,،]?\\s+)?[\\d٠-٩]{1,2}\\s+(?:${ARABIC_MONTHS}|${ENGLISH_MONTHS})[,،]?\\s+[\\d٠-٩]{4}` +
    `(?:\\s*[-–,،]?\\s*[\\d٠-٩]{1,2}:[\\d٠-٩]{2}(?::[\\d٠-٩]{2})?\\s*(?:ص|م|صباحا|صباحاً|مساء|مساءً|مساءا|am|pm)?)?$`,
  'iu',
);

/** A line made only of one-letter words: author initials such as "ق/ د ق/ د". */
function isOnlyInitials(line: string): boolean {
  const words = line.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => w.length === 1 && /\p{L}/u.test(w));
}

/** A tail of links or poll options is a run of short lines. */
const LINK_LINE_MAX_WORDS = 14;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

export type BoilerplateReason = 'counter' | 'follow' | 'initials' | 'timestamp' | 'repeat' | 'read-also';

export interface DroppedLine {
  line: number;
  reason: BoilerplateReason;
  text: string;
}

/** Why a line is boilerplate, or null when it is article text. */
export function boilerplateReason(line: string): BoilerplateReason | null {
  const bare = line.replace(BULLET, '').trim();
  if (COUNTER.test(bare)) return 'counter';
  if (FOLLOW.test(bare)) return 'follow';
  if (TIMESTAMP.test(bare)) return 'timestamp';
  if (isOnlyInitials(bare)) return 'initials';
  return null;
}

/**
 * Keeps the article's lines (verbatim, with their 1-based line numbers) and
 * reports what it dropped and why.
 */
export function stripBoilerplate(lines: readonly string[]): { kept: { line: number; text: string }[]; dropped: DroppedLine[] } {
  const kept: { line: number; text: string }[] = [];
  const dropped: DroppedLine[] = [];
  const seen = new Set<string>();

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const bare = text.replace(BULLET, '').trim();
    if (!bare) continue;
    if (READ_ALSO.test(bare) && lines.slice(i + 1).every((rest) => wordCount(rest) <= LINK_LINE_MAX_WORDS)) {
      for (let j = i; j < lines.length; j++) {
        const rest = (lines[j] ?? '').trim();
        if (rest) dropped.push({ line: j + 1, reason: 'read-also', text: rest });
      }
      break;
    }
    const reason = boilerplateReason(text) ?? (seen.has(bare) ? 'repeat' : null);
    if (reason) {
      dropped.push({ line: i + 1, reason, text: bare });
      continue;
    }
    seen.add(bare);
    kept.push({ line: i + 1, text });
  }
  return { kept, dropped };
}
