/**
 * npm run data                                  seeds/ -> data/
 * npm run data -- --input <text> --out <json>   one statement -> one dataset file
 * npm run data -- --check                       fails when data/ is not what seeds/ give
 * npm run data -- --suggest                     prints rule-based attribution candidates
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../lib/data/types.ts';
import { buildDataset, buildDocument, serialize } from './build.ts';
import { PipelineError } from './errors.ts';
import { dataFiles, loadRules, readStatement, relativeTo, writeAtomically } from './io.ts';
import { suggestAttributions } from './annotations.ts';

function option(args: string[], name: string): string | null {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const value = args[at + 1];
  if (!value || value.startsWith('--'))
    throw new PipelineError('command line', name, 'needs a file name after it');
  return value;
}

function main(args: string[]): void {
  const root = process.cwd();
  const input = option(args, '--input');
  const out = option(args, '--out');
  if (input || out) {
    if (!input || !out)
      throw new PipelineError('command line', null, '--input and --out go together');
    const { codebook, dictionary } = loadRules(root);
    const statement = readStatement(root, relativeTo(root, resolve(input)), null);
    const dataset = buildDataset([buildDocument(statement, codebook, dictionary)], codebook);
    writeAtomically(root, { [relativeTo(root, resolve(out))]: serialize(dataset) });
    const doc = dataset.documents[0];
    console.log(
      `${out}: ${doc.counts.sentences} sentences, ${doc.counts.themeCodings} theme codings, ` +
        `${doc.counts.attributions} suggested attributions`,
    );
    return;
  }
  const files = dataFiles(root);
  if (args.includes('--check')) {
    const stale = Object.entries(files).filter(
      ([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text,
    );
    if (stale.length > 0) {
      throw new PipelineError(
        stale.map(([f]) => f).join(', '),
        null,
        'out of date: run npm run data',
      );
    }
    console.log('data/ is up to date');
    return;
  }
  if (args.includes('--suggest')) {
    const { dictionary } = loadRules(root);
    const dataset = JSON.parse(files['data/dataset.json']) as Dataset;
    for (const doc of dataset.documents) {
      for (const s of suggestAttributions(doc.text, doc.sentences, dictionary)) {
        console.log(`${doc.id} ${s.sentence} ${s.actor} -> ${s.relation}: "${s.quote}"`);
      }
    }
    return;
  }
  writeAtomically(root, files);
  for (const file of Object.keys(files))
    console.log(`wrote ${file} (${Buffer.byteLength(files[file])} bytes)`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof PipelineError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
