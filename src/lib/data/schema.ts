import { ACTOR_IDS, MODALITY_IDS, RELATION_IDS, SCHEMA_VERSION, THEME_IDS } from './types.ts';

/**
 * JSON Schema of `data/dataset.json`, written next to it as `data/dataset.schema.json`.
 * The pipeline and the app check the dataset against this one definition.
 */

/**
 * Descriptions document the schema file; the app only checks datasets, so its production
 * bundle leaves them out (each is `D && '…'`, and D is false there, a constant the bundler
 * folds away).
 */
const D = !import.meta.env?.PROD;
type Text = string | false;

const str = (description: Text) => ({ type: 'string', description });
const int = (description: Text) => ({ type: 'integer', minimum: 0, description });
const id = (description: Text) => ({ type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description });
const list = (description: Text, items: object) => ({ type: 'array', description, items });
const object = (description: Text, properties: Record<string, object>) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const oneOf = (ids: readonly string[], description: Text) => ({ enum: [...ids], description });

const start = int(D && 'Offset of the first character (UTF-16 code units, as JavaScript strings count).');
const end = int(D && 'Offset just past the last character; text.slice(start, end) is the text.');
const span = (description: Text) => object(description, { start, end });
const unit = (description: Text, extra: Record<string, object>) =>
  object(description, {
    id: id(D && 'Stable id, unique within the document.'),
    order: { type: 'integer', minimum: 1, description: D && '1-based position in reading order among units of its kind.' },
    parent: id(D && 'Id of the enclosing unit: the document for paragraphs, the paragraph or list item otherwise.'),
    start,
    end,
    text: str(D && 'The exact characters of the statement: document.text.slice(start, end).'),
    ...extra,
  });
const evidence = object(D && 'Words that made a rule fire.', {
  start,
  end,
  text: str(D && 'The matched words, exactly as written.'),
  rule: str(D && 'Id of the dictionary rule (seeds/dictionary.json) that matched.'),
});
const entry = (ids: readonly string[], what: string) =>
  object(D && `One ${what} of the codebook.`, {
    id: oneOf(ids, D && `Fixed ${what} id.`),
    label: str(D && 'Short label shown in charts and legends.'),
    description: str(D && 'What belongs under this id.'),
  });

export const datasetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://gcm-position-dashboard.local/dataset.schema.json',
  title: 'Coded statements on the Global Compact for Safe, Orderly and Regular Migration',
  ...object(D && 'The precomputed dataset every view of the dashboard draws from.', {
    schemaVersion: { const: SCHEMA_VERSION, description: D && 'Version of this format; the app refuses others.' },
    codebook: object(D && 'The analytic frame: themes, modalities, actors, relations.', {
      version: str(D && 'Codebook version, quoted in every chart source line.'),
      themes: list(D && 'The twelve themes.', entry(THEME_IDS, 'theme')),
      modalities: list(D && 'What a sentence does.', entry(MODALITY_IDS, 'modality')),
      actors: list(D && 'Who responsibility is attributed to.', entry(ACTOR_IDS, 'actor')),
      relations: list(D && 'How an actor is tied to what it is blamed for, asked to bear or exempted from.', entry(RELATION_IDS, 'relation')),
    }),
    documents: {
      ...list(
        D && 'One entry per statement.',
        object(D && 'One coded statement.', {
          id: id(D && 'Document id, from the seed file name.'),
          title: {
            description: D && 'The title line as written, or null when the text has none.',
            oneOf: [{ type: 'null' }, object(D && 'Title line.', { start, end, text: str(D && 'Title text.') })],
          },
          name: str(D && 'Display name: the title, or the file name.'),
          speaker: object(D && 'Who speaks.', {
            actor: { description: D && 'Codebook actor id of the speaker, or null.', oneOf: [{ type: 'null' }, oneOf(ACTOR_IDS, D && 'Actor id.')] },
            name: str(D && 'Speaker as named in the title.'),
          }),
          source: object(D && 'Where the text came from.', {
            file: str(D && 'Seed file, relative to the project root.'),
            sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: D && 'SHA-256 of the text (UTF-8).' },
          }),
          codebookVersion: str(D && 'Version of the codebook the coding used.'),
          counts: object(D && 'Sizes of the document.', {
            characters: int(D && 'Characters of text (UTF-16 code units).'),
            words: int(D && 'Words in all sentences.'),
            paragraphs: int(D && 'Paragraphs.'),
            listItems: int(D && 'Bullet list items.'),
            sentences: int(D && 'Sentences (coding units).'),
            themeCodings: int(D && 'Sentence-theme pairs.'),
            attributions: int(D && 'Attributions.'),
            dateReferences: int(D && 'Dated references.'),
          }),
          text: str(D && 'The full statement text; every offset points into it.'),
          paragraphs: list(
            D && 'Paragraphs in reading order; a list paragraph runs from its lead-in to its last item.',
            unit(D && 'A paragraph.', {
              number: { type: 'integer', minimum: 1, description: D && 'Paragraph number as a reader counts.' },
              kind: oneOf(['prose', 'list'], D && '"list" when it holds a bullet list.'),
            }),
          ),
          listItems: list(
            D && 'Bullet list items; two items on one source line are two items.',
            unit(D && 'A list item, without its marker and closing ";" or ".".', {
              marker: span(D && 'The bullet marker.'),
            }),
          ),
          sentences: list(
            D && 'Sentences in reading order: the coding units.',
            unit(D && 'A sentence, or the sentence of a list item.', {
              paragraph: id(D && 'Paragraph id.'),
              listItem: { description: D && 'List item id, or null.', oneOf: [{ type: 'null' }, id(D && 'List item id.')] },
              words: int(D && 'Words in the sentence.'),
              emphasis: list(D && '*Emphasis* spans, markers included.', span(D && 'Emphasised words.')),
              themes: list(
                D && 'Themes coded by the dictionary, in codebook order.',
                object(D && 'One theme and why.', {
                  theme: oneOf(THEME_IDS, D && 'Theme id.'),
                  evidence: { ...list(D && 'Every match that carries the theme.', evidence), minItems: 1 },
                }),
              ),
              modality: object(D && 'What the sentence does.', {
                modality: oneOf(MODALITY_IDS, D && 'Modality id.'),
                cue: { description: D && 'The cue that decided, or null for the default.', oneOf: [{ type: 'null' }, evidence] },
                basis: oneOf(['cue', 'lead-in', 'default'], D && 'A cue in the sentence, the list lead-in, or the default.'),
              }),
            }),
          ),
          attributions: list(
            D && 'Responsibility attributions: actor -> relation -> target.',
            object(D && 'One attribution with its quote.', {
              id: id(D && 'Attribution id.'),
              sentence: id(D && 'Sentence that carries it.'),
              actor: oneOf(ACTOR_IDS, D && 'Actor id.'),
              relation: oneOf(RELATION_IDS, D && 'Relation id.'),
              target: str(D && 'What the actor is blamed for, must bear, is exempted from or credited with.'),
              quote: str(D && 'The exact words of the sentence: document.text.slice(start, end).'),
              start,
              end,
              rationale: str(D && 'One line on why the analyst (or the rule) reads it so.'),
              source: oneOf(['curated', 'suggested'], D && 'Curated by an analyst, or suggested by the rules.'),
            }),
          ),
          dateReferences: list(
            D && 'Dates the statement mentions.',
            object(D && 'One dated reference.', {
              start,
              end,
              text: str(D && 'The date as written.'),
              date: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: D && 'ISO date or month.' },
              sentence: id(D && 'Sentence id.'),
            }),
          ),
          aggregates: object(D && 'Counts the charts draw.', {
            themeTotals: list(
              D && 'Per theme, in codebook order, zero included.',
              object(D && 'Theme total.', { theme: oneOf(THEME_IDS, D && 'Theme id.'), sentences: int(D && 'Sentences.'), words: int(D && 'Words in them.') }),
            ),
            coOccurrence: list(
              D && 'Theme pairs sharing sentences (a before b in codebook order), non-zero only.',
              object(D && 'Pair.', { a: oneOf(THEME_IDS, D && 'Theme.'), b: oneOf(THEME_IDS, D && 'Theme.'), sentences: int(D && 'Shared sentences.') }),
            ),
            themesByParagraph: list(
              D && 'Non-zero sentence counts per paragraph and theme.',
              object(D && 'Cell.', { paragraph: id(D && 'Paragraph id.'), theme: oneOf(THEME_IDS, D && 'Theme.'), sentences: int(D && 'Sentences.') }),
            ),
            modalityByTheme: list(
              D && 'Non-zero counts per theme and modality.',
              object(D && 'Cell.', {
                theme: oneOf(THEME_IDS, D && 'Theme.'),
                modality: oneOf(MODALITY_IDS, D && 'Modality.'),
                sentences: int(D && 'Sentences.'),
                words: int(D && 'Words.'),
              }),
            ),
            attributionLinks: list(
              D && 'Attributions grouped by actor, relation and target.',
              object(D && 'Link.', {
                actor: oneOf(ACTOR_IDS, D && 'Actor.'),
                relation: oneOf(RELATION_IDS, D && 'Relation.'),
                target: str(D && 'Target.'),
                attributions: list(D && 'Attribution ids.', id(D && 'Attribution id.')),
              }),
            ),
          }),
        }),
      ),
      minItems: 1,
    },
  }),
};
