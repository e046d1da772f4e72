import { describe, expect, it } from 'vitest';
import { lineAt } from '../../src/pipeline/errors.ts';
import { segment } from '../../src/pipeline/segment.ts';
import { build, seedDoc as doc, sentenceStarting } from './support.ts';

/** The sentence texts of a synthetic statement. */
const sentencesOf = (text: string) => build(text).sentences.map((s) => s.text);

describe('segmentation of the Russian statement', () => {
  it('reads the first line as the title, not as a sentence', () => {
    expect(doc.title).toEqual({
      start: 0,
      end: 100,
      text: 'The Position of the Russian Federation on the Global Compact for Safe, Orderly and Regular Migration',
    });
    expect(doc.name).toBe(doc.title!.text);
    expect(doc.speaker).toEqual({ actor: 'russia', name: 'Russian Federation' });
    expect(doc.sentences.some((s) => s.start < doc.title!.end)).toBe(false);
  });

  it('finds 11 paragraphs, numbered 1 to 11 in reading order', () => {
    expect(doc.paragraphs).toHaveLength(11);
    expect(doc.counts.paragraphs).toBe(11);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(doc.paragraphs[0].text).toMatch(/^We positively assess the results/);
    expect(doc.paragraphs[10].text).toMatch(/for the Russian Federation\.$/);
  });

  it('keeps the colon-introduced bullet list in one list paragraph after its lead-in', () => {
    const lists = doc.paragraphs.filter((p) => p.kind === 'list');
    expect(lists.map((p) => p.id)).toEqual(['p7']);
    const [list] = lists;
    const inList = doc.sentences.filter((s) => s.paragraph === list.id);
    const leadIn = inList[0];
    expect(leadIn.listItem).toBeNull();
    expect(leadIn.text).toBe(
      'Moreover, the Global compact should also cover the following aspects of migration issues:',
    );
    expect(leadIn.text.endsWith(':')).toBe(true);
    expect(inList.slice(1).every((s) => s.listItem !== null)).toBe(true);
    expect(list.text.startsWith(leadIn.text)).toBe(true);
    expect(list.text.endsWith('- Promotion of information exchange on migration issues.')).toBe(
      true,
    );
  });

  it('finds the 8 list items, without their marker and closing ";" or "."', () => {
    expect(doc.listItems).toHaveLength(8);
    expect(doc.listItems.every((item) => item.parent === 'p7')).toBe(true);
    for (const item of doc.listItems) {
      expect(doc.text.slice(item.marker.start, item.marker.end)).toBe('-');
      expect(item.text).not.toMatch(/^[-\s]|[;.\s]$/);
      expect(doc.sentences.filter((s) => s.listItem === item.id)).toHaveLength(1);
    }
    expect(doc.listItems[0].text).toBe(
      'Importance of regulated employment of foreign workers and signing of international treaties, providing for their organized recruitment and pre-departure training',
    );
    expect(doc.listItems[7].text).toBe('Promotion of information exchange on migration issues');
  });

  it('splits the two bullet items that share one line in the source (two items, not one)', () => {
    const differentiated = doc.listItems.find((i) => i.text.startsWith('Differentiated approach'))!;
    const combating = doc.listItems.find((i) => i.text.startsWith('Combating illegal migration'))!;
    expect(differentiated.text).toMatch(/characteristics of migrants$/);
    expect(combating.text).toMatch(/readmission of foreign citizens$/);
    expect(lineAt(doc.text, differentiated.start)).toBe(lineAt(doc.text, combating.start));
    expect(doc.text.slice(differentiated.end, combating.start)).toBe('; - ');
    expect(combating.order).toBe(differentiated.order + 1);
    const sentences = doc.sentences.filter(
      (s) => s.listItem === differentiated.id || s.listItem === combating.id,
    );
    expect(sentences.map((s) => s.text)).toEqual([differentiated.text, combating.text]);
  });

  it('does not end a sentence after "UN GA"', () => {
    const first = doc.sentences[0];
    expect(first.text).toMatch(/^We positively assess .* UN GA high-level plenary meeting .*/);
    expect(first.text.endsWith('held on 19 September 2016.')).toBe(true);
    expect(doc.sentences.filter((s) => s.text.endsWith('UN GA'))).toHaveLength(0);
  });

  it('records the *per se* emphasis span, markers included, in its one sentence', () => {
    const emphasised = doc.sentences.filter((s) => s.emphasis.length > 0);
    expect(emphasised).toHaveLength(1);
    const [sentence] = emphasised;
    expect(sentence.text).toMatch(
      /^We strongly believe that the term "responsibility sharing" \*per se\* does/,
    );
    expect(sentence.emphasis.map((e) => doc.text.slice(e.start, e.end))).toEqual(['*per se*']);
  });

  it('keeps the sentence with an en dash whole', () => {
    const sentence = sentenceStarting(doc, 'Therefore, the States which actively participated');
    expect(sentence.text).toBe(
      'Therefore, the States which actively participated in that interference must bear primary and heaviest responsibility for assisting victims – refugees and forced migrants.',
    );
  });

  it('keeps straight double and single quotes inside their sentences', () => {
    expect(sentenceStarting(doc, 'We note that when').text).toMatch(
      /the concept of "responsibility\/burden sharing"\.$/,
    );
    expect(sentenceStarting(doc, 'We regard the pressure').text).toContain(
      "for 'responsibility sharing concept' as an attempt",
    );
  });

  it('gives 34 sentences with the ids s1..s34', () => {
    expect(doc.sentences.map((s) => s.id)).toEqual(
      Array.from({ length: 34 }, (_, i) => `s${i + 1}`),
    );
  });
});

describe('sentence boundaries on synthetic text', () => {
  it('ends a sentence after a closing curly or straight quote', () => {
    expect(
      sentencesOf(
        'He said “Stop.” Then he left. She wrote ‘fine.’ We agreed. They said "no." It ended. \'Yes.\' Another one.',
      ),
    ).toEqual([
      'He said “Stop.”',
      'Then he left.',
      'She wrote ‘fine.’',
      'We agreed.',
      'They said "no."',
      'It ended.',
      "'Yes.'",
      'Another one.',
    ]);
  });

  it('starts a sentence at an opening quote and keeps a quote followed by lower case whole', () => {
    expect(sentencesOf('We left. “Why?” she asked. ‘Because,’ we said. "Fine!" It ended.')).toEqual(
      ['We left.', '“Why?” she asked.', '‘Because,’ we said.', '"Fine!"', 'It ended.'],
    );
  });

  it('does not end a sentence after an abbreviation', () => {
    expect(
      sentencesOf(
        'We met Mr. Smith, e.g. at the U.N. General Assembly. The U.N. Secretariat agreed, i.e. Dr. Jones did. See No. 5 and Art. 3 of Res. 71/1. It ends here.',
      ),
    ).toEqual([
      'We met Mr. Smith, e.g. at the U.N. General Assembly.',
      'The U.N. Secretariat agreed, i.e. Dr. Jones did.',
      'See No. 5 and Art. 3 of Res. 71/1.',
      'It ends here.',
    ]);
  });

  it('ends a sentence after "no." or "art." used as words, not as abbreviations', () => {
    expect(sentencesOf('We say no. They say yes. It is a work of art. It stays.')).toEqual([
      'We say no.',
      'They say yes.',
      'It is a work of art.',
      'It stays.',
    ]);
  });

  it('ends sentences at "!", "?" and ellipses, but not inside numbers', () => {
    expect(sentencesOf('Is it 2.5 per cent? Yes! It grew… Then 3.75 per cent... Done.')).toEqual([
      'Is it 2.5 per cent?',
      'Yes!',
      'It grew…',
      'Then 3.75 per cent...',
      'Done.',
    ]);
  });
});

describe('paragraphs, lists and titles on synthetic text', () => {
  it('reads CRLF line endings like LF ones, keeping the text exactly as written', () => {
    const text =
      'Position of the Kingdom of Testland on Migration\r\n\r\nFirst sentence. This one runs\r\nover two lines.\r\nIt should cover:\r\n- item one; and\r\n- item two.\r\n\r\nLast paragraph.\r\n';
    const doc = build(text);
    expect(doc.title?.text).toBe('Position of the Kingdom of Testland on Migration');
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['list', 'prose']);
    expect(doc.listItems.map((i) => i.text)).toEqual(['item one', 'item two']);
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'First sentence.',
      'This one runs\r\nover two lines.',
      'It should cover:',
      'item one',
      'item two',
      'Last paragraph.',
    ]);
    for (const unit of [doc.title!, ...doc.paragraphs, ...doc.listItems, ...doc.sentences]) {
      expect(unit.text).not.toMatch(/^\s|\s$/);
    }
    const lf = build(text.replace(/\r\n/g, '\n'));
    expect(lf.sentences.map((s) => s.text.replace(/\n/g, '\r\n'))).toEqual(
      doc.sentences.map((s) => s.text),
    );
    expect(lf.listItems.map((i) => i.text)).toEqual(['item one', 'item two']);
  });

  it('drops "; and", "; or", ";" and "." closing items, and keeps words ending in "and"', () => {
    const doc = build(
      'The list should cover:\n- cooperation on return; and\n- border management; or\n- labour mobility;\n- a strong brand\n- support to refugees.',
    );
    expect(doc.listItems.map((i) => i.text)).toEqual([
      'cooperation on return',
      'border management',
      'labour mobility',
      'a strong brand',
      'support to refugees',
    ]);
  });

  it('splits items sharing a line after "; -", "; –" or "; •"', () => {
    const doc = build(
      'It should cover:\n- first point; - second point; and\n• third point; • fourth point; – fifth point.',
    );
    expect(doc.listItems.map((i) => i.text)).toEqual([
      'first point',
      'second point',
      'third point',
      'fourth point',
      'fifth point',
    ]);
    expect(doc.listItems.map((i) => doc.text.slice(i.marker.start, i.marker.end))).toEqual([
      '-',
      '-',
      '•',
      '•',
      '–',
    ]);
    expect(doc.paragraphs).toHaveLength(1);
  });

  it('keeps bullet items separated by blank lines in one list, and ends it at prose', () => {
    const doc = build(
      'We ask for the following:\n\n- first demand;\n\n\t- second demand.\n\nThen a new paragraph.',
    );
    expect(doc.paragraphs.map((p) => [p.kind, p.text.split('\n')[0]])).toEqual([
      ['list', 'We ask for the following:'],
      ['prose', 'Then a new paragraph.'],
    ]);
    expect(doc.listItems.map((i) => [i.text, i.parent])).toEqual([
      ['first demand', 'p1'],
      ['second demand', 'p1'],
    ]);
  });

  it('makes a list without a colon lead-in its own paragraph', () => {
    const doc = build('We note the case.\n- an item\n\nAfter it.');
    expect(doc.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['prose', 'We note the case.'],
      ['list', '- an item'],
      ['prose', 'After it.'],
    ]);
  });

  it('reads "*" at a line start as a bullet, but "*word*" as emphasis', () => {
    const doc = build(
      'It should cover:\n\n* first item;\n* second item.\n\n*Note* that this is prose.',
    );
    expect(doc.listItems.map((i) => i.text)).toEqual(['first item', 'second item']);
    const note = doc.sentences[doc.sentences.length - 1];
    expect(note.text).toBe('*Note* that this is prose.');
    expect(note.listItem).toBeNull();
    expect(note.emphasis.map((e) => doc.text.slice(e.start, e.end))).toEqual(['*Note*']);
  });

  it('records every emphasis span of a sentence', () => {
    const doc = build('This is *very* important and *so* clear. No emphasis * here *.');
    expect(doc.sentences[0].emphasis.map((e) => doc.text.slice(e.start, e.end))).toEqual([
      '*very*',
      '*so*',
    ]);
    expect(doc.sentences[1].emphasis).toEqual([]);
  });

  it('takes a title only from a first line of its own without closing punctuation', () => {
    expect(build('A heading\n\nBody text.').title?.text).toBe('A heading');
    expect(build('A sentence.\n\nBody text.').title).toBeNull();
    expect(build('Two lines\nof one paragraph.\n\nBody.').title).toBeNull();
    expect(build('Only one paragraph').title).toBeNull();
    const untitled = build('Body text.', 'seeds/untitled-note.txt');
    expect(untitled.name).toBe('untitled-note.txt');
    expect(untitled.speaker).toEqual({ actor: null, name: 'Unknown speaker' });
  });

  it('drops paragraphs that hold no words', () => {
    const raw = segment('First words.\n\n--- *** ---\n\n- ;\n\nLast words.');
    expect(raw.paragraphs).toHaveLength(2);
    expect(raw.sentences.map((s) => s.paragraph)).toEqual([0, 1]);
  });
});
