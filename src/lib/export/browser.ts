import { flushSync, mount, unmount } from 'svelte';
import { MARKUP_CHARTS } from './components.ts';
import { chartProps, composeExport, exportFileName, themeOverviewSvg } from './compose.ts';
import type { StandaloneFile } from './standalone.ts';
import type { ExportFormat, ExportInput } from './types.ts';

/**
 * The app's side of the export, loaded only when a download button is pressed. The chart is
 * drawn again off-screen at the width it has on screen (a detached element: no focus ring,
 * no hover, no brush), then framed by the same composer `npm run export` uses.
 */

/** The chart's root <svg>, drawn off-screen by the app's own component (or Plot). */
export function chartSvg(input: ExportInput, document: Document = window.document): Element {
  if (input.chart === 'theme-overview') return themeOverviewSvg(input, document);
  const target = document.createElement('div');
  const app = mount(MARKUP_CHARTS[input.chart], { target, props: chartProps(input) });
  try {
    flushSync();
    const svg = target.querySelector('svg[data-chart-svg]');
    if (!svg) throw new Error(`the ${input.chart} chart drew nothing to export`);
    return svg.cloneNode(true) as Element;
  } finally {
    void unmount(app);
  }
}

export function exportFile(
  input: ExportInput,
  document: Document = window.document,
): StandaloneFile {
  return composeExport(input, chartSvg(input, document), document);
}

/** Draws the SVG on a canvas at `scale` times its size (an Image from a blob URL: CSP allows it). */
export async function pngFromSvg(file: StandaloneFile, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([file.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the SVG'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(file.width * scale);
    canvas.height = Math.round(file.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser has no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is kept a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function downloadChart(input: ExportInput, format: ExportFormat): Promise<void> {
  const file = exportFile(input);
  const blob =
    format === 'svg'
      ? new Blob([file.svg], { type: 'image/svg+xml;charset=utf-8' })
      : await pngFromSvg(file, 2);
  save(blob, exportFileName(input, format));
}
