import { describe, expect, it } from 'vitest';
import {
  COMPACT_WIDTH,
  MIN_SENTENCE_WIDTH,
  defaultFocus,
  focusCenter,
  moveFocus,
  sentencesInInterval,
  timelineLayout,
  timelineLegend,
  timelineSummary,
  truncate,
  type ParagraphBand,
} from '../../src/lib/charts/timeline/layout.ts';
import { byDocument } from '../../src/lib/charts/timeline/by-document.ts';
import { palettes } from '../../src/lib/charts/palette.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';
import type { StatementDocument } from '../../src/lib/data/types.ts';
import { codebook, doc } from '../helpers/dataset.ts';

const wide = timelineLayout(doc, codebook, 960);
const narrow = timelineLayout(doc, codebook, 320);

describe('timelineLayout', () => {
  it('makes one mark per sentence-theme coding', () => {
    for (const layout of [wide, narrow]) {
      expect(layout.marks).toHaveLength(doc.counts.themeCodings);
      const keys = layout.marks.map((m) => `${m.sentence}|${m.theme}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const s of doc.sentences) {
        for (const t of s.themes) expect(keys).toContain(`${s.id}|${t.theme}`);
      }
    }
  });

  it('lays the sentences end to end, each as wide as its words', () => {
    const { sentences, plot, totalWords } = wide;
    expect(sentences.map((s) => s.id)).toEqual(doc.sentences.map((s) => s.id));
    expect(sentences[0].x0).toBeCloseTo(plot.left);
    expect(sentences.at(-1)!.x1).toBeCloseTo(plot.right);
    const pxPerWord = (plot.right - plot.left) / totalWords;
    for (let i = 0; i < sentences.length; i++) {
      if (i > 0) expect(sentences[i].x0).toBeCloseTo(sentences[i - 1].x1);
      expect(sentences[i].x1 - sentences[i].x0).toBeCloseTo(doc.sentences[i].words * pxPerWord);
    }
  });

  it('gives the marks of a sentence its x and width, and each theme its own row', () => {
    const bySentence = new Map(wide.sentences.map((s) => [s.id, s]));
    for (const m of wide.marks) {
      const span = bySentence.get(m.sentence)!;
      expect(m.x).toBeGreaterThanOrEqual(span.x0);
      expect(m.x + m.width).toBeLessThanOrEqual(span.x1 + 1e-9);
      const row = wide.rows[m.row];
      expect(row.theme).toBe(m.theme);
      expect(m.y).toBe(row.markY);
      expect(m.y).toBeGreaterThanOrEqual(row.y);
      expect(m.y + m.height).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  it('keeps all 12 themes as rows in codebook order, counting their marks', () => {
    expect(wide.rows.map((r) => r.theme)).toEqual(codebook.themes.map((t) => t.id));
    for (const row of wide.rows) {
      expect(row.marks).toBe(wide.marks.filter((m) => m.theme === row.theme).length);
      expect(row.absent).toBe(row.marks === 0);
    }
    for (let i = 1; i < wide.rows.length; i++) {
      expect(wide.rows[i].y).toBeGreaterThanOrEqual(wide.rows[i - 1].y + wide.rows[i - 1].height);
    }
  });

  it('keeps the row of a theme the text never codes, marked absent', () => {
    const without: StatementDocument = {
      ...doc,
      sentences: doc.sentences.map((s) => ({
        ...s,
        themes: s.themes.filter((t) => t.theme !== 'readmission'),
      })),
    };
    const layout = timelineLayout(without, codebook, 640);
    expect(layout.rows).toHaveLength(12);
    const row = layout.rows.find((r) => r.theme === 'readmission')!;
    expect(row).toMatchObject({ absent: true, marks: 0, label: 'Readmission & return' });
    expect(layout.marks.some((m) => m.theme === 'readmission')).toBe(false);
  });

  it('numbers the 11 paragraphs and gives each its sentence range', () => {
    expect(wide.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const p of wide.paragraphs) {
      const own = doc.sentences.filter((s) => s.paragraph === p.id);
      expect(p.firstOrder).toBe(own[0].order);
      expect(p.lastOrder).toBe(own.at(-1)!.order);
      expect(p.label).toBe(`¶${p.number}`);
    }
    // Bands tile the plot without gaps or overlaps.
    for (let i = 1; i < wide.paragraphs.length; i++) {
      const before = wide.paragraphs[i - 1];
      expect(wide.paragraphs[i].x).toBeCloseTo(before.x + before.width);
    }
    expect(wide.paragraphs.find((p) => p.number === 4)).toMatchObject({
      firstOrder: 11,
      lastOrder: 12,
    });
  });

  it('marks the 8 list items inside the list paragraph', () => {
    const list = wide.paragraphs.find((p) => p.kind === 'list')!;
    expect(wide.listItems.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const item of wide.listItems) {
      expect(item.paragraph).toBe(list.number);
      expect(item.x).toBeGreaterThanOrEqual(list.x);
      expect(item.x + item.width).toBeLessThanOrEqual(list.x + list.width + 1e-9);
      expect(item.y).toBeLessThan(wide.plot.top);
    }
    expect(wide.marks.find((m) => m.sentence === 's21')?.listItem).toBe(5);
    expect(wide.marks.find((m) => m.sentence === 's12')?.listItem).toBeNull();
  });

  it('fits 320 px: labels above the rows, nothing past the right edge, no label overlaps', () => {
    expect(narrow.compact).toBe(true);
    expect(wide.compact).toBe(false);
    expect(timelineLayout(doc, codebook, COMPACT_WIDTH).compact).toBe(false);
    for (const row of narrow.rows) {
      expect(row.labelAnchor).toBe('start');
      expect(row.labelY).toBeLessThanOrEqual(row.markY);
      expect(row.labelY).toBeGreaterThan(row.y);
    }
    for (const m of narrow.marks) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x + m.width).toBeLessThanOrEqual(320);
      expect(m.width).toBeGreaterThanOrEqual(1);
    }
    for (const t of narrow.ticks) expect(t.x).toBeLessThanOrEqual(320);
    // Paragraph numbers on one line do not overlap (about 6.4 px per glyph).
    const lines = new Map<number, { from: number; to: number }[]>();
    for (const p of narrow.paragraphs) {
      const half = (p.label.length * 6.4) / 2;
      const list = lines.get(p.labelY) ?? [];
      for (const other of list) {
        expect(p.labelX - half >= other.to || p.labelX + half <= other.from).toBe(true);
      }
      list.push({ from: p.labelX - half, to: p.labelX + half });
      lines.set(p.labelY, list);
    }
  });

  it('puts axis ticks in words along the plot', () => {
    expect(wide.ticks[0]).toMatchObject({ value: 0, label: '0' });
    for (const t of wide.ticks) {
      expect(t.value).toBeLessThanOrEqual(wide.totalWords);
      expect(t.x).toBeGreaterThanOrEqual(wide.plot.left);
      expect(t.x).toBeLessThanOrEqual(wide.plot.right);
    }
    expect(wide.totalWords).toBe(doc.sentences.reduce((n, s) => n + s.words, 0));
    expect(wide.height).toBeGreaterThan(wide.axisY);
  });
});

describe('sentencesInInterval', () => {
  const span = (id: string) => wide.sentences.find((s) => s.id === id)!;

  it('finds the sentences a brushed interval overlaps, in either direction', () => {
    const a = (span('s11').x0 + span('s11').x1) / 2;
    const b = (span('s13').x0 + span('s13').x1) / 2;
    expect(sentencesInInterval(wide, a, b)).toEqual([11, 13]);
    expect(sentencesInInterval(wide, b, a)).toEqual([11, 13]);
    expect(sentencesInInterval(wide, span('s5').x0 + 0.1, span('s5').x1 - 0.1)).toEqual([5, 5]);
  });

  it('ignores sentences that only touch the edge, and returns null outside the text', () => {
    expect(sentencesInInterval(wide, span('s5').x1, span('s6').x1 - 0.1)).toEqual([6, 6]);
    expect(sentencesInInterval(wide, 0, wide.plot.left - 1)).toBeNull();
  });
});

describe('keyboard moves', () => {
  const first = defaultFocus(wide)!;

  it('starts on the first mark in reading order', () => {
    expect(first).toBe('m:s1:process');
  });

  it('moves along a row, clamps at its ends, and jumps with Home/End', () => {
    expect(moveFocus(wide, first, 'right')).toBe('m:s2:process');
    expect(moveFocus(wide, first, 'left')).toBe(first);
    expect(moveFocus(wide, first, 'end')).toBe('m:s25:process');
    expect(moveFocus(wide, 'm:s25:process', 'right')).toBe('m:s25:process');
    expect(moveFocus(wide, 'm:s25:process', 'home')).toBe(first);
  });

  it('moves between rows to the nearest mark, skipping empty rows', () => {
    expect(moveFocus(wide, 'm:s12:readmission', 'up')).toBe('m:s11:control');
    expect(moveFocus(wide, 'm:s12:readmission', 'down')).toBe('m:s11:regular_pathways');
    const without = timelineLayout(
      {
        ...doc,
        sentences: doc.sentences.map((s) => ({
          ...s,
          themes: s.themes.filter((t) => t.theme !== 'regular_pathways'),
        })),
      },
      codebook,
      960,
    );
    expect(moveFocus(without, 'm:s12:readmission', 'down')).toBe('m:s18:integration');
  });

  it('keeps to a goal column over a run of Up/Down', () => {
    const goal = focusCenter(wide, 'm:s2:cooperation')!;
    let key = 'm:s2:cooperation';
    for (let i = 0; i < 11; i++) key = moveFocus(wide, key, 'up', goal);
    expect(key).toBe('p:p1');
    expect(moveFocus(wide, 'p:p1', 'down', goal)).toBe('m:s3:control');
    expect(moveFocus(wide, 'p:p1', 'up')).toBe('p:p1');
  });

  it('reaches the paragraphs above the top row and comes back down', () => {
    expect(moveFocus(wide, 'm:s11:control', 'up')).toBe('p:p4');
    expect(moveFocus(wide, 'p:p4', 'right')).toBe('p:p5');
    expect(moveFocus(wide, 'p:p4', 'down')).toBe('m:s11:control');
  });

  it('falls back to the first mark for an unknown key', () => {
    expect(moveFocus(wide, 'm:nope:control', 'right')).toBe(first);
    expect(focusCenter(wide, 'm:nope:control')).toBeNull();
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(truncate('Short  text.\n')).toBe('Short text.');
    const long = doc.sentences.find((s) => s.id === 's12')!.text;
    const cut = truncate(long, 80);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.replace(/\s+/g, ' ').startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('a corpus drawn by document', () => {
  const corpus = corpusFromSeeds(projectRoot, { statements: 10, seed: 3 });
  const merged = mergeDocuments(corpus.documents);
  const layout = timelineLayout(merged, corpus.codebook, 960, byDocument);
  const span = (p: ParagraphBand) => [p.firstOrder, p.lastOrder];

  it('is drawn so when its sentences are narrower than 2 px on average', () => {
    const plot = layout.plot.right - layout.plot.left;
    expect(merged.sentences.length * MIN_SENTENCE_WIDTH).toBeGreaterThan(plot);
    expect(layout.byDocument).toBe(byDocument);
    // Three statements at 960 px are wide enough to draw sentence by sentence.
    const few = mergeDocuments(corpusFromSeeds(projectRoot, { statements: 3, seed: 3 }).documents);
    const fewLayout = timelineLayout(few, corpus.codebook, 960, byDocument);
    expect(few.sentences.length * MIN_SENTENCE_WIDTH).toBeLessThan(plot);
    expect(fewLayout.byDocument).toBeNull();
    expect(fewLayout.marks).toHaveLength(few.counts.themeCodings);
    // Without the code that draws by document, every sentence is drawn, as for one document.
    const without = timelineLayout(merged, corpus.codebook, 960);
    expect(without.byDocument).toBeNull();
    expect(without.marks).toHaveLength(merged.counts.themeCodings);
  });

  it('draws a band per document, numbered, over its sentences, numbers that collide left out', () => {
    expect(layout.paragraphs.map((p) => p.id)).toEqual(merged.parts.map((p) => p.id));
    expect(layout.paragraphs.map(span)).toEqual(
      merged.parts.map((p) => [p.firstOrder, p.lastOrder]),
    );
    for (const [i, band] of layout.paragraphs.entries()) {
      expect(band.number).toBe(i + 1);
      expect(band.x).toBeCloseTo(layout.sentences[band.firstOrder - 1].x0, 6);
      expect(band.x + band.width).toBeCloseTo(layout.sentences[band.lastOrder - 1].x1, 6);
      expect(band.describe).toBe(
        `Document ${i + 1} “${merged.parts[i].name}”, sentences ${band.firstOrder}–${band.lastOrder}: select this range`,
      );
    }
    const shown = layout.paragraphs.filter((p) => p.label !== '');
    expect(shown[0].label).toBe('1');
    for (let i = 1; i < shown.length; i++) {
      const half = (p: ParagraphBand) => (p.label.length * 6.4) / 2;
      expect(shown[i].labelX - half(shown[i])).toBeGreaterThanOrEqual(
        shown[i - 1].labelX + half(shown[i - 1]) + 2,
      );
    }
    expect(layout.listItems).toEqual([]);
    expect(layout.axisTitle.text).toBe('Words into the documents →');
  });

  it('draws one mark per document and theme, as tall as the share of its sentences', () => {
    const groups = merged.parts.flatMap((p) => p.themes.map((g) => ({ part: p, group: g })));
    expect(layout.marks).toHaveLength(groups.length);
    expect(layout.codings).toHaveLength(merged.counts.themeCodings);
    for (const [i, m] of layout.marks.entries()) {
      const { part, group } = groups[i];
      const band = layout.paragraphs.find((p) => p.id === part.id)!;
      const row = layout.rows[m.row];
      const count = part.lastOrder - part.firstOrder + 1;
      expect(m.key).toBe(`g:${part.id}:${group.theme}`);
      expect(row.theme).toBe(group.theme);
      expect(m.part?.sentences).toEqual(group.sentences);
      expect(m.part && [m.part.first, m.part.last]).toEqual([part.firstOrder, part.lastOrder]);
      expect(m.modality).toBe(group.modalities[0][0]);
      expect(m.height).toBeCloseTo(Math.max(2, (14 * group.sentences.length) / count), 6);
      // Bottom-aligned in the theme's row, inside the document's band.
      expect(m.y + m.height).toBeCloseTo(row.markY + row.markHeight, 6);
      expect(m.x).toBeGreaterThanOrEqual(band.x);
      expect(m.x + m.width).toBeLessThanOrEqual(band.x + band.width + 1e-9);
    }
    // Every coded sentence is in exactly one mark of its theme.
    const inMarks = layout.marks.flatMap((m) => m.part!.sentences.map((id) => `${id}|${m.theme}`));
    expect(inMarks.sort()).toEqual(layout.codings.map((c) => `${c.sentence}|${c.theme}`).sort());
  });

  it('names each mark for a screen reader: theme, document, share and modalities', () => {
    const m = layout.marks.find((x) => x.part!.modalities.length > 1)!;
    const g = m.part!;
    const modalities = g.modalities
      .map(
        ([id, n]) =>
          `${n} ${corpus.codebook.modalities.find((x) => x.id === id)!.label.toLowerCase()}`,
      )
      .join(', ');
    expect(g.label).toBe(
      `${layout.rows[m.row].label}, document ${m.paragraph} “${merged.parts[m.paragraph - 1].name}”: ` +
        `${g.sentences.length} of ${g.last - g.first + 1} sentences (${modalities}): select them`,
    );
  });

  it('says so in its summary and legend', () => {
    const summary = timelineSummary(merged, corpus.codebook, layout);
    expect(summary).toContain(`${merged.parts.length} documents`);
    expect(summary).toContain(
      `${merged.counts.themeCodings} sentences coded with a theme, ${byDocument.reads}.`,
    );
    expect(timelineLegend(corpus.codebook, palettes.light, false, byDocument.legend).title).toBe(
      'Mark colour: the modality most of its sentences take',
    );
    // One document keeps its words.
    expect(timelineSummary(doc, codebook, wide)).toContain(
      `${doc.counts.themeCodings} marks, one per sentence coded with a theme, as wide as the sentence`,
    );
  });
});
