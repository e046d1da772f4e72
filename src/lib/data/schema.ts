import { ACTOR_IDS, MODALITY_IDS, RELATION_IDS, SCHEMA_VERSION, THEME_IDS } from './types.ts';

/**
 * JSON Schema of `data/dataset.json`, written next to it as `data/dataset.schema.json`.
 * The pipeline and the app check the dataset against this one definition.
 */

const str = (description: string) => ({ type: 'string', description });
const int = (description: string) => ({ type: 'integer', minimum: 0, description });
const id = (description: string) => ({ type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description });
const list = (description: string, items: object) => ({ type: 'array', description, items });
const object = (description: string, properties: Record<string, object>) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const oneOf = (ids: readonly string[], description: string) => ({ enum: [...ids], description });

const start = int('Offset of the first character (UTF-16 code units, as JavaScript strings count).');
const end = int('Offset just past the last character; text.slice(start, end) is the text.');
const span = (description: string) => object(description, { start, end });
const unit = (description: string, extra: Record<string, object>) =>
  object(description, {
    id: id('Stable id, unique within the document.'),
    order: { type: 'integer', minimum: 1, description: '1-based position in reading order among units of its kind.' },
    parent: id('Id of the enclosing unit: the document for paragraphs, the paragraph or list item otherwise.'),
    start,
    end,
    text: str('The exact characters of the statement: document.text.slice(start, end).'),
    ...extra,
  });
const evidence = object('Words that made a rule fire.', {
  start,
  end,
  text: str('The matched words, exactly as written.'),
  rule: str('Id of the dictionary rule (seeds/dictionary.json) that matched.'),
});
const entry = (ids: readonly string[], what: string) =>
  object(`One ${what} of the codebook.`, {
    id: oneOf(ids, `Fixed ${what} id.`),
    label: str('Short label shown in charts and legends.'),
    description: str('What belongs under this id.'),
  });

export const datasetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://gcm-position-dashboard.local/dataset.schema.json',
  title: 'Coded statements on the Global Compact for Safe, Orderly and Regular Migration',
  ...object('The precomputed dataset every view of the dashboard draws from.', {
    schemaVersion: { const: SCHEMA_VERSION, description: 'Version of this format; the app refuses others.' },
    codebook: object('The analytic frame: themes, modalities, actors, relations.', {
      version: str('Codebook version, quoted in every chart source line.'),
      themes: list('The twelve themes.', entry(THEME_IDS, 'theme')),
      modalities: list('What a sentence does.', entry(MODALITY_IDS, 'modality')),
      actors: list('Who responsibility is attributed to.', entry(ACTOR_IDS, 'actor')),
      relations: list('How an actor is tied to what it is blamed for, asked to bear or exempted from.', entry(RELATION_IDS, 'relation')),
    }),
    documents: {
      ...list(
        'One entry per statement.',
        object('One coded statement.', {
          id: id('Document id, from the seed file name.'),
          title: {
            description: 'The title line as written, or null when the text has none.',
            oneOf: [{ type: 'null' }, object('Title line.', { start, end, text: str('Title text.') })],
          },
          name: str('Display name: the title, or the file name.'),
          speaker: object('Who speaks.', {
            actor: { description: 'Codebook actor id of the speaker, or null.', oneOf: [{ type: 'null' }, oneOf(ACTOR_IDS, 'Actor id.')] },
            name: str('Speaker as named in the title.'),
          }),
          source: object('Where the text came from.', {
            file: str('Seed file, relative to the project root.'),
            sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the text (UTF-8).' },
          }),
          codebookVersion: str('Version of the codebook the coding used.'),
          counts: object('Sizes of the document.', {
            characters: int('Characters of text (UTF-16 code units).'),
            words: int('Words in all sentences.'),
            paragraphs: int('Paragraphs.'),
            listItems: int('Bullet list items.'),
            sentences: int('Sentences (coding units).'),
            themeCodings: int('Sentence-theme pairs.'),
            attributions: int('Attributions.'),
            dateReferences: int('Dated references.'),
          }),
          text: str('The full statement text; every offset points into it.'),
          paragraphs: list(
            'Paragraphs in reading order; a list paragraph runs from its lead-in to its last item.',
            unit('A paragraph.', {
              number: { type: 'integer', minimum: 1, description: 'Paragraph number as a reader counts.' },
              kind: oneOf(['prose', 'list'], '"list" when it holds a bullet list.'),
            }),
          ),
          listItems: list(
            'Bullet list items; two items on one source line are two items.',
            unit('A list item, without its marker and closing ";" or ".".', {
              marker: span('The bullet marker.'),
            }),
          ),
          sentences: list(
            'Sentences in reading order: the coding units.',
            unit('A sentence, or the sentence of a list item.', {
              paragraph: id('Paragraph id.'),
              listItem: { description: 'List item id, or null.', oneOf: [{ type: 'null' }, id('List item id.')] },
              words: int('Words in the sentence.'),
              emphasis: list('*Emphasis* spans, markers included.', span('Emphasised words.')),
              themes: list(
                'Themes coded by the dictionary, in codebook order.',
                object('One theme and why.', {
                  theme: oneOf(THEME_IDS, 'Theme id.'),
                  evidence: { ...list('Every match that carries the theme.', evidence), minItems: 1 },
                }),
              ),
              modality: object('What the sentence does.', {
                modality: oneOf(MODALITY_IDS, 'Modality id.'),
                cue: { description: 'The cue that decided, or null for the default.', oneOf: [{ type: 'null' }, evidence] },
                basis: oneOf(['cue', 'lead-in', 'default'], 'A cue in the sentence, the list lead-in, or the default.'),
              }),
            }),
          ),
          attributions: list(
            'Responsibility attributions: actor -> relation -> target.',
            object('One attribution with its quote.', {
              id: id('Attribution id.'),
              sentence: id('Sentence that carries it.'),
              actor: oneOf(ACTOR_IDS, 'Actor id.'),
              relation: oneOf(RELATION_IDS, 'Relation id.'),
              target: str('What the actor is blamed for, must bear, is exempted from or credited with.'),
              quote: str('The exact words of the sentence: document.text.slice(start, end).'),
              start,
              end,
              rationale: str('One line on why the analyst (or the rule) reads it so.'),
              source: oneOf(['curated', 'suggested'], 'Curated by an analyst, or suggested by the rules.'),
            }),
          ),
          dateReferences: list(
            'Dates the statement mentions.',
            object('One dated reference.', {
              start,
              end,
              text: str('The date as written.'),
              date: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'ISO date or month.' },
              sentence: id('Sentence id.'),
            }),
          ),
          aggregates: object('Counts the charts draw.', {
            themeTotals: list(
              'Per theme, in codebook order, zero included.',
              object('Theme total.', { theme: oneOf(THEME_IDS, 'Theme id.'), sentences: int('Sentences.'), words: int('Words in them.') }),
            ),
            coOccurrence: list(
              'Theme pairs sharing sentences (a before b in codebook order), non-zero only.',
              object('Pair.', { a: oneOf(THEME_IDS, 'Theme.'), b: oneOf(THEME_IDS, 'Theme.'), sentences: int('Shared sentences.') }),
            ),
            themesByParagraph: list(
              'Non-zero sentence counts per paragraph and theme.',
              object('Cell.', { paragraph: id('Paragraph id.'), theme: oneOf(THEME_IDS, 'Theme.'), sentences: int('Sentences.') }),
            ),
            modalityByTheme: list(
              'Non-zero counts per theme and modality.',
              object('Cell.', {
                theme: oneOf(THEME_IDS, 'Theme.'),
                modality: oneOf(MODALITY_IDS, 'Modality.'),
                sentences: int('Sentences.'),
                words: int('Words.'),
              }),
            ),
            attributionLinks: list(
              'Attributions grouped by actor, relation and target.',
              object('Link.', {
                actor: oneOf(ACTOR_IDS, 'Actor.'),
                relation: oneOf(RELATION_IDS, 'Relation.'),
                target: str('Target.'),
                attributions: list('Attribution ids.', id('Attribution id.')),
              }),
            ),
          }),
        }),
      ),
      minItems: 1,
    },
  }),
};
