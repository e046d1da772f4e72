import { describe, expect, it } from 'vitest';
import {
  ALL_DOCUMENTS,
  DOCUMENT_SEPARATOR,
  chooseDocument,
  isMerged,
  mergeDocuments,
  partOfOrder,
} from '../../src/lib/data/corpus.ts';
import { aggregate } from '../../src/lib/data/aggregate.ts';
import { selectedSentences, sourceLine, emptySelection } from '../../src/lib/data/queries.ts';
import type { Span, StatementDocument } from '../../src/lib/data/types.ts';
import { corpusFromSeeds } from '../../src/pipeline/io.ts';
import { curatedDoc, projectRoot } from './support.ts';

const synthetic = corpusFromSeeds(projectRoot, { statements: 3, seed: 2 });
const documents: StatementDocument[] = [curatedDoc(), ...synthetic.documents];
const merged = mergeDocuments(documents);

describe('several documents merged into one', () => {
  it('keeps the offsets invariant for every unit, evidence, cue, quote and date', () => {
    const slice = (span: Span) => merged.text.slice(span.start, span.end);
    for (const unit of [
      ...merged.paragraphs,
      ...merged.listItems,
      ...merged.sentences,
      ...merged.dateReferences,
    ]) {
      expect(slice(unit)).toBe(unit.text);
    }
    for (const a of merged.attributions) expect(slice(a)).toBe(a.quote);
    for (const s of merged.sentences) {
      for (const t of s.themes) for (const e of t.evidence) expect(slice(e)).toBe(e.text);
      if (s.modality.cue) expect(slice(s.modality.cue)).toBe(s.modality.cue.text);
      for (const e of s.emphasis) expect(slice(e)).toMatch(/^\*.*\*$/);
    }
    for (const item of merged.listItems) expect(slice(item.marker)).toMatch(/^[-–—•▪◦*]$/);
  });

  it('holds every text, one after the other, and says where each one is', () => {
    expect(merged.text).toBe(documents.map((d) => d.text).join(DOCUMENT_SEPARATOR));
    expect(merged.parts.map((p) => p.id)).toEqual(documents.map((d) => d.id));
    merged.parts.forEach((part, i) => {
      expect(merged.text.slice(part.start, part.end)).toBe(documents[i].text);
      expect(part.name).toBe(documents[i].name);
      expect(part.lastOrder - part.firstOrder + 1).toBe(documents[i].sentences.length);
      expect(part.firstParagraph).toBe(`${documents[i].id}.p1`);
      expect(partOfOrder(merged, part.firstOrder)?.id).toBe(part.id);
    });
  });

  it('adds up the counts and the aggregates of its documents', () => {
    for (const key of ['words', 'paragraphs', 'listItems', 'sentences', 'themeCodings'] as const) {
      expect(merged.counts[key]).toBe(documents.reduce((n, d) => n + d.counts[key], 0));
    }
    expect(merged.counts.attributions).toBe(merged.attributions.length);
    expect(merged.counts.sentences).toBe(merged.sentences.length);
    expect(merged.counts.characters).toBe(merged.text.length);
    for (const total of merged.aggregates.themeTotals) {
      const parts = documents.map((d) =>
        d.aggregates.themeTotals.find((t) => t.theme === total.theme)!,
      );
      expect(total.sentences).toBe(parts.reduce((n, t) => n + t.sentences, 0));
      expect(total.words).toBe(parts.reduce((n, t) => n + t.words, 0));
    }
    const links = (d: StatementDocument) =>
      d.aggregates.attributionLinks.reduce((n, l) => n + l.attributions.length, 0);
    expect(links(merged)).toBe(documents.reduce((n, d) => n + links(d), 0));
    expect(merged.aggregates).toEqual(
      aggregate(merged.paragraphs, merged.sentences, merged.attributions),
    );
  });

  it('keeps ids unique by prefixing the document id, and renumbers in reading order', () => {
    for (const units of [
      merged.paragraphs,
      merged.listItems,
      merged.sentences,
      merged.attributions,
    ]) {
      expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    }
    expect(merged.sentences.map((s) => s.order)).toEqual(merged.sentences.map((_, i) => i + 1));
    expect(merged.paragraphs.map((p) => p.number)).toEqual(merged.paragraphs.map((_, i) => i + 1));
    const ids = new Set(merged.sentences.map((s) => s.id));
    const paragraphIds = new Set(merged.paragraphs.map((p) => p.id));
    for (const s of merged.sentences) expect(paragraphIds.has(s.paragraph)).toBe(true);
    for (const a of merged.attributions) expect(ids.has(a.sentence)).toBe(true);
    expect(merged.sentences[0].id).toBe(`${documents[0].id}.s1`);
    expect(merged.sentences[documents[0].sentences.length].id).toBe(`${documents[1].id}.s1`);
  });

  it('is memoised and pure: the same list gives the same object, documents stay as they were', () => {
    expect(mergeDocuments(documents)).toBe(merged);
    expect(documents[1].sentences[0].id).toBe('s1');
    expect(isMerged(merged)).toBe(true);
    expect(isMerged(documents[0])).toBe(false);
  });

  it('works with the queries the views use', () => {
    const readmission = selectedSentences(merged, { ...emptySelection, themes: ['readmission'] });
    const perDocument = documents.reduce(
      (n, d) => n + selectedSentences(d, { ...emptySelection, themes: ['readmission'] })!.size,
      0,
    );
    expect(readmission!.size).toBe(perDocument);
    expect(sourceLine(merged, synthetic.codebook)).toBe(
      `Source: 4 statements (“${documents[0].name}”, “${documents[1].name}” … “${documents[3].name}”); codebook v${synthetic.codebook.version}.`,
    );
  });
});

describe('choosing the document the views show', () => {
  it('is the first document by default, any by id, and all of them with "all"', () => {
    expect(chooseDocument(documents, null, mergeDocuments)).toEqual({
      doc: documents[0],
      key: documents[0].id,
      notice: null,
    });
    expect(chooseDocument(documents, documents[2].id, mergeDocuments)!.doc).toBe(documents[2]);
    expect(chooseDocument(documents, ALL_DOCUMENTS, mergeDocuments)).toEqual({
      doc: merged,
      key: ALL_DOCUMENTS,
      notice: null,
    });
  });

  it('falls back to the first document with a notice for an unknown id', () => {
    const choice = chooseDocument(documents, 'no-such-statement', mergeDocuments)!;
    expect(choice.doc).toBe(documents[0]);
    expect(choice.notice).toBe(
      `This dataset has no document “no-such-statement”: showing the first one, “${documents[0].name}”.`,
    );
  });

  it('waits, with a corpus index, for a document that is named but not loaded yet', () => {
    const known = documents.map(({ id, name }) => ({ id, name }));
    const loaded = [documents[1]];
    // Named and not loaded: the first (by default and for an unknown id), another, all of them.
    expect(chooseDocument(loaded, null, mergeDocuments, known)).toBeNull();
    expect(chooseDocument(loaded, 'no-such-statement', mergeDocuments, known)).toBeNull();
    expect(chooseDocument(loaded, documents[2].id, mergeDocuments, known)).toBeNull();
    expect(chooseDocument(loaded, ALL_DOCUMENTS, mergeDocuments, known)).toBeNull();
    // Loaded: shown as from a whole dataset.
    expect(chooseDocument(loaded, documents[1].id, mergeDocuments, known)!.doc).toBe(documents[1]);
    const withFirst = [documents[0], documents[1]];
    expect(chooseDocument(withFirst, 'no-such-statement', mergeDocuments, known)!.notice).toContain(
      `showing the first one, “${documents[0].name}”`,
    );
    expect(chooseDocument(documents, ALL_DOCUMENTS, mergeDocuments, known)!.doc).toBe(merged);
  });

  it('shows the one document of a one-document dataset for "all", unmerged', () => {
    expect(chooseDocument([documents[0]], ALL_DOCUMENTS, mergeDocuments)).toEqual({
      doc: documents[0],
      key: documents[0].id,
      notice: null,
    });
  });
});

describe("each document's sentences per theme", () => {
  it('lists, per document, the sentences coded with each theme and their modalities', () => {
    for (const part of merged.parts) {
      const own = merged.sentences.filter(
        (s) => s.order >= part.firstOrder && s.order <= part.lastOrder,
      );
      const themes = [...new Set(own.flatMap((s) => s.themes.map((t) => t.theme)))];
      expect(part.themes.map((g) => g.theme)).toEqual(themes);
      for (const group of part.themes) {
        const coded = own.filter((s) => s.themes.some((t) => t.theme === group.theme));
        expect(group.sentences).toEqual(coded.map((s) => s.id));
        // Counted per modality, most first; every sentence counted once.
        const counts = group.modalities.map(([, n]) => n);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(coded.length);
        for (const [modality, n] of group.modalities) {
          expect(coded.filter((s) => s.modality.modality === modality)).toHaveLength(n);
        }
      }
    }
    expect(merged.parts.every((p) => p.themes.length > 0)).toBe(true);
  });

  it('breaks a tie between modalities by the one that comes first in the document', () => {
    const tied = merged.parts
      .flatMap((p) => p.themes)
      .find((g) => g.modalities.length > 1 && g.modalities[0][1] === g.modalities[1][1]);
    expect(tied).toBeDefined();
    const seen = tied!.sentences
      .map((id) => merged.sentences.find((s) => s.id === id)!.modality.modality)
      .filter((m, i, all) => all.indexOf(m) === i);
    const top = tied!.modalities.filter(([, n]) => n === tied!.modalities[0][1]).map(([m]) => m);
    expect(tied!.modalities[0][0]).toBe(seen.find((m) => top.includes(m)));
  });
});

describe('the attributions of several documents, bundled', () => {
  it('groups them by actor, relation and target, each once, in the order each first comes', () => {
    const key = (a: StatementDocument['attributions'][number]) =>
      `${a.actor}|${a.relation}|${a.target}`;
    const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();
    expect(ids(merged.bundles.flat())).toEqual(ids(merged.attributions));
    expect(merged.bundles.map((b) => key(b[0]))).toEqual([
      ...new Set(merged.attributions.map(key)),
    ]);
    for (const bundle of merged.bundles) {
      expect(new Set(bundle.map(key)).size).toBe(1);
      // In reading order.
      const at = bundle.map((a) => merged.attributions.indexOf(a));
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
    // Several documents repeat an actor, relation and target.
    expect(merged.bundles.length).toBeLessThan(merged.attributions.length);
  });
});
