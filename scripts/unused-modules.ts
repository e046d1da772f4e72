/**
 * Leaves out of the app's bundle the modules it imports but never runs. Observable Plot imports
 * map projections (d3-geo), named colour schemes (d3-scale-chromatic), calendar intervals and
 * date formats (d3-time, d3-time-format), legend ramps (d3-axis and its own legend modules), and
 * its pointer and tip interactions whatever marks a chart uses; the dashboard draws no maps, no
 * dates, no Plot legends or tips, and gives every colour itself. Each such module is replaced by
 * one with the same export names whose values throw, naming the export, as soon as anything
 * calls or reads them: if a chart ever starts to need one, it fails loudly in the tests.
 */
import type { Plugin } from 'vite';

const PREFIX = '\0unused:';

/**
 * `modules`: package names, or files inside a package (`package/path/file.js`). `keep` names
 * the exports that importers call as they load (Plot builds a few values at start-up); those
 * come from the real module.
 */
export function unusedModules(
  modules: readonly string[],
  keep: Readonly<Record<string, readonly string[]>> = {},
): Plugin {
  const files = modules.filter((m) => m.endsWith('.js'));
  const packages = modules.filter((m) => !m.endsWith('.js'));
  return {
    name: 'gcm:unused-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (packages.includes(source)) return PREFIX + source;
      if (!importer || !source.startsWith('.') || !importer.includes('/node_modules/')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const file = files.find((f) => resolved?.id.endsWith(`/node_modules/${f}`));
      return file ? PREFIX + resolved!.id : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const module = id.slice(PREFIX.length);
      const name = module.startsWith('/') ? module.replace(/.*\/node_modules\//, '') : module;
      const kept = keep[name] ?? [];
      const exports = Object.keys((await import(module)) as Record<string, unknown>).filter(
        (e) => !kept.includes(e),
      );
      const real = kept.length ? await this.resolve(module, undefined, { skipSelf: true }) : null;
      if (kept.length && !real) throw new Error(`cannot find ${name} to keep ${kept.join(', ')}`);
      return [
        ...(real ? [`export { ${kept.join(', ')} } from ${JSON.stringify(real.id)};`] : []),
        `const unused = (name) => {`,
        `  const fail = () => {`,
        `    throw new Error(\`\${name} (from ${name}) is not part of the dashboard's build\`);`,
        `  };`,
        `  return new Proxy(function () {}, { apply: fail, construct: fail, get: fail });`,
        `};`,
        ...exports.map((e) => `export const ${e} = unused(${JSON.stringify(e)});`),
      ].join('\n');
    },
  };
}
