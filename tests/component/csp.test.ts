import { createHash } from 'node:crypto';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, plotStyleHash } from '../../src/csp.ts';

describe('the Content-Security-Policy', () => {
  it('allows exactly the <style> Observable Plot injects, by its hash', () => {
    const svg = Plot.plot({ marks: [Plot.barX([1, 2, 3])], document });
    const style = svg.querySelector('style');
    expect(style).not.toBeNull();
    const hash = createHash('sha256')
      .update(style!.textContent ?? '', 'utf8')
      .digest('base64');
    expect(plotStyleHash).toBe(`'sha256-${hash}'`);
  });

  it('is strict: no inline scripts, no eval, no plugins, no base URI', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'self'", plotStyleHash]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
  });
});
