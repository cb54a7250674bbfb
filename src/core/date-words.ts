const ARABIC_MONTHS = [
  ['يناير', 'كانون الثاني'],
  ['فبراير', 'شباط'],
  ['مارس', 'آذار'],
  ['أبريل', 'نيسان'],
  ['مايو', 'أيار'],
  ['يونيو', 'حزيران'],
  ['يوليو', 'تموز'],
  ['أغسطس', 'آب'],
  ['سبتمبر', 'أيلول'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول'],
];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A publication date as words a question may use: "2020-06-04" →
 * "2020 يونيو حزيران June 4". Indexed with the article's title, so "in June
 * 2020" finds the article even when its text never says so.
 */
export function dateWords(isoDate: string | undefined): string {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
  if (!match) return '';
  const month = Number(match[2]) - 1;
  return [match[1], ...(ARABIC_MONTHS[month] ?? []), ENGLISH_MONTHS[month], String(Number(match[3]))].join(' ');
}
