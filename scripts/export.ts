/**
 * npm run export: every chart (or the ones named) as a standalone SVG file, drawn by the app's
 * own chart code, and the coded sentences as CSV. `npm run export -- --help` for the options.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, parseExportArgs, type ExportOptions } from '../src/lib/export/cli-options.ts';
import { exportFileName } from '../src/lib/export/compose.ts';
import { codedSentencesCsv } from '../src/lib/export/csv.ts';
import { createExporter } from '../src/lib/export/node.ts';
import { datasetProblem } from '../src/lib/data/load.ts';
import type { Dataset } from '../src/lib/data/types.ts';
import { parseContextData } from '../src/lib/context/load.ts';
import type { ContextData } from '../src/lib/context/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const datasetPath = join(root, 'data/dataset.json');

function write(path: string, text: string): void {
  // Through a temporary file, so a failed run never leaves half a file behind.
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  console.log(`wrote ${relative(process.cwd(), path)} (${kb} kB)`);
}

async function main(options: ExportOptions): Promise<void> {
  const dataset = JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset;
  const problem = datasetProblem(dataset);
  if (problem)
    throw new Error(`${relative(process.cwd(), datasetPath)} is not usable: ${problem}.`);
  const doc = dataset.documents[0];
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });

  // The process timeline and the outcome map also draw the GCM context and the outcome map.
  let context: ContextData | undefined;
  if (options.charts.some((c) => c === 'process-timeline' || c === 'outcome-map')) {
    const text = (file: string) => readFileSync(join(root, file), 'utf8');
    context = parseContextData(text('data/gcm-context.json'), text('data/gcm-outcomes.json'), doc);
  }

  const exporter = await createExporter();
  try {
    for (const chart of options.charts) {
      const input = {
        chart,
        doc,
        codebook: dataset.codebook,
        scheme: options.scheme,
        selection: options.selection,
        width: options.width,
        measure: options.measure,
        context,
      };
      write(join(out, exportFileName(input, 'svg')), exporter.render(input).svg);
    }
  } finally {
    await exporter.close();
  }
  if (options.csv) {
    write(join(out, 'coded-sentences.csv'), codedSentencesCsv(dataset.documents, dataset.codebook));
  }
}

let options: ExportOptions;
try {
  options = parseExportArgs(process.argv.slice(2));
} catch (error) {
  console.error(`export: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
} else {
  try {
    await main(options);
  } catch (error) {
    console.error(`export: ${(error as Error).message}`);
    process.exit(1);
  }
}
