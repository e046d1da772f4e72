/** A problem with the pipeline's input: names the file, where in it, and what is wrong. */
export class PipelineError extends Error {
  readonly file: string;
  readonly where: string | null;
  readonly problem: string;

  constructor(file: string, where: string | null, problem: string) {
    super(`${file}${where ? `: ${where}` : ''}: ${problem}`);
    this.name = 'PipelineError';
    this.file = file;
    this.where = where;
    this.problem = problem;
  }
}

/** 1-based line number of the character at `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** "line N" of the first occurrence of `needle` after `from`, or null when it is absent. */
export function lineOf(text: string, needle: string, from = 0): string | null {
  const index = text.indexOf(needle, from);
  return index < 0 ? null : `line ${lineAt(text, index)}`;
}
