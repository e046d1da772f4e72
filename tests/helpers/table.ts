import { fireEvent, within } from '@testing-library/svelte';

/**
 * Opens a chart's "Show as table" details (the `index`-th in `root`) the way a reader does, by
 * its summary, and waits for the table, which loads only then.
 */
export async function openTable(
  root: HTMLElement,
  index = 0,
): Promise<{ details: HTMLDetailsElement; table: HTMLTableElement }> {
  const details = root.querySelectorAll<HTMLDetailsElement>('details.table-alternative')[index];
  if (!details) throw new Error('no "Show as table" details');
  await fireEvent.click(details.querySelector('summary')!);
  // The first table of a test file waits for the table code to load: give it time.
  const table = (await within(details).findByRole(
    'table',
    {},
    { timeout: 5000 },
  )) as HTMLTableElement;
  return { details, table };
}
