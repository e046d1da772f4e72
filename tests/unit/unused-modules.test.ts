import { geoPath } from 'd3-geo';
import { schemeCategory10 } from 'd3-scale-chromatic';
import { utcFormat } from 'd3-time-format';
import { describe, expect, it } from 'vitest';

// The app's build replaces these modules (scripts/unused-modules.ts); test files are built
// with the same config. The browser tests run the production build, where Plot imports them.
describe('modules left out of the build', () => {
  it('keep their export names, and throw, naming the export and its module, when used', () => {
    expect(() => geoPath()).toThrow("geoPath (from d3-geo) is not part of the dashboard's build");
    expect(() => utcFormat('%Y')).toThrow(
      "utcFormat (from d3-time-format) is not part of the dashboard's build",
    );
    expect(() => schemeCategory10[0]).toThrow(
      "schemeCategory10 (from d3-scale-chromatic) is not part of the dashboard's build",
    );
  });
});
