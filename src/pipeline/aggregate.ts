import {
  MODALITY_IDS,
  THEME_IDS,
  type Aggregates,
  type Attribution,
  type AttributionLink,
  type Paragraph,
  type Sentence,
} from '../lib/data/types.ts';

/** The counts the charts draw, computed once here so every view agrees on them. */
export function aggregate(
  paragraphs: Paragraph[],
  sentences: Sentence[],
  attributions: Attribution[],
): Aggregates {
  const has = (s: Sentence, theme: string) => s.themes.some((t) => t.theme === theme);
  const themeTotals = THEME_IDS.map((theme) => {
    const coded = sentences.filter((s) => has(s, theme));
    return { theme, sentences: coded.length, words: sum(coded.map((s) => s.words)) };
  });
  const coOccurrence = [];
  for (let i = 0; i < THEME_IDS.length; i++) {
    for (let j = i + 1; j < THEME_IDS.length; j++) {
      const count = sentences.filter((s) => has(s, THEME_IDS[i]) && has(s, THEME_IDS[j])).length;
      if (count > 0) coOccurrence.push({ a: THEME_IDS[i], b: THEME_IDS[j], sentences: count });
    }
  }
  const themesByParagraph = paragraphs.flatMap((p) =>
    THEME_IDS.map((theme) => ({
      paragraph: p.id,
      theme,
      sentences: sentences.filter((s) => s.paragraph === p.id && has(s, theme)).length,
    })).filter((row) => row.sentences > 0),
  );
  const modalityByTheme = THEME_IDS.flatMap((theme) =>
    MODALITY_IDS.map((modality) => {
      const coded = sentences.filter((s) => has(s, theme) && s.modality.modality === modality);
      return { theme, modality, sentences: coded.length, words: sum(coded.map((s) => s.words)) };
    }).filter((row) => row.sentences > 0),
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

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
