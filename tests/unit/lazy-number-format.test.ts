import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EAGER, LAZY, lazyNumberFormat } from '../../scripts/lazy-number-format.ts';

const id = fileURLToPath(
  new URL('../../node_modules/@observablehq/plot/src/format.js', import.meta.url),
);
const installed = readFileSync(id, 'utf8');
const context = {
  error(message: string): never {
    throw new Error(message);
  },
};
const transform = (code: string, file = id) =>
  (
    lazyNumberFormat().transform as (this: typeof context, code: string, id: string) => unknown
  ).call(context, code, file) as { code: string } | null;

describe("Plot's number formatter, built on first use", () => {
  it('rewrites the installed Plot so that loading it builds no formatter', () => {
    const code = transform(installed)!.code;
    expect(code).toContain(LAZY);
    expect(code).not.toContain(EAGER);
    // The rest of the module is as it was.
    expect(code.replace(LAZY, EAGER)).toBe(installed);
  });

  it('leaves every other module alone', () => {
    expect(transform(installed, id.replace('format.js', 'options.js'))).toBeNull();
  });

  it('stops the build, naming the file, when Plot no longer reads as expected', () => {
    expect(() =>
      transform(installed.replace('const format = numberFormat', 'const f = numberFormat')),
    ).toThrow('node_modules/@observablehq/plot/src/format.js: formatNumber is not written as');
  });
});
