import type { StatementDocument } from '../data/types.ts';
import {
  contextProblem,
  describeProblem,
  outcomeDocumentProblem,
  outcomeMapProblem,
} from './validate.ts';
import type { ContextData, ContextLoad, GcmContext, OutcomeMap } from './types.ts';

/** Fetches one JSON file; a failure becomes a sentence a reader can act on. */
async function fetchJson(
  url: string,
  what: string,
  fetcher: typeof fetch,
): Promise<{ ok: true; raw: unknown } | { ok: false; error: string }> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch {
    return {
      ok: false,
      error: `${what} could not be fetched from ${url}: the network request failed.`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      error: `${what} is missing: ${url} answered ${response.status} ${response.statusText}.`,
    };
  }
  try {
    return { ok: true, raw: JSON.parse(await response.text()) };
  } catch (error) {
    return {
      ok: false,
      error: `${what} is not valid JSON (truncated or damaged): ${(error as Error).message}.`,
    };
  }
}

/**
 * Fetches the GCM context and the outcome map (two files, fetched side by side) and checks
 * them, and the map against the context. Checks against the statement itself (sentences,
 * quotes) need the dataset: `outcomeDocumentProblem`, run by the outcome view.
 */
export async function loadContext(
  urls: { context: string; outcomes: string },
  fetcher: typeof fetch = fetch,
): Promise<ContextLoad> {
  const [context, outcomes] = await Promise.all([
    fetchJson(urls.context, 'The GCM context', fetcher),
    fetchJson(urls.outcomes, 'The outcome map', fetcher),
  ]);
  if (!context.ok) return context;
  const contextFault = contextProblem(context.raw);
  if (contextFault) {
    return { ok: false, error: `The GCM context is not usable: ${describeProblem(contextFault)}.` };
  }
  if (!outcomes.ok) return outcomes;
  const facts = context.raw as GcmContext;
  const mapFault = outcomeMapProblem(outcomes.raw, facts);
  if (mapFault) {
    return { ok: false, error: `The outcome map is not usable: ${describeProblem(mapFault)}.` };
  }
  return { ok: true, context: facts, outcomes: outcomes.raw as OutcomeMap };
}

/**
 * Both files from their text, checked as the app checks them and against `doc`; throws one
 * message on a problem. For Node (`npm run export`, tests), which reads the files itself.
 */
export function parseContextData(
  contextText: string,
  outcomesText: string,
  doc: StatementDocument,
): ContextData {
  const context = JSON.parse(contextText) as unknown;
  const contextFault = contextProblem(context);
  if (contextFault)
    throw new Error(`the GCM context is not usable: ${describeProblem(contextFault)}`);
  const outcomes = JSON.parse(outcomesText) as unknown;
  const facts = context as GcmContext;
  const fault =
    outcomeMapProblem(outcomes, facts) ?? outcomeDocumentProblem(outcomes as OutcomeMap, doc);
  if (fault) throw new Error(`the outcome map is not usable: ${describeProblem(fault)}`);
  return { context: facts, outcomes: outcomes as OutcomeMap };
}
