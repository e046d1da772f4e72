import { describe, expect, it } from 'vitest';
import { attributionLayout } from '../../src/lib/charts/attribution/layout.ts';
import { attributionTable } from '../../src/lib/charts/attribution/table.ts';
import { matrixLayout, shortLabel } from '../../src/lib/charts/cooccurrence/layout.ts';
import { matrixTable } from '../../src/lib/charts/cooccurrence/table.ts';
import { formatValue, themeOverviewLayout } from '../../src/lib/charts/theme-overview/options.ts';
import { themeOverviewTable } from '../../src/lib/charts/theme-overview/table.ts';
import { timelineLayout } from '../../src/lib/charts/timeline/layout.ts';
import { timelineTable } from '../../src/lib/charts/timeline/table.ts';
import { byDocument } from '../../src/lib/charts/timeline/by-document.ts';
import { mergeDocuments } from '../../src/lib/data/corpus.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { projectRoot } from './support.ts';
import { label } from '../../src/lib/data/queries.ts';
import type { TableCell, TableSpec } from '../../src/lib/ui/table.ts';
import { outcomeLayout, outcomeTable } from '../../src/lib/charts/outcomes/layout.ts';
import {
  eventDescription,
  processLayout,
  processTable,
} from '../../src/lib/charts/process/layout.ts';
import { sourceLinks } from '../../src/lib/charts/sources.ts';
import { codebook, doc } from '../helpers/dataset.ts';
import { gcmContext, outcomeMap } from '../helpers/context.ts';
import { mergedCorpus } from '../helpers/corpus.ts';

const value = (cell: TableCell) =>
  typeof cell === 'object' && 'value' in cell ? cell.value : cell;
const tone = (cell: TableCell) =>
  typeof cell === 'object' && 'tone' in cell ? cell.tone : undefined;
const values = (spec: TableSpec) => spec.rows.map((r) => r.cells.map(value));

/** Every row has one cell per column. */
function expectRectangular(spec: TableSpec) {
  for (const row of spec.rows) expect(row.cells).toHaveLength(spec.columns.length);
}

describe('themeOverviewTable', () => {
  for (const measure of ['sentences', 'words'] as const) {
    it(`lists the chart's rows, then the absent themes at 0 (bars by ${measure})`, () => {
      const layout = themeOverviewLayout({
        doc,
        codebook,
        measure,
        highlightThemes: [],
        width: 640,
      });
      const spec = themeOverviewTable(layout, codebook);
      expect(spec.caption).toBe('Sentences and words per theme, by modality (sentences)');
      expect(spec.rowHeader).toBe(true);
      expect(spec.columns.map((c) => c.label)).toEqual([
        'Theme',
        'Sentences',
        'Words',
        'Share of words',
        ...codebook.modalities.map((m) => m.label),
      ]);
      expect(spec.columns.slice(1).every((c) => c.numeric)).toBe(true);
      expectRectangular(spec);
      expect(spec.rows.map((r) => r.key)).toEqual([
        ...layout.rows.map((r) => r.theme),
        ...layout.absent.map((a) => a.theme),
      ]);
      expect(spec.rows).toHaveLength(codebook.themes.length);

      layout.rows.forEach((row, i) => {
        const modalities = codebook.modalities.map(
          (m) => row.segments.find((s) => s.modality === m.id)?.sentences ?? 0,
        );
        expect(values(spec)[i]).toEqual([
          row.label,
          row.sentences,
          row.words,
          formatValue('words', row.share),
          ...modalities,
        ]);
        // The same numbers as the dataset's aggregates.
        const total = doc.aggregates.themeTotals.find((t) => t.theme === row.theme)!;
        expect([row.sentences, row.words]).toEqual([total.sentences, total.words]);
        codebook.modalities.forEach((m, k) => {
          const agg = doc.aggregates.modalityByTheme.find(
            (x) => x.theme === row.theme && x.modality === m.id,
          );
          expect(modalities[k]).toBe(agg?.sentences ?? 0);
        });
      });
      for (const [i, absent] of layout.absent.entries()) {
        expect(values(spec)[layout.rows.length + i]).toEqual([
          absent.label,
          0,
          0,
          '0%',
          ...codebook.modalities.map(() => 0),
        ]);
      }
    });
  }
});

describe('timelineTable of a corpus drawn by document', () => {
  const corpus = corpusFromSeeds(projectRoot, { statements: 10, seed: 3 });
  const merged = mergeDocuments(corpus.documents);
  const layout = timelineLayout(merged, corpus.codebook, 960, byDocument);
  const spec = timelineTable(merged, corpus.codebook, layout);

  it('has a column per document, as the chart has a band per document', () => {
    expect(spec.caption).toBe('Coded sentences per theme and document');
    expect(spec.columns.slice(1, -1)).toEqual(
      merged.parts.map((p, i) => ({
        label: `${i + 1}`,
        title: `Document ${i + 1}: ${p.name}`,
        numeric: true,
      })),
    );
    expectRectangular(spec);
    corpus.codebook.themes.forEach((t, i) => {
      const cells = spec.rows[i].cells.slice(1, -1);
      expect(cells.map(value)).toEqual(
        merged.parts.map(
          (p) =>
            merged.sentences.filter(
              (s) =>
                s.order >= p.firstOrder &&
                s.order <= p.lastOrder &&
                s.themes.some((x) => x.theme === t.id),
            ).length,
        ),
      );
      expect(spec.rows[i].cells.at(-1)).toBe(
        merged.sentences.filter((s) => s.themes.some((x) => x.theme === t.id)).length,
      );
    });
    // Every coded sentence is still listed.
    expect(spec.lists!.flatMap((l) => l.items)).toHaveLength(merged.counts.themeCodings);
  });
});

describe('timelineTable', () => {
  const layout = timelineLayout(doc, codebook, 640);
  const spec = timelineTable(doc, codebook, layout);

  it('has a column per paragraph, abbreviated, and a total', () => {
    expect(spec.caption).toBe('Coded sentences per theme and paragraph');
    expect(spec.rowHeader).toBe(true);
    expect(spec.columns[0]).toEqual({ label: 'Theme' });
    expect(spec.columns.slice(1, -1)).toEqual(
      doc.paragraphs.map((p) => ({
        label: `¶${p.number}`,
        title: `Paragraph ${p.number}`,
        numeric: true,
      })),
    );
    expect(spec.columns.at(-1)).toEqual({ label: 'All', numeric: true });
    expectRectangular(spec);
  });

  it('counts the coded sentences per theme and paragraph, zeros muted', () => {
    expect(spec.rows.map((r) => r.key)).toEqual(codebook.themes.map((t) => t.id));
    codebook.themes.forEach((t, i) => {
      const row = spec.rows[i];
      expect(row.cells[0]).toBe(t.label);
      doc.paragraphs.forEach((p, k) => {
        const n =
          doc.aggregates.themesByParagraph.find((a) => a.theme === t.id && a.paragraph === p.id)
            ?.sentences ?? 0;
        const cell = row.cells[k + 1];
        expect(value(cell)).toBe(n);
        expect(tone(cell) === 'muted').toBe(n === 0);
      });
      const marks = layout.marks.filter((m) => m.theme === t.id).length;
      expect(row.cells.at(-1)).toBe(marks);
      expect(marks).toBe(layout.rows.find((r) => r.theme === t.id)!.marks);
    });
  });

  it('lists every coded sentence under its theme', () => {
    expect(spec.lists).toHaveLength(codebook.themes.length);
    expect(spec.lists!.flatMap((l) => l.items)).toHaveLength(doc.counts.themeCodings);
    spec.lists!.forEach((list, i) => {
      const theme = codebook.themes[i];
      const marks = layout.marks.filter((m) => m.theme === theme.id);
      expect(list.term).toBe(`${theme.label} (${marks.length})`);
      expect(list.empty).toBe('absent');
      marks.forEach((m, k) => {
        expect(list.items[k]).toMatch(
          new RegExp(
            `^Sentence ${m.order} \\(¶${m.paragraph}(, item \\d+)?, ` +
              `${label(codebook, 'modalities', m.modality).toLowerCase()}\\): `,
          ),
        );
      });
    });
  });
});

describe('attributionTable', () => {
  const layout = attributionLayout(doc, codebook, 640, 'light');
  const spec = attributionTable(doc, codebook, layout);

  it('has one row per attribution, in the dataset order', () => {
    expect(spec.caption).toBe('Every attribution in the statement');
    expect(spec.captionHidden).toBe(true);
    expect(spec.rowHeader).toBe(false);
    expect(spec.columns.map((c) => c.label)).toEqual([
      'Actor',
      'Relation',
      'Target',
      'Quote',
      'Sentence',
    ]);
    expect(spec.columns.map((c) => c.numeric ?? false)).toEqual([false, false, false, false, true]);
    expectRectangular(spec);
    expect(spec.rows.map((r) => r.key)).toEqual(doc.attributions.map((a) => a.id));
  });

  it('says in its caption whether it holds one statement or several', () => {
    const corpus = corpusFromSeeds(projectRoot, { statements: 3, seed: 2 });
    const merged = mergeDocuments(corpus.documents);
    const mergedLayout = attributionLayout(merged, corpus.codebook, 640, 'light');
    expect(attributionTable(merged, corpus.codebook, mergedLayout).caption).toBe(
      'Every attribution in the statements',
    );
    expect(spec.caption).toBe('Every attribution in the statement');
  });

  it('names the actor as the chart does, and the sentence by its number', () => {
    doc.attributions.forEach((a, i) => {
      const actor = layout.actors.find((x) => x.id === a.actor)!;
      const sentence = doc.sentences.find((s) => s.id === a.sentence)!;
      expect(spec.rows[i].cells).toEqual([
        actor.label,
        label(codebook, 'relations', a.relation),
        a.target,
        `“${a.quote}”`,
        sentence.order,
      ]);
    });
  });
});

describe('matrixTable', () => {
  for (const width of [254, 640]) {
    it(`holds the matrix's counts, the diagonal in bold (${width} px)`, () => {
      const layout = matrixLayout({ doc, codebook, scheme: 'light', width });
      const spec = matrixTable(layout);
      const n = layout.themes.length;
      expect(spec.caption).toBe(
        "Sentences that carry both themes (diagonal: the theme's own sentences)",
      );
      expect(spec.rowHeader).toBe(true);
      // An empty corner, then every theme abbreviated with its full name as the title.
      expect(spec.columns[0]).toEqual({ label: '' });
      expect(spec.columns.slice(1)).toEqual(
        layout.themes.map((t) => ({
          label: shortLabel(t.theme, t.label),
          title: t.label,
          numeric: true,
        })),
      );
      expectRectangular(spec);
      expect(spec.rows).toHaveLength(n);
      layout.themes.forEach((t, i) => {
        const row = spec.rows[i];
        expect(row.key).toBe(t.theme);
        expect(row.cells[0]).toBe(t.label);
        for (let j = 0; j < n; j++) {
          const cell = row.cells[j + 1];
          const c = layout.cells[i * n + j];
          expect(value(cell)).toBe(c.count);
          expect(tone(cell) === 'strong').toBe(i === j);
        }
      });
      // The diagonal is the theme's own sentences.
      layout.themes.forEach((t, i) => {
        const total = doc.aggregates.themeTotals.find((x) => x.theme === t.theme)!.sentences;
        expect(value(spec.rows[i].cells[i + 1])).toBe(total);
      });
    });
  }
});

describe('the GCM context views as tables', () => {
  it('names a web source by its host and any other source as written', () => {
    expect(
      sourceLinks([
        'https://www.un.org/en/migration2022/about-the-forum',
        'https://press.un.org/en/2016/ga11820.doc.htm',
        'A/RES/73/195, annex, para 16',
        'javascript:alert(1)',
      ]),
    ).toEqual([
      { href: 'https://www.un.org/en/migration2022/about-the-forum', text: 'un.org' },
      { href: 'https://press.un.org/en/2016/ga11820.doc.htm', text: 'press.un.org' },
      { href: 'A/RES/73/195, annex, para 16', text: 'A/RES/73/195, annex, para 16' },
      { href: 'javascript:alert(1)', text: 'javascript:alert(1)' },
    ]);
  });

  it('lists every event with its sources, then the phases, then what is not verified', () => {
    const layout = processLayout(doc, gcmContext, 800);
    const spec = processTable(doc, gcmContext, layout);
    expectRectangular(spec);
    expect(spec.rows.map((r) => r.key)).toEqual(gcmContext.events.map((_, i) => String(i)));
    spec.rows.forEach((row, i) => {
      expect(row.cells[4]).toEqual(sourceLinks(gcmContext.events[i].sources));
    });
    const [phases] = spec.more!;
    expectRectangular(phases);
    expect(phases.rows.map((r) => r.cells[0])).toEqual(layout.phases.map((p) => p.phase.name));
    expect(spec.note!.lead).toBe('Submitted: date not verified.');
    expect(spec.note!.text).toMatch(/^The dashed band marks the .* phases, .*Not verified/);
  });

  it('names who cites each event: the statement, or the statements when several are merged', () => {
    const one = processTable(doc, gcmContext, processLayout(doc, gcmContext, 800));
    expect(one.columns[3].label).toBe('Cited by the statement');
    const { merged } = mergedCorpus();
    const layout = processLayout(merged, gcmContext, 800);
    expect(processTable(merged, gcmContext, layout).columns[3].label).toBe(
      'Cited by the statements',
    );
    const cited = layout.events.find((m) => m.sentences.length > 0)!;
    const orders = new Map(merged.sentences.map((s) => [s.id, s.order]));
    expect(eventDescription(cited, orders, true)).toMatch(
      / Cited by the statements in sentences? \d/,
    );
    expect(eventDescription(cited, orders)).toMatch(/ Cited by the statement in sentences? \d/);
  });

  it('lists every demand and rejection with its verdict and sources, then the columns', () => {
    const layout = outcomeLayout(doc, gcmContext, outcomeMap, 800);
    const spec = outcomeTable(doc, gcmContext, layout);
    expectRectangular(spec);
    expect(spec.rows).toHaveLength(outcomeMap.entries.length);
    for (const row of spec.rows) {
      const entry = outcomeMap.entries.find((e) => e.sentence === row.key)!;
      expect(row.cells[4]).toBe(entry.rationale);
      expect(row.cells[5]).toEqual(sourceLinks(entry.sources));
    }
    const [columns] = spec.more!;
    expectRectangular(columns);
    expect(columns.rows.length).toBe(layout.columns.filter((c) => c.group !== 'none').length);
  });
});
