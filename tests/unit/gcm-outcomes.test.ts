import { describe, expect, it } from 'vitest';
import {
  citations,
  contextProblem,
  isDay,
  knownParagraphs,
  outcomeDocumentProblem,
  outcomeMapProblem,
} from '../../src/lib/context/validate.ts';
import {
  dateLinks,
  entriesFor,
  processPhases,
  submissionWindow,
  verdictCounts,
  verdictSummary,
} from '../../src/lib/context/queries.ts';
import type { OutcomeEntry, OutcomeMap } from '../../src/lib/context/types.ts';
import { checkOutcomeMap } from '../../src/pipeline/outcomes.ts';
import { PipelineError } from '../../src/pipeline/errors.ts';
import { dataset, doc } from '../helpers/dataset.ts';
import { gcmContext as context, outcomeMap as map } from '../helpers/context.ts';

const sentence = (id: string) => doc.sentences.find((s) => s.id === id)!;
const demandsAndRejections = doc.sentences.filter(
  (s) => s.modality.modality === 'demand' || s.modality.modality === 'rejection',
);
/** The committed map with entry `i` changed. */
const withEntry = (i: number, change: Partial<OutcomeEntry> | Record<string, unknown>) =>
  ({
    ...map,
    entries: map.entries.map((e, k) => (k === i ? { ...e, ...change } : e)),
  }) as OutcomeMap;
const at = (id: string) => map.entries.findIndex((e) => e.sentence === id);

describe('the GCM context (data/gcm-context.json)', () => {
  it('passes its checks', () => {
    expect(contextProblem(context)).toBeNull();
  });

  it('gives every event a real date, an end not before it, and at least one web source', () => {
    expect(context.events.length).toBeGreaterThan(10);
    for (const e of context.events) {
      expect(isDay(e.start), e.start).toBe(true);
      if (e.end !== null) {
        expect(isDay(e.end), e.end).toBe(true);
        expect(e.end >= e.start).toBe(true);
      }
      expect(e.sources.length, e.label).toBeGreaterThan(0);
      for (const s of e.sources) expect(s).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it('holds the 23 objectives in order and the four provisions, each with a source', () => {
    expect(context.objectives.map((o) => o.number)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    for (const o of context.objectives) expect(o.source).toMatch(/para 16/);
    expect(context.provisions.map((p) => p.id).sort()).toEqual(
      ['non_binding', 'review_forum', 'shared_responsibilities', 'sovereignty'].sort(),
    );
    for (const p of context.provisions) expect(p.source).toMatch(/^https?:\/\//);
  });

  it('refuses impossible dates, unsourced events and misnumbered objectives', () => {
    const event = context.events[0];
    const events = (change: object) => ({
      ...context,
      events: [{ ...event, ...change }, ...context.events.slice(1)],
    });
    expect(contextProblem(events({ start: '2016-02-30' }))?.problem).toMatch(/not a date/);
    expect(contextProblem(events({ end: '2016-01-01' }))?.problem).toBe('it ends before it starts');
    expect(contextProblem(events({ sources: [] }))?.problem).toMatch(/at least 1 item/);
    expect(contextProblem(events({ sources: ['somewhere'] }))?.problem).toMatch(/expected form/);
    expect(contextProblem(events({ kind: 'party' }))?.problem).toMatch(/unknown value "party"/);
    const objectives = context.objectives.filter((o) => o.number !== 7);
    expect(contextProblem({ ...context, objectives })?.problem).toMatch(/numbered 1 to 22/);
  });

  it('reads the phases from the modalities resolution, with its source', () => {
    const phases = processPhases(context);
    expect(phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['Consultations', '2017-04-01', '2017-11-30'],
      ['Stocktaking', '2017-11-01', '2018-01-31'],
      ['Intergovernmental negotiations', '2018-02-01', '2018-07-31'],
    ]);
    for (const p of phases) {
      expect(p.event.document).toBe('A/RES/71/280');
      expect(p.event.label).toContain(p.quote);
    }
    // The unverified window: the phases before the negotiations, never a day.
    expect(submissionWindow(phases)).toMatchObject({ start: '2017-04-01', end: '2018-01-31' });
  });

  it("links the statement's dated references to the event of that date", () => {
    const links = dateLinks(doc, context);
    expect(links.map((l) => l.reference.sentence)).toEqual(['s1', 's9']);
    for (const link of links) {
      expect(link.events).toHaveLength(1);
      expect(context.events[link.events[0]].document).toBe('A/RES/71/1');
      expect(context.events[link.events[0]].start).toBe(link.reference.date);
    }
  });
});

describe('the outcome map (data/gcm-outcomes.json)', () => {
  it('passes every check against the context and the dataset', () => {
    expect(outcomeMapProblem(map, context)).toBeNull();
    expect(outcomeDocumentProblem(map, doc)).toBeNull();
    expect(() =>
      checkOutcomeMap(JSON.stringify(map), 'data/gcm-outcomes.json', dataset, context),
    ).not.toThrow();
  });

  it('maps every demand and rejection once, each to an existing sentence and quote', () => {
    expect(map.entries.map((e) => e.sentence).sort()).toEqual(
      demandsAndRejections.map((s) => s.id).sort(),
    );
    for (const e of map.entries) {
      expect(sentence(e.sentence).text).toContain(e.quote);
      for (const n of e.objectives) expect(context.objectives[n - 1]?.number).toBe(n);
      for (const id of e.provisions) expect(context.provisions.map((p) => p.id)).toContain(id);
    }
  });

  it('cites in each rationale only objectives and paragraphs the context holds', () => {
    const paragraphs = knownParagraphs(context);
    for (const e of map.entries) {
      const cited = citations(e.rationale);
      expect(cited.objectives.length + cited.paragraphs.length, e.sentence).toBeGreaterThan(0);
      for (const n of cited.objectives) expect(n).toBeLessThanOrEqual(23);
      for (const p of cited.paragraphs) expect(paragraphs.has(p), p).toBe(true);
    }
  });

  it('counts its verdicts', () => {
    expect(verdictCounts(map.entries)).toEqual({
      taken_up: 7,
      partly: 9,
      not_taken_up: 4,
      contradicted: 1,
    });
    expect(verdictSummary(map, doc)).toBe(
      '21 demands and rejections (14 demands, 7 rejections): 7 taken up, 9 partly, 4 not taken up, 1 contradicted.',
    );
  });

  it('keeps the verdicts the issue names', () => {
    const entry = (id: string) => map.entries[at(id)];
    // Readmission: Objective 21.
    expect(entry('s21')).toMatchObject({ objectives: [21], verdict: 'taken_up' });
    expect(entriesFor(map, '21').map((e) => e.sentence)).toEqual(['s11', 's12', 's16', 's21']);
    // "should not be legally binding": the non-legally binding character.
    expect(entry('s5')).toMatchObject({ provisions: ['non_binding'], verdict: 'taken_up' });
    // The rejection of responsibility sharing: the compact's shared responsibilities.
    expect(entry('s28')).toMatchObject({
      provisions: ['shared_responsibilities'],
      verdict: 'contradicted',
    });
    // "compliance monitoring is not appropriate": the review forum.
    expect(entry('s7')).toMatchObject({ provisions: ['review_forum'], verdict: 'partly' });
  });

  it('gives entries with no counterpart the verdict "not taken up"', () => {
    for (const e of map.entries.filter((x) => !x.objectives.length && !x.provisions.length)) {
      expect(e.verdict).toBe('not_taken_up');
    }
  });

  it("keeps the list's lead-in in step with its items", () => {
    const lead = map.entries[at('s16')];
    const items = map.entries.filter((e) => sentence(e.sentence).listItem !== null);
    expect(items).toHaveLength(8);
    const takenUp = items.filter((e) => e.verdict === 'taken_up');
    expect(lead.objectives).toEqual(
      [...new Set(takenUp.flatMap((e) => e.objectives))].sort((a, b) => a - b),
    );
    const counts = verdictCounts(items);
    expect(lead.rationale).toContain(`five are taken up`);
    expect([counts.taken_up, counts.partly, counts.not_taken_up]).toEqual([5, 2, 1]);
  });
});

describe('every problem in the outcome map is named', () => {
  const problemOf = (m: unknown) =>
    outcomeMapProblem(m, context) ?? outcomeDocumentProblem(m as OutcomeMap, doc);

  it.each([
    [
      'an unknown sentence',
      withEntry(at('s21'), { sentence: 's99' }),
      'entry 15 (s99)',
      /unknown sentence s99/,
    ],
    [
      'a quote not in its sentence',
      withEntry(at('s21'), { quote: 'unified readmission' }),
      'entry 15 (s21)',
      /the quote "unified readmission" is not in sentence s21/,
    ],
    [
      'an unknown objective',
      withEntry(at('s21'), { objectives: [24] }),
      'entry 15 (s21)',
      /unknown objective 24/,
    ],
    [
      'an unknown provision',
      withEntry(at('s5'), { provisions: ['universal'] }),
      'entry 1 (s5)',
      /unknown provision "universal"/,
    ],
    [
      'a bad verdict',
      withEntry(at('s5'), { verdict: 'maybe' }),
      'entry 1 (s5)',
      /verdict: unknown value "maybe"/,
    ],
    [
      'a missing rationale',
      withEntry(at('s5'), { rationale: ' ' }),
      'entry 1 (s5)',
      /the rationale is missing/,
    ],
    [
      'a rationale citing nothing',
      withEntry(at('s5'), { rationale: 'It is non-binding.' }),
      'entry 1 (s5)',
      /cites no objective/,
    ],
    [
      'a rationale citing an objective the compact lacks',
      withEntry(at('s21'), { rationale: 'Objective 24 covers it.' }),
      'entry 15 (s21)',
      /objective 24/,
    ],
    [
      'a rationale citing a paragraph the context lacks',
      withEntry(at('s5'), { rationale: 'Para 12 covers it.' }),
      'entry 1 (s5)',
      /para 12/,
    ],
    [
      'a missing source',
      withEntry(at('s5'), { sources: [] }),
      'entry 1 (s5)',
      /sources: needs at least 1 item/,
    ],
    [
      'a source of something else',
      withEntry(at('s5'), { sources: ['https://example.org/'] }),
      'entry 1 (s5)',
      /not a source of the context/,
    ],
    [
      "a cited provision's source left out",
      withEntry(at('s29'), { sources: [context.provisions[0].source] }),
      'entry 20 (s29)',
      /source .* of what it cites is missing/,
    ],
    [
      'a verdict with nothing that answers it',
      withEntry(at('s8'), { verdict: 'partly' }),
      'entry 3 (s8)',
      /needs the objective or provision/,
    ],
    [
      'a sentence that is not a demand or rejection',
      withEntry(at('s5'), { sentence: 's4', quote: 'political declaration' }),
      'entry 1 (s4)',
      /coded "position"/,
    ],
    [
      'a demand left unmapped',
      { ...map, entries: map.entries.filter((e) => e.sentence !== 's12') },
      'sentence s12',
      /this demand is not mapped/,
    ],
    [
      'a sentence mapped twice',
      { ...map, entries: [...map.entries, map.entries[0]] },
      'entry 22 (s5)',
      /mapped twice/,
    ],
  ] as const)('%s', (_, broken, where, problem) => {
    const found = problemOf(broken);
    expect(found?.where).toBe(where);
    expect(found?.problem).toMatch(problem);
    // The pipeline stops with the file, the entry and the problem.
    expect(() =>
      checkOutcomeMap(JSON.stringify(broken), 'data/gcm-outcomes.json', dataset, context),
    ).toThrow(PipelineError);
    try {
      checkOutcomeMap(JSON.stringify(broken), 'data/gcm-outcomes.json', dataset, context);
    } catch (error) {
      expect((error as Error).message.startsWith(`data/gcm-outcomes.json: ${where}: `)).toBe(true);
    }
  });

  it('names a map for another document, and broken JSON', () => {
    expect(() =>
      checkOutcomeMap(
        JSON.stringify({ ...map, document: 'other' }),
        'data/gcm-outcomes.json',
        dataset,
        context,
      ),
    ).toThrow('data/gcm-outcomes.json: unknown document "other"');
    expect(() =>
      checkOutcomeMap('{"entries": [', 'data/gcm-outcomes.json', dataset, context),
    ).toThrow(/^data\/gcm-outcomes\.json: invalid JSON/);
  });
});
