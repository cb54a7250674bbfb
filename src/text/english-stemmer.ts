import { stemmer } from 'stemmer';

/** Porter stemming for Latin-script words ("pledged" → "pledg"). */
export function stemEnglish(word: string): string {
  return word.length <= 3 ? word : stemmer(word);
}
