import type { Span } from '../lib/data/types.ts';

/**
 * Segmentation: text -> title, paragraphs, list items and sentences, each a span of the
 * original text. Nothing is normalised or rewritten, so `text.slice(start, end)` is always
 * the unit's text.
 */

export interface RawParagraph extends Span {
  kind: 'prose' | 'list';
}
export interface RawListItem extends Span {
  paragraph: number;
  marker: Span;
}
export interface RawSentence extends Span {
  paragraph: number;
  /** Index into `listItems`, or -1 for a sentence of running prose. */
  listItem: number;
  emphasis: Span[];
}
export interface Segmentation {
  title: Span | null;
  paragraphs: RawParagraph[];
  listItems: RawListItem[];
  sentences: RawSentence[];
}

interface Piece extends Span {
  kind: 'prose' | 'item';
  marker?: Span;
}

/** A bullet: "-", "–", "—", "•", "▪", "◦" or "*" followed by white space, at the start of a line. */
const BULLET_AT_LINE_START = /^[ \t]*([-–—•▪◦*])[ \t]+(?=\S)/;
/** Two items written on one line: "…migrants; - Combating …". */
const BULLET_AFTER_SEMICOLON = /;[ \t]+([-–—•▪◦])[ \t]+(?=\S)/g;
/** What closes an item but is not part of it: ";", "; and", "; or", ",", ".". */
const ITEM_CLOSER = /(?:;\s*(?:and|or)|[;,.])\s*$/;
/** Sentence-final punctuation with any closing quotes or brackets after it. */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EMPHASIS = /\*(?=[^\s*])[^*\n]*?[^\s*]\*|\*[^\s*]\*/g;

/**
 * Abbreviations that are also common words at the end of a sentence ("We say no. They…",
 * "a work of art. It…"): they hold the sentence open only before a number ("No. 5", "Art. 3").
 */
const BEFORE_NUMBER_ONLY = new Set(['no', 'nos', 'art', 'arts']);

/** Words that end in a period without ending the sentence (compared in lower case). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'art',
  'arts',
  'para',
  'paras',
  'e.g',
  'i.e',
  'cf',
  'vs',
  'viz',
  'approx',
  'incl',
  'ref',
  'vol',
  'p',
  'pp',
  'ch',
  'sec',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.n',
  'u.s',
  'u.k',
  'e.u',
  'u.s.a',
  'h.e',
  'amb',
  'gen',
  'gov',
  'rev',
  'res',
  'doc',
  'op',
]);

export function segment(text: string): Segmentation {
  const pieces = splitPieces(text);
  const result: Segmentation = { title: null, paragraphs: [], listItems: [], sentences: [] };
  let first = 0;
  if (pieces.length > 1 && isTitle(text, pieces[0])) {
    result.title = { start: pieces[0].start, end: pieces[0].end };
    first = 1;
  }
  let current: RawParagraph | null = null;
  for (let i = first; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === 'prose') {
      current = { start: piece.start, end: piece.end, kind: 'prose' };
      result.paragraphs.push(current);
      const paragraph = result.paragraphs.length - 1;
      for (const span of splitSentences(text, piece)) {
        result.sentences.push({
          ...span,
          paragraph,
          listItem: -1,
          emphasis: emphasisIn(text, span),
        });
      }
      // A prose paragraph ending with a colon introduces the list that follows it.
      if (!(text.slice(piece.start, piece.end).endsWith(':') && pieces[i + 1]?.kind === 'item')) {
        current = null;
      }
      continue;
    }
    if (current === null) {
      current = { start: piece.start, end: piece.end, kind: 'list' };
      result.paragraphs.push(current);
    }
    const paragraph = result.paragraphs.length - 1;
    const item = itemBody(text, piece);
    if (item === null) continue; // a bullet with no words makes no item and no list
    current.kind = 'list';
    current.end = piece.end;
    result.listItems.push({ start: item.start, end: item.end, paragraph, marker: piece.marker! });
    const listItem = result.listItems.length - 1;
    for (const span of splitSentences(text, item)) {
      result.sentences.push({ ...span, paragraph, listItem, emphasis: emphasisIn(text, span) });
    }
  }
  return dropEmptyParagraphs(result);
}

/** A list whose items all turned out empty leaves a paragraph with no sentence: drop it. */
function dropEmptyParagraphs(result: Segmentation): Segmentation {
  const used = new Set(result.sentences.map((s) => s.paragraph));
  if (used.size === result.paragraphs.length) return result;
  const newIndex = new Map<number, number>();
  const paragraphs = result.paragraphs.filter((_, index) => {
    if (!used.has(index)) return false;
    newIndex.set(index, newIndex.size);
    return true;
  });
  return {
    title: result.title,
    paragraphs,
    listItems: result.listItems.map((item) => ({
      ...item,
      paragraph: newIndex.get(item.paragraph)!,
    })),
    sentences: result.sentences.map((s) => ({ ...s, paragraph: newIndex.get(s.paragraph)! })),
  };
}

/** Lines grouped into prose runs and bullet items; blank lines separate runs. */
function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let open: Piece | null = null;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = lineRe.exec(text); match && match[0] !== ''; match = lineRe.exec(text)) {
    const line = trimSpan(text, { start: match.index, end: match.index + match[0].length });
    if (line.start === line.end) {
      open = null;
      continue;
    }
    const raw = text.slice(line.start, line.end);
    const bullet = BULLET_AT_LINE_START.exec(raw);
    if (bullet && !isEmphasisStart(raw)) {
      const markerStart = line.start + raw.indexOf(bullet[1]);
      for (const item of splitShared(text, { start: markerStart, end: line.end })) {
        open = item;
        pieces.push(item);
      }
      continue;
    }
    if (open) {
      open.end = line.end; // a continuation line of the paragraph or of the item
    } else {
      open = { kind: 'prose', start: line.start, end: line.end };
      pieces.push(open);
    }
  }
  return pieces;
}

/** "*Note* that…" opens with emphasis, not with a bullet. */
function isEmphasisStart(line: string): boolean {
  return /^[ \t]*\*\S[^*]*\*/.test(line);
}

/** One bullet line may hold several items: "- a; - b". `span` starts at the first marker. */
function splitShared(text: string, span: Span): Piece[] {
  const items: Piece[] = [];
  const line = text.slice(span.start, span.end);
  let markerAt = 0;
  BULLET_AFTER_SEMICOLON.lastIndex = 0;
  for (let m = BULLET_AFTER_SEMICOLON.exec(line); m; m = BULLET_AFTER_SEMICOLON.exec(line)) {
    const next = m.index + m[0].indexOf(m[1]);
    items.push(itemPiece(span.start + markerAt, span.start + m.index + 1));
    markerAt = next;
  }
  items.push(itemPiece(span.start + markerAt, span.end));
  return items;
}

function itemPiece(markerStart: number, end: number): Piece {
  return {
    kind: 'item',
    start: markerStart,
    end,
    marker: { start: markerStart, end: markerStart + 1 },
  };
}

/** The item's words: after the marker, without the ";" / "; and" / "." that closes it. */
function itemBody(text: string, piece: Piece): Span | null {
  let span = trimSpan(text, { start: piece.marker!.end, end: piece.end });
  const closer = ITEM_CLOSER.exec(text.slice(span.start, span.end));
  if (closer) span = trimSpan(text, { start: span.start, end: span.start + closer.index });
  return LETTER_OR_DIGIT.test(text.slice(span.start, span.end)) ? span : null;
}

function isTitle(text: string, piece: Piece): boolean {
  if (piece.kind !== 'prose') return false;
  const words = text.slice(piece.start, piece.end);
  if (/[\r\n]/.test(words) || /[.!?;:,]["'”’)]*$/.test(words)) return false;
  return LETTER_OR_DIGIT.test(words) && words.split(/\s+/).length <= 40;
}

/** Sentence spans inside `span`, trimmed; spans without a letter or digit are dropped. */
export function splitSentences(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  const sentences: Span[] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
    const end = m.index + m[0].length;
    if (end < body.length && !/\s/.test(body[end])) continue;
    if (!endsSentence(body, m.index, m[0], end)) continue;
    pushSentence(text, sentences, span.start + from, span.start + end);
    from = end;
  }
  pushSentence(text, sentences, span.start + from, span.end);
  return sentences;
}

function endsSentence(body: string, at: number, punctuation: string, end: number): boolean {
  const next = /\S/.exec(body.slice(end));
  if (!next) return true;
  const following = next[0];
  if (/\p{Ll}/u.test(following)) return false; // "e.g. the", "approx. five"
  if (punctuation.startsWith('.') && punctuation.length === 1) {
    const word = /([\p{L}.]+)$/u.exec(body.slice(0, at))?.[1] ?? '';
    const lower = word.toLowerCase();
    const holdsOpen = BEFORE_NUMBER_ONLY.has(lower) ? /\d/.test(following) : true;
    if (ABBREVIATIONS.has(lower) && holdsOpen) return false;
    if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  }
  return true;
}

function pushSentence(text: string, into: Span[], start: number, end: number): void {
  const span = trimSpan(text, { start, end });
  if (LETTER_OR_DIGIT.test(text.slice(span.start, span.end))) into.push(span);
}

function emphasisIn(text: string, span: Span): Span[] {
  const found: Span[] = [];
  const body = text.slice(span.start, span.end);
  EMPHASIS.lastIndex = 0;
  for (let m = EMPHASIS.exec(body); m; m = EMPHASIS.exec(body)) {
    found.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return found;
}

export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const WORD = /[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
