import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEME_IDS, type Span, type StatementDocument } from '../../src/lib/data/types.ts';
import { PipelineError } from '../../src/pipeline/errors.ts';
import { countWords, segment } from '../../src/pipeline/segment.ts';
import { build, curatedDoc, readProjectFile, seedDoc } from './support.ts';

const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const BULLETS = new Set(['-', '–', '—', '•', '▪', '◦', '*']);

/** Every way the document breaks the offsets invariant or its structure; empty when sound. */
function problems(doc: StatementDocument): string[] {
  const { text } = doc;
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  const sliced = (unit: Span & { text: string }, what: string) =>
    check(text.slice(unit.start, unit.end) === unit.text, `${what}: slice differs from text`);
  const numbered = (units: { id: string; order: number }[], prefix: string) => {
    units.forEach((u, i) => {
      check(u.id === `${prefix}${i + 1}`, `${u.id}: expected id ${prefix}${i + 1}`);
      check(u.order === i + 1, `${u.id}: order ${u.order}`);
    });
  };
  const ordered = (units: (Span & { id: string })[], what: string) => {
    for (let i = 1; i < units.length; i++) {
      check(
        units[i - 1].end <= units[i].start,
        `${what} ${units[i - 1].id}/${units[i].id} overlap`,
      );
    }
  };
  const trimmed = (unit: { id: string; text: string }) =>
    check(unit.text === unit.text.trim() && unit.text !== '', `${unit.id}: untrimmed or empty`);

  if (doc.title) {
    sliced(doc.title, 'title');
    check(doc.paragraphs.length === 0 || doc.title.end <= doc.paragraphs[0].start, 'title/p1');
  }
  const paragraphs = new Map(doc.paragraphs.map((p) => [p.id, p]));
  const items = new Map(doc.listItems.map((i) => [i.id, i]));
  const sentences = new Map(doc.sentences.map((s) => [s.id, s]));
  numbered(doc.paragraphs, 'p');
  numbered(doc.listItems, 'i');
  numbered(doc.sentences, 's');
  ordered(doc.paragraphs, 'paragraphs');
  ordered(doc.listItems, 'list items');
  ordered(doc.sentences, 'sentences');

  for (const p of doc.paragraphs) {
    sliced(p, p.id);
    trimmed(p);
    check(p.number === p.order && p.parent === doc.id, `${p.id}: number or parent`);
    const hasItems = doc.listItems.some((i) => i.parent === p.id);
    check((p.kind === 'list') === hasItems, `${p.id}: kind ${p.kind} but items: ${hasItems}`);
    check(
      doc.sentences.some((s) => s.paragraph === p.id),
      `${p.id}: a paragraph without sentences`,
    );
  }
  for (const item of doc.listItems) {
    sliced(item, item.id);
    trimmed(item);
    const p = paragraphs.get(item.parent);
    check(!!p && inside(item, p), `${item.id}: not inside its paragraph ${item.parent}`);
    check(BULLETS.has(text.slice(item.marker.start, item.marker.end)), `${item.id}: marker`);
    check(item.marker.end <= item.start && (!p || inside(item.marker, p)), `${item.id}: marker`);
  }
  for (const s of doc.sentences) {
    sliced(s, s.id);
    trimmed(s);
    check(/[\p{L}\p{N}]/u.test(s.text), `${s.id}: no letter or digit`);
    check(s.words === countWords(s.text) && s.words > 0, `${s.id}: words`);
    const p = paragraphs.get(s.paragraph);
    check(!!p && inside(s, p), `${s.id}: not inside its paragraph ${s.paragraph}`);
    check(s.parent === (s.listItem ?? s.paragraph), `${s.id}: parent`);
    if (s.listItem) {
      const item = items.get(s.listItem);
      check(!!item && inside(s, item), `${s.id}: not inside its list item ${s.listItem}`);
      check(item?.parent === s.paragraph, `${s.id}: list item of another paragraph`);
    }
    for (const e of s.emphasis) {
      const marked = text.slice(e.start, e.end);
      check(inside(e, s) && /^\*.*\*$/s.test(marked), `${s.id}: emphasis ${marked}`);
    }
    const themes = s.themes.map((t) => t.theme);
    check(
      themes.every((t, i) => i === 0 || THEME_IDS.indexOf(themes[i - 1]) < THEME_IDS.indexOf(t)),
      `${s.id}: themes not in codebook order`,
    );
    for (const theme of s.themes) {
      check(theme.evidence.length > 0, `${s.id}: ${theme.theme} without evidence`);
      for (const e of theme.evidence) {
        sliced(e, `${s.id} evidence ${e.rule}`);
        check(inside(e, s), `${s.id}: evidence ${e.rule} outside the sentence`);
      }
    }
    const { cue, basis } = s.modality;
    if (cue) sliced(cue, `${s.id} modality cue`);
    if (basis === 'cue') check(!!cue && inside(cue, s), `${s.id}: cue outside the sentence`);
    if (basis === 'default') check(cue === null, `${s.id}: default with a cue`);
    if (basis === 'lead-in') {
      const leadIn = doc.sentences.find(
        (o) => o.paragraph === s.paragraph && o.listItem === null && cue && inside(cue, o),
      );
      check(!!s.listItem && !!leadIn && leadIn.end <= s.start, `${s.id}: lead-in cue`);
    }
  }
  for (const a of doc.attributions) {
    sliced({ ...a, text: a.quote }, `attribution ${a.id}`);
    const s = sentences.get(a.sentence);
    check(!!s && inside(a, s), `attribution ${a.id}: outside sentence ${a.sentence}`);
  }
  for (const d of doc.dateReferences) {
    sliced(d, `date ${d.text}`);
    const s = sentences.get(d.sentence);
    check(!!s && inside(d, s), `date ${d.text}: outside sentence ${d.sentence}`);
  }
  for (const [kind, units] of Object.entries({
    paragraphs: doc.paragraphs,
    listItems: doc.listItems,
    sentences: doc.sentences,
    attributions: doc.attributions,
  })) {
    check(new Set(units.map((u) => u.id)).size === units.length, `${kind}: duplicate ids`);
    check(doc.counts[kind as keyof typeof doc.counts] === units.length, `counts.${kind}`);
  }
  // No word is lost: outside the title and the sentences only item closers ("; and") remain.
  const covered = text.split('');
  for (const unit of [...(doc.title ? [doc.title] : []), ...doc.sentences]) {
    for (let i = unit.start; i < unit.end; i++) covered[i] = ' ';
  }
  const lost = (covered.join('').match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w !== 'and' && w !== 'or',
  );
  check(lost.length === 0, `words in no sentence: ${lost.join(' ')}`);
  return found;
}

describe('the offsets invariant on the seed', () => {
  it('holds for every unit, evidence, cue, attribution and date of the statement', () => {
    const doc = curatedDoc();
    expect(problems(doc)).toEqual([]);
    expect(doc.attributions.length).toBeGreaterThan(0);
    expect(doc.dateReferences.length).toBeGreaterThan(0);
    expect(doc.sentences.some((s) => s.themes.length > 0)).toBe(true);
  });

  it('holds for the suggested attributions of the statement without its annotations', () => {
    expect(problems(seedDoc)).toEqual([]);
    expect(seedDoc.attributions.every((a) => a.source === 'suggested')).toBe(true);
    expect(seedDoc.attributions.length).toBeGreaterThan(0);
  });

  it('holds in the committed data/dataset.json that the app loads', () => {
    const dataset = JSON.parse(readProjectFile('data/dataset.json'));
    for (const doc of dataset.documents) expect(problems(doc)).toEqual([]);
  });
});

/** Pieces that exercise the segmenter: punctuation, bullets, quotes, line ends, scripts. */
const VOCABULARY = [
  'We',
  'must',
  'not',
  'the',
  'migration',
  'return',
  'home',
  'refugees',
  'Global Compact',
  'interference',
  'must bear responsibility',
  'should cover the following',
  'a',
  'B',
  'café',
  'naïve',
  'e.g.',
  'i.e.',
  'Mr.',
  'Dr.',
  'U.N.',
  'No. 5',
  'art.',
  '2.5',
  '19 September 2016',
  'Position of the Republic of Y on migration',
  '.',
  '!',
  '?',
  ':',
  ';',
  ',',
  '…',
  '...',
  '\n- ',
  '\n* ',
  '\n• ',
  '; - ',
  '; – ',
  '; and',
  '; or',
  '*emphasis*',
  '*',
  '“',
  '”',
  '‘',
  '’',
  '"',
  "'",
  '–',
  '—',
  '(',
  ')',
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  '😀',
  '👩🏽‍⚕️',
  'مرحبا',
  'اللاجئين',
  'שלום',
  '\u200b',
  '\u00a0',
  '\u2028',
  '\ufeff',
];

const word = fc.constantFrom(...VOCABULARY);
/** Texts glued from the vocabulary, with or without spaces between the pieces. */
const glued = fc.oneof(
  fc.array(word, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.array(word, { maxLength: 60 }).map((parts) => parts.join(' ')),
);
/** Texts shaped like statements: a title, prose lines, lead-ins and bullet lines. */
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const line = fc.oneof(
  phrase,
  phrase.map((p) => `${p}.`),
  phrase.map((p) => `${p}:`),
  fc
    .tuple(
      fc.constantFrom('- ', '* ', '• ', '\t– '),
      phrase,
      fc.constantFrom('', ';', '; and', '.'),
    )
    .map(([bullet, p, end]) => `${bullet}${p}${end}`),
  fc.tuple(phrase, phrase).map(([a, b]) => `- ${a}; - ${b};`),
  fc.constant(''),
);
const shaped = fc
  .tuple(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n'))
  .map(([lines, eol]) => lines.join(eol));

/** Builds the text; texts without a sentence must fail with a PipelineError, never crash. */
function buildOrRefuse(text: string): StatementDocument | null {
  let doc: StatementDocument;
  try {
    doc = build(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).file).toBe('seeds/synthetic.txt');
    expect(segment(text).sentences).toHaveLength(0);
    return null;
  }
  expect(problems(doc)).toEqual([]);
  return doc;
}

describe('the offsets invariant on random texts (property-based)', () => {
  it('holds on 1,200 texts built from a vocabulary that exercises the segmenter', () => {
    const seen = { built: 0, refused: 0, titles: 0, lists: 0, emphasis: 0, sharedLines: 0 };
    fc.assert(
      fc.property(fc.oneof(glued, shaped), (text) => {
        const doc = buildOrRefuse(text);
        if (!doc) {
          seen.refused++;
          return;
        }
        seen.built++;
        if (doc.title) seen.titles++;
        if (doc.listItems.length > 0) seen.lists++;
        if (doc.sentences.some((s) => s.emphasis.length > 0)) seen.emphasis++;
        // Two items on one source line: only "; - " lies between them.
        const gaps = doc.listItems
          .slice(1)
          .map((item, i) => text.slice(doc.listItems[i].end, item.start));
        if (gaps.some((gap) => /^;[ \t]/.test(gap) && !/[\r\n]/.test(gap))) seen.sharedLines++;
      }),
      { numRuns: 1200 },
    );
    // The generators really reach the hard cases.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(20);
  }, 30_000);

  it('holds on 1,000 arbitrary Unicode and ASCII strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ maxLength: 200 }),
        ),
        (text) => {
          const doc = buildOrRefuse(text);
          if (!/[\p{L}\p{N}]/u.test(text)) expect(doc).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('refuses texts without words with a PipelineError naming the file', () => {
    for (const text of ['', '   ', '--- *** ---', '\n\n- ;\n- ; and\n', '… ! ?', '\u200b😀']) {
      expect(() => build(text, 'seeds/empty.txt'), JSON.stringify(text)).toThrow(
        'seeds/empty.txt: no sentences found',
      );
    }
  });
});
