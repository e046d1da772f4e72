/**
 * Chart boxes' widths, read without laying the page out once per chart: a box is measured
 * after the update that mounted it, together with every other box mounted in that update, then
 * told its new width whenever it changes.
 */

type Setter = (width: number) => void;
/** Every box, and what to tell its width to: when it is first measured, and when it changes
 * (after a layout: nothing forces one). */
const observed = new Map<Element, Setter>();
/** Boxes mounted and not measured yet. Measuring each as it mounts would lay the page out again
 * for each chart, after the one before it was drawn. */
const unmeasured = new Set<HTMLElement>();
let observer: ResizeObserver | undefined;

function measureUnmeasured() {
  const boxes = [...unmeasured];
  unmeasured.clear();
  // Every width is read before any is set: the page is laid out once for all of them.
  const widths = boxes.map((box) => box.clientWidth);
  boxes.forEach((box, i) => observed.get(box)?.(widths[i]));
}

/** When the boxes mounted in one update are measured: once that update is done. (A page with no
 * layout engine, as the component tests' DOM, may measure each at once: nothing to lay out.) */
export const measuring = { soon: (measure: () => void): void => queueMicrotask(measure) };

/** Tells `set` the width of `box` (its clientWidth) soon and when it changes; returns the stop. */
export function watchWidth(box: HTMLElement, set: Setter): () => void {
  observed.set(box, set);
  unmeasured.add(box);
  if (unmeasured.size === 1) measuring.soon(measureUnmeasured);
  observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) observed.get(target)?.(target.clientWidth);
  });
  observer.observe(box);
  return () => {
    unmeasured.delete(box);
    observed.delete(box);
    observer?.unobserve(box);
  };
}
