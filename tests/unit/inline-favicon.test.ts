import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataUrl, inlineFavicon } from '../../scripts/inline-favicon.ts';

const icon = fileURLToPath(new URL('../../src/favicon.png', import.meta.url));
const page = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
const transform = (html: string) =>
  (inlineFavicon().transformIndexHtml as { handler: (html: string) => string }).handler(html);

describe("the page's icon, inlined", () => {
  it('writes the icon of index.html into the page as a PNG data: URL of the same bytes', () => {
    const html = transform(page);
    const href = /<link\b[^>]*\brel="icon"[^>]*\bhref="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(href.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(href.split(',')[1], 'base64')).toEqual(readFileSync(icon));
    // The rest of the page is as it was.
    expect(html.replace(href, '/src/favicon.png')).toBe(page);
  });

  it('refuses an icon that is not a PNG file, naming it', () => {
    const svg = icon.replace(/\.png$/, '.svg');
    expect(() => dataUrl(svg)).toThrow(`${svg}: the page's icon must be a PNG file`);
  });
});
