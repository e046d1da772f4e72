import { EVENT_KINDS, VERDICTS } from './types.ts';

/**
 * JSON Schemas of `data/gcm-context.json` and of the curated `data/gcm-outcomes.json`, in the
 * subset `src/lib/data/validate.ts` checks. What a schema cannot say (real dates, objectives
 * and sentences that exist, quotes inside their sentence) is checked in `validate.ts`.
 */

const str = (description: string) => ({ type: 'string', description });
const list = (description: string, items: object, minItems?: number) => ({
  type: 'array',
  description,
  items,
  ...(minItems === undefined ? {} : { minItems }),
});
const object = (description: string, properties: Record<string, object>) => ({
  type: 'object',
  description,
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const date = (description: string) => ({
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description,
});
const url = { type: 'string', pattern: '^https?://\\S+$', description: 'A public web address.' };
const id = (description: string) => ({ type: 'string', pattern: '^[a-z][a-z0-9_]*$', description });

export const eventSchema = object('One dated event of the GCM process.', {
  start: date('First day (YYYY-MM-DD).'),
  end: {
    description: 'Last day, or null for one day.',
    oneOf: [{ type: 'null' }, date('Last day.')],
  },
  label: str('What happened, as the source puts it.'),
  document: {
    description: 'UN document symbol, or null.',
    oneOf: [{ type: 'null' }, str('Document symbol.')],
  },
  kind: { enum: [...EVENT_KINDS], description: 'Kind of event: the row it is drawn in.' },
  sources: list('Where it is documented.', url, 1),
});

export const contextSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Verified facts about the Global Compact for Safe, Orderly and Regular Migration',
  ...object('Events of the process, the 23 objectives and the provisions the views cite.', {
    about: str('What the file holds and what is not verified.'),
    events: list('Events, each with its sources.', eventSchema, 1),
    objectives: list(
      'The objectives of the compact.',
      object('One objective.', {
        number: { type: 'integer', minimum: 1, description: 'Objective number.' },
        title: str('Title as adopted.'),
        source: str('Where the compact states it.'),
      }),
      1,
    ),
    provisions: list(
      'Provisions of the compact the outcome map cites.',
      object('One provision.', {
        id: id('Stable id the outcome map refers to.'),
        paragraph: str('Paragraph of the compact, e.g. "15(b)".'),
        summary: str('What it says, in one sentence.'),
        source: url,
      }),
    ),
  }),
};

export const outcomeEntrySchema = object('One demand or rejection and what became of it.', {
  sentence: { type: 'string', pattern: '^s\\d+$', description: 'Sentence id in the dataset.' },
  quote: str('Words that occur in that sentence, exactly as written.'),
  objectives: list('GCM objective numbers that answer it.', { type: 'integer', minimum: 1 }),
  provisions: list('Provision ids of the context that answer it.', id('Provision id.')),
  verdict: { enum: [...VERDICTS], description: 'How far the compact took it up.' },
  rationale: str('One line citing the objective or paragraph of the compact.'),
  sources: list('Sources of what it cites, as the context names them.', str('A source.'), 1),
});

export const outcomeMapSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'What the Global Compact for Migration made of each demand and rejection of a statement',
  ...object('Curated by hand; checked by `npm run data` against the dataset and the context.', {
    about: str('What the file holds and how its verdicts are meant.'),
    document: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_.-]*$',
      description: 'Dataset document id of the statement.',
    },
    entries: list('One entry per demand or rejection, in reading order.', outcomeEntrySchema, 1),
  }),
};
