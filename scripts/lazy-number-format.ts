/**
 * Observable Plot builds its default number formatter, an `Intl.NumberFormat`, as its module
 * loads (`formatDefault = formatAuto()` in src/format.js). The first `Intl.NumberFormat` of a
 * page loads the browser's locale data: 50-110 ms on a 2-core machine, on the dashboard's path
 * to its first drawing, though every number a chart shows is formatted by the app itself. This
 * plugin has Plot build the formatter when it first formats a number instead; the formatter
 * and what it prints stay the same. If Plot's source no longer reads as expected, the build
 * stops and says so.
 */
import type { Plugin } from 'vite';

const FILE = '/node_modules/@observablehq/plot/src/format.js';
export const EAGER = `export function formatNumber(locale = "en-US") {
  const format = numberFormat(locale);
  return (i) => (i != null && !isNaN(i) ? format.format(i) : undefined);
}`;
export const LAZY = `export function formatNumber(locale = "en-US") {
  return (i) => (i != null && !isNaN(i) ? numberFormat(locale).format(i) : undefined);
}`;

export function lazyNumberFormat(): Plugin {
  return {
    name: 'gcm:lazy-number-format',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(FILE)) return null;
      if (!code.includes(EAGER)) {
        this.error(
          `${FILE.slice(1)}: formatNumber is not written as scripts/lazy-number-format.ts expects; ` +
            'compare it with the EAGER text there and update both texts',
        );
      }
      return { code: code.replace(EAGER, LAZY), map: null };
    },
  };
}
