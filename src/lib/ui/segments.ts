import type { Sentence, Span, ThemeId } from '../data/types.ts';

export interface Segment extends Span {
  text: string;
  /** Evidence that covers the segment (every theme's): theme and rule. */
  evidence: { theme: ThemeId; rule: string }[];
  emphasis: boolean;
  /** `*` markers of emphasis: kept in the text, hidden from view. */
  marker: boolean;
  /** Inside one of the quotes the sentence was cut at. */
  quote: boolean;
}

/** Whether `span` covers the segment from `start` to `end`. */
export const covers = (span: Span, start: number, end: number) =>
  span.start <= start && end <= span.end;

/**
 * Cuts a sentence at every boundary of its evidence (every theme's), of `quotes` and of its
 * emphasis. The reader marks and emphasises segments without ever building HTML from dataset
 * text.
 */
export function sentenceSegments(sentence: Sentence, quotes: Span[]): Segment[] {
  const evidence = sentence.themes.flatMap((t) =>
    t.evidence.map((e) => ({ ...e, theme: t.theme })),
  );
  const cuts = new Set([sentence.start, sentence.end]);
  for (const span of [...evidence, ...sentence.emphasis, ...quotes]) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  for (const span of sentence.emphasis) {
    cuts.add(span.start + 1);
    cuts.add(span.end - 1);
  }
  const points = [...cuts]
    .filter((c) => c >= sentence.start && c <= sentence.end)
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const inside = (span: Span) => covers(span, start, end);
    const emphasis = sentence.emphasis.find(inside);
    segments.push({
      start,
      end,
      text: sentence.text.slice(start - sentence.start, end - sentence.start),
      evidence: evidence.filter(inside),
      emphasis: emphasis !== undefined,
      marker: emphasis !== undefined && (start === emphasis.start || end === emphasis.end),
      quote: quotes.some(inside),
    });
  }
  return segments;
}
