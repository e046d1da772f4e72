import type { Dataset } from '../lib/data/types.ts';
import type { GcmContext } from '../lib/context/types.ts';
import {
  contextProblem,
  outcomeDocumentProblem,
  outcomeMapProblem,
  type Problem,
} from '../lib/context/validate.ts';
import { PipelineError } from './errors.ts';

/**
 * The curated outcome map (`data/gcm-outcomes.json`, written by hand and never by the
 * pipeline) and the GCM context, checked against each other and against the dataset the run
 * builds. The first problem stops the run, naming the file, the entry and the problem.
 */
export function checkContext(raw: unknown, file: string): GcmContext {
  const found = contextProblem(raw);
  if (found) throw new PipelineError(file, found.where, found.problem);
  return raw as GcmContext;
}

export function checkOutcomeMap(
  source: string,
  file: string,
  dataset: Dataset,
  context: GcmContext,
): void {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new PipelineError(file, null, `invalid JSON: ${(error as Error).message}`);
  }
  const fail = (found: Problem | null) => {
    if (found) throw new PipelineError(file, found.where, found.problem);
  };
  fail(outcomeMapProblem(raw, context));
  const map = raw as { document: string } & Parameters<typeof outcomeDocumentProblem>[0];
  const doc = dataset.documents.find((d) => d.id === map.document);
  if (!doc) {
    const known = dataset.documents.map((d) => d.id).join(', ');
    throw new PipelineError(
      file,
      null,
      `unknown document "${map.document}" (the dataset has ${known})`,
    );
  }
  fail(outcomeDocumentProblem(map, doc));
}
