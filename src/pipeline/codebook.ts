import {
  ACTOR_IDS,
  MODALITY_IDS,
  RELATION_IDS,
  THEME_IDS,
  type Codebook,
  type CodebookEntry,
} from '../lib/data/types.ts';
import { PipelineError, lineOf } from './errors.ts';

const SECTIONS = {
  themes: THEME_IDS,
  modalities: MODALITY_IDS,
  actors: ACTOR_IDS,
  relations: RELATION_IDS,
} as const;

/** Parses JSON, turning a syntax error into a message with the file and line. */
export function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position
      ? lineOf(source, source.slice(Number(position[1]), Number(position[1]) + 1))
      : null;
    throw new PipelineError(file, position && line ? line : null, `invalid JSON: ${message}`);
  }
}

/**
 * Checks the project's codebook: every section holds each fixed id exactly once, with a
 * label and a description. Labels may be reworded; ids may not.
 */
export function parseCodebook(source: string, file: string): Codebook {
  const raw = parseJson(source, file) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PipelineError(file, null, 'the codebook must be a JSON object');
  }
  if (typeof raw.version !== 'string' || raw.version === '') {
    throw new PipelineError(
      file,
      lineOf(source, '"version"'),
      '"version" must be a non-empty string',
    );
  }
  const codebook = { version: raw.version } as Codebook;
  for (const [section, fixed] of Object.entries(SECTIONS)) {
    const entries = raw[section];
    if (!Array.isArray(entries)) {
      throw new PipelineError(file, lineOf(source, `"${section}"`), `"${section}" must be a list`);
    }
    const seen = new Set<string>();
    const checked: CodebookEntry<string>[] = [];
    for (const entry of entries as Record<string, unknown>[]) {
      const id = entry?.id;
      if (typeof id !== 'string') {
        throw new PipelineError(
          file,
          lineOf(source, `"${section}"`),
          `an entry of "${section}" has no id`,
        );
      }
      const idLine = () => lineOf(source, `"${id}"`, source.indexOf(`"${section}"`));
      if (!(fixed as readonly string[]).includes(id)) {
        throw new PipelineError(
          file,
          idLine(),
          `unknown ${singular(section)} id "${id}"; the fixed ids are ${fixed.join(', ')}`,
        );
      }
      if (seen.has(id)) {
        const first = source.indexOf(`"${id}"`, source.indexOf(`"${section}"`));
        throw new PipelineError(
          file,
          lineOf(source, `"${id}"`, first + 1),
          `duplicate ${singular(section)} id "${id}"`,
        );
      }
      seen.add(id);
      for (const field of ['label', 'description'] as const) {
        if (typeof entry[field] !== 'string' || (entry[field] as string).trim() === '') {
          throw new PipelineError(file, idLine(), `${singular(section)} "${id}" has no ${field}`);
        }
      }
      checked.push({ id, label: entry.label as string, description: entry.description as string });
    }
    const missing = fixed.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      throw new PipelineError(
        file,
        lineOf(source, `"${section}"`),
        `missing ${singular(section)} id${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
    (codebook as unknown as Record<string, unknown>)[section] = checked;
  }
  return codebook;
}

function singular(section: string): string {
  return section === 'modalities' ? 'modality' : section.slice(0, -1);
}
