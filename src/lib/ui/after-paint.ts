/**
 * Runs `task` once the next frame is painted: a requestAnimationFrame callback runs just before
 * the browser paints, and a task it queues runs after. For work the frame should not wait for.
 */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task));
}
