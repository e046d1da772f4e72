import { PipelineError, lineAt } from './errors.ts';

/**
 * Turns a seed file's bytes into text, refusing what is not a readable statement:
 * empty files, binary files and bytes that are not UTF-8. A leading byte-order mark is
 * dropped so that offsets count from the first character a reader sees.
 */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new PipelineError(file, null, 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(new TextDecoder('utf-8').decode(bytes.subarray(0, nul)), nul);
    throw new PipelineError(
      file,
      `line ${line}, byte ${nul}`,
      'the file is binary (it contains a NUL byte), not a text statement',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    throw new PipelineError(
      file,
      `line ${lineAt(before, before.length)}, byte ${bad}`,
      'the file is not valid UTF-8 text; save it as UTF-8',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) ||
      code === 127
    )
      controls++;
  }
  if (controls > 0 && controls * 20 > text.length) {
    throw new PipelineError(file, null, 'the file is binary (mostly control characters)');
  }
  if (text.trim() === '') throw new PipelineError(file, null, 'the file holds only white space');
  return text;
}

/** Byte index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    if (length > 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
      } catch {
        return i;
      }
    }
    i += length;
  }
  return i;
}
