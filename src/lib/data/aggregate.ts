import {
  MODALITY_IDS,
  THEME_IDS,
  type Aggregates,
  type Attribution,
  type AttributionLink,
  type Paragraph,
  type Sentence,
} from './types.ts';

/**
 * The counts the charts draw, computed once so every view agrees on them. Pure and free of
 * Node APIs: the pipeline stores them per statement, the app recomputes them for the merged
 * view of several statements (corpus.ts).
 */
export function aggregate(
  paragraphs: Paragraph[],
  sentences: Sentence[],
  attributions: Attribution[],
): Aggregates {
  // One pass over the sentences (a corpus merged in the app has thousands), then the rows in
  // codebook order: themes, then theme pairs, paragraphs and modalities as the codebook lists
  // them, leaving out what never occurs.
  const T = THEME_IDS.length;
  const M = MODALITY_IDS.length;
  const themeIndex = new Map<string, number>(THEME_IDS.map((t, i) => [t, i]));
  const modalityIndex = new Map<string, number>(MODALITY_IDS.map((m, i) => [m, i]));
  const totals = THEME_IDS.map(() => ({ sentences: 0, words: 0 }));
  const pairs = new Array<number>(T * T).fill(0);
  const byModality = Array.from({ length: T * M }, () => ({ sentences: 0, words: 0 }));
  const byParagraph = new Map<string, number[]>();
  // A sentence's themes as bits of one number, by codebook index (the twelve fixed themes: bits
  // 0 to 11): each theme once, in order, with no list made per sentence.
  const coded: number[] = [];
  for (const s of sentences) {
    let bits = 0;
    for (const t of s.themes) bits |= 1 << themeIndex.get(t.theme)!;
    if (bits === 0) continue;
    coded.length = 0;
    for (let i = 0; i < T; i++) if (bits & (1 << i)) coded.push(i);
    const modality = modalityIndex.get(s.modality.modality)!;
    let counts = byParagraph.get(s.paragraph);
    if (!counts) byParagraph.set(s.paragraph, (counts = new Array<number>(T).fill(0)));
    for (let x = 0; x < coded.length; x++) {
      const i = coded[x];
      totals[i].sentences++;
      totals[i].words += s.words;
      byModality[i * M + modality].sentences++;
      byModality[i * M + modality].words += s.words;
      counts[i]++;
      for (let y = x + 1; y < coded.length; y++) pairs[i * T + coded[y]]++;
    }
  }
  const themeTotals = THEME_IDS.map((theme, i) => ({ theme, ...totals[i] }));
  const coOccurrence = [];
  for (let i = 0; i < T; i++) {
    for (let j = i + 1; j < T; j++) {
      const count = pairs[i * T + j];
      if (count > 0) coOccurrence.push({ a: THEME_IDS[i], b: THEME_IDS[j], sentences: count });
    }
  }
  const themesByParagraph = paragraphs.flatMap((p) => {
    const counts = byParagraph.get(p.id);
    return counts
      ? THEME_IDS.map((theme, i) => ({ paragraph: p.id, theme, sentences: counts[i] })).filter(
          (row) => row.sentences > 0,
        )
      : [];
  });
  const modalityByTheme = THEME_IDS.flatMap((theme, i) =>
    MODALITY_IDS.map((modality, m) => ({ theme, modality, ...byModality[i * M + m] })).filter(
      (row) => row.sentences > 0,
    ),
  );
  const links = new Map<string, AttributionLink>();
  for (const a of attributions) {
    const key = `${a.actor}\u0000${a.relation}\u0000${a.target}`;
    const link = links.get(key) ?? {
      actor: a.actor,
      relation: a.relation,
      target: a.target,
      attributions: [],
    };
    link.attributions.push(a.id);
    links.set(key, link);
  }
  return {
    themeTotals,
    coOccurrence,
    themesByParagraph,
    modalityByTheme,
    attributionLinks: [...links.values()],
  };
}
