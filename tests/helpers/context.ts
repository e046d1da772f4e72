import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, within } from '@testing-library/svelte';
import { beforeEach, vi, type Mock } from 'vitest';
import type { ChartProps } from '../../src/lib/charts/types.ts';
import type { Scheme } from '../../src/lib/charts/palette.ts';
import { emptySelection, selectedSentences, type Selection } from '../../src/lib/data/queries.ts';
import type {
  ContextData,
  ContextLoad,
  GcmContext,
  OutcomeMap,
} from '../../src/lib/context/types.ts';
import { codebook, doc } from './dataset.ts';

/** The committed GCM context and outcome map, as the app loads them. */
const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');
export const contextPath = resolve(dataDir, 'gcm-context.json');
export const outcomesPath = resolve(dataDir, 'gcm-outcomes.json');
export const gcmContext: GcmContext = JSON.parse(readFileSync(contextPath, 'utf8'));
export const outcomeMap: OutcomeMap = JSON.parse(readFileSync(outcomesPath, 'utf8'));
export const contextData: ContextData = { context: gcmContext, outcomes: outcomeMap };
export const contextLoad: ContextLoad = { ok: true, ...contextData };

export interface ContextView {
  readonly onselect: Mock<ChartProps['onselect']>;
  readonly onhover: Mock<ChartProps['onhover']>;
  readonly ondrawn: Mock<() => void>;
  /** The view's props: the committed statement, these callbacks and `load` (the committed
   * context unless given; null while it loads). */
  props(selection?: Selection, scheme?: Scheme, load?: ContextLoad | null): ChartProps;
}

/**
 * For a test file of a GCM context view (the process timeline, the outcome map): its props,
 * and its callbacks as mocks made afresh before each test. Call it once, at the top of the file.
 */
export function useContextView(): ContextView {
  let calls: Pick<ContextView, 'onselect' | 'onhover' | 'ondrawn'>;
  beforeEach(() => {
    calls = {
      onselect: vi.fn<ChartProps['onselect']>(),
      onhover: vi.fn<ChartProps['onhover']>(),
      ondrawn: vi.fn<() => void>(),
    };
  });
  return {
    get onselect() {
      return calls.onselect;
    },
    get onhover() {
      return calls.onhover;
    },
    get ondrawn() {
      return calls.ondrawn;
    },
    props(selection = { ...emptySelection }, scheme = 'light', load = contextLoad) {
      return {
        doc,
        codebook,
        scheme,
        selection,
        highlight: selectedSentences(doc, selection),
        ...calls,
        context: load,
      };
    },
  };
}

/**
 * Opens a GCM context view's "Show as table" by its summary, as a reader does, and waits for
 * its tables (the events and the phases, or the demands and the objectives), which load only
 * then.
 */
export async function openContextTables(
  root: HTMLElement,
): Promise<{ details: HTMLDetailsElement; tables: HTMLTableElement[] }> {
  const details = root.querySelector<HTMLDetailsElement>('details.table-alternative');
  if (!details) throw new Error('no "Show as table" details');
  await fireEvent.click(details.querySelector('summary')!);
  const tables = (await within(details).findAllByRole(
    'table',
    {},
    { timeout: 5000 },
  )) as HTMLTableElement[];
  return { details, tables };
}
