import type { DateReference, Sentence } from '../lib/data/types.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.map((m) => m[0].toUpperCase() + m.slice(1)).join('|')})`;
/** "19 September 2016", "September 19, 2016" and "September 2016". */
const DATE = new RegExp(
  `\\b(?:(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})|${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})|${MONTH}\\s+(\\d{4}))\\b`,
  'g',
);

const pad = (n: number) => String(n).padStart(2, '0');

export function findDates(sentences: Sentence[]): DateReference[] {
  const found: DateReference[] = [];
  for (const sentence of sentences) {
    DATE.lastIndex = 0;
    for (let m = DATE.exec(sentence.text); m; m = DATE.exec(sentence.text)) {
      const [, d1, m1, y1, m2, d2, y2, m3, y3] = m;
      const day = Number(d1 ?? d2 ?? 0);
      const month = MONTHS.indexOf((m1 ?? m2 ?? m3).toLowerCase()) + 1;
      const year = Number(y1 ?? y2 ?? y3);
      // "0 May 2018" or "31 February 2018" is no date: an ISO date must exist.
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if ((d1 ?? d2) !== undefined && (day < 1 || day > lastDay)) continue;
      found.push({
        start: sentence.start + m.index,
        end: sentence.start + m.index + m[0].length,
        text: m[0],
        date: day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`,
        sentence: sentence.id,
      });
    }
  }
  return found;
}
