import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ContextData,
  ContextLoad,
  GcmContext,
  OutcomeMap,
} from '../../src/lib/context/types.ts';

/** The committed GCM context and outcome map, as the app loads them. */
const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');
export const contextPath = resolve(dataDir, 'gcm-context.json');
export const outcomesPath = resolve(dataDir, 'gcm-outcomes.json');
export const gcmContext: GcmContext = JSON.parse(readFileSync(contextPath, 'utf8'));
export const outcomeMap: OutcomeMap = JSON.parse(readFileSync(outcomesPath, 'utf8'));
export const contextData: ContextData = { context: gcmContext, outcomes: outcomeMap };
export const contextLoad: ContextLoad = { ok: true, ...contextData };
