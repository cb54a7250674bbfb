import { z } from 'zod';

/** File stems become article ids and citation anchors: keep them URL- and shell-safe. */
export const ARTICLE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,127}$/u;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD, e.g. "2018-02-13"', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a real calendar date');

/**
 * The sidecar `<id>.json` next to `<id>.txt`. Only what the article itself
 * tells: a field the text does not support is left out, not guessed.
 *
 * @example { "title": "…", "source": "كونا", "date": "2024-09-30", "lang": "ar" }
 */
export const articleMetadataSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300, 'at most 300 characters').optional(),
  source: z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters').optional(),
  date: isoDate.optional(),
  lang: z.enum(['ar', 'en']).optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. "https://example.com/news/1"' }).optional(),
  /** "line": every line is a paragraph (default); "blank-line": paragraphs are separated by empty lines. */
  paragraphs: z.enum(['line', 'blank-line']).optional(),
});

export type ArticleMetadata = z.infer<typeof articleMetadataSchema>;

/** What to tell the operator for each field, when its value is rejected. */
export const FIELD_FIXES: Record<string, string> = {
  title: 'set "title" to the headline as printed, or remove the field if the article has none',
  source: 'set "source" to the outlet\'s name, or remove the field if the article does not say',
  date: 'write the publication date as "YYYY-MM-DD", or remove the field if the article does not say',
  lang: 'use "ar" or "en", or remove the field to detect the language from the text',
  url: "use the article's full http(s) address, or remove the field",
  paragraphs: 'use "line" (one paragraph per line) or "blank-line" (paragraphs separated by an empty line)',
};
