import { textWidth as dejaVuWidth } from '../charts/attribution/layout.ts';
import { fontFamily, palettes, type Scheme } from '../charts/palette.ts';
import type { LegendEntry, LegendSpec } from '../charts/types.ts';

/**
 * One standalone SVG file from a chart: title, subtitle (the selection), legend, the chart
 * itself and the source line, all as SVG text with explicit colours on a background
 * rectangle. No CSS, no CSS variables, no `currentColor`, no web fonts, no foreignObject, so
 * the file looks the same in a browser, in librsvg and on a slide.
 *
 * The same function runs in the app (on a chart drawn off-screen by Svelte or Plot) and in
 * Node (on the same chart rendered on the server and parsed by jsdom). The chart is copied
 * into a canonical form — comments, interaction attributes and focus rings dropped,
 * attributes sorted, numbers rounded to 2 decimals, referenced ids renumbered — so both give
 * the same bytes for the same state, width and scheme.
 */

export interface StandaloneSpec {
  title: string;
  /** What is selected, or a note that nothing is. */
  subtitle: string;
  /** Longer text for <desc>: what the chart shows and its largest values. */
  description: string;
  legend: LegendSpec;
  source: string;
  scheme: Scheme;
  /** The chart's root <svg>, from any document; it is read, never changed. */
  chart: Element;
  /** The width the chart was drawn for; the file is at least this wide plus its margins. */
  width?: number;
}

const SVG = 'http://www.w3.org/2000/svg';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const SMALL_SIZE = 11;
const LINE = 1.35;
/** Text widths are estimated from DejaVu Sans (the widest common fallback) plus a margin, so
 * a fallback font never runs text past the edge. */
const WIDTH_MARGIN = 1.1;

export function textWidth(text: string, size: number, bold = false): number {
  return dejaVuWidth(text, size, bold) * WIDTH_MARGIN;
}

/** Greedy word wrap to `width` at font `size`; a word longer than a line is cut. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size, bold) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (line.length > 1 && textWidth(line, size, bold) > width) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size, bold) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A number as the file writes it: at most 2 decimals, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Attributes whose numbers are geometry: rounded to 2 decimals in the file. */
const NUMERIC = new Set([
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'dx',
  'dy',
  'width',
  'height',
  'd',
  'points',
  'transform',
  'viewBox',
  'font-size',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'opacity',
  'fill-opacity',
  'stroke-opacity',
  'offset',
]);
/** A decimal, or an integer with a signed exponent (never the digits of a hex colour). */
const DECIMAL = /-?(?:\d*\.\d+(?:e[+-]?\d+)?|\d+e[+-]\d+)/gi;

export function roundNumbers(value: string): string {
  return value.replace(DECIMAL, (token) => num(Number(token)));
}

/** Attributes that only mean something in the live app, or that a file must not carry. */
const DROPPED_ATTRIBUTE =
  /^(class|style|id|tabindex|role|focusable|cursor|pointer-events|xmlns|xmlns:.*|aria-.*|data-.*|on.*)$/i;
/** Elements that never go into the file: scripts, CSS, HTML islands, links. */
const DROPPED_ELEMENT = new Set(['script', 'style', 'foreignObject', 'a', 'image', 'use']);
/** Elements whose text is rendered (or read): whitespace there is content. */
const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath', 'title', 'desc']);

interface CopyContext {
  doc: Document;
  ink: string;
  /** Old id -> new id, for ids something in the chart refers to. */
  ids: Map<string, string>;
}

/** Ids the chart refers to with url(#…) or href="#…", in document order. */
function referencedIds(root: Element): string[] {
  const found = new Set<string>();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      for (const m of attr.value.matchAll(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g)) found.add(m[1]);
      if (/(^|:)href$/.test(attr.name) && attr.value.startsWith('#'))
        found.add(attr.value.slice(1));
    }
  }
  return [...found];
}

function canonicalValue(name: string, value: string, context: CopyContext): string {
  let out = value.replaceAll('currentColor', context.ink);
  if (NUMERIC.has(name)) out = roundNumbers(out);
  out = out.replace(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g, (whole, id: string) =>
    context.ids.has(id) ? `url(#${context.ids.get(id)})` : 'none',
  );
  return out;
}

/** Copies the children of `from` into `to`, canonically (see the module comment). */
function copyChildren(from: Node, to: Element, context: CopyContext, inText: boolean): void {
  for (const child of from.childNodes) {
    if (child.nodeType === 3) {
      const text = (child as Text).data;
      // Whitespace between elements is layout of the markup, not content.
      if (!inText && text.trim() === '') continue;
      const value = text.replace(/\s+/g, ' ');
      const last = to.lastChild;
      if (last && last.nodeType === 3) (last as Text).appendData(value);
      else to.append(context.doc.createTextNode(value));
      continue;
    }
    if (child.nodeType !== 1) continue; // comments, processing instructions
    const source = child as Element;
    const name = source.localName;
    if (source.namespaceURI !== SVG || DROPPED_ELEMENT.has(name)) continue;
    if (source.hasAttribute('data-export-omit')) continue;
    const el = context.doc.createElementNS(SVG, name);
    copyAttributes(source, el, context);
    copyChildren(source, el, context, inText || TEXT_ELEMENTS.has(name));
    trimText(el);
    to.append(el);
  }
}

function copyAttributes(source: Element, el: Element, context: CopyContext): void {
  const attrs = [...source.attributes]
    .filter((a) => a.namespaceURI !== XMLNS && !DROPPED_ATTRIBUTE.test(a.name))
    .filter((a) => !/(^|:)href$/.test(a.name) || context.ids.has(a.value.slice(1)))
    .map((a) => ({ name: a.name, value: canonicalValue(a.name, a.value, context) }));
  const id = source.getAttribute('id');
  if (id && context.ids.has(id)) attrs.push({ name: 'id', value: context.ids.get(id)! });
  for (const a of attrs.sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : 0))) {
    if (/(^|:)href$/.test(a.name)) el.setAttribute('href', `#${context.ids.get(a.value.slice(1))}`);
    else el.setAttribute(a.name, a.value);
  }
}

/** Leading and trailing spaces of a text element are not drawn; dropping them keeps the
 * server-rendered and the browser-rendered markup alike. */
function trimText(el: Element): void {
  if (!TEXT_ELEMENTS.has(el.localName)) return;
  const first = el.firstChild;
  if (first && first.nodeType === 3 && el.localName !== 'tspan') {
    (first as Text).data = (first as Text).data.replace(/^ +/, '');
    if ((first as Text).data === '') first.remove();
  }
  const last = el.lastChild;
  if (last && last.nodeType === 3 && el.localName !== 'tspan') {
    (last as Text).data = (last as Text).data.replace(/ +$/, '');
    if ((last as Text).data === '') last.remove();
  }
}

/** The chart's size from its viewBox (or width and height). */
export function chartSize(chart: Element): { width: number; height: number } {
  const box = chart
    .getAttribute('viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite))
    return { width: box[2], height: box[3] };
  return {
    width: Number(chart.getAttribute('width')) || 640,
    height: Number(chart.getAttribute('height')) || 400,
  };
}

/**
 * The chart's root <svg> as a canonical copy in `doc`: a nested <svg> at (x, y), its own
 * title and desc left out (the file has its own).
 */
export function canonicalChart(chart: Element, doc: Document, ink: string): Element {
  const ids = new Map(referencedIds(chart).map((id, i) => [id, `chart-${i + 1}`]));
  const context: CopyContext = { doc, ink, ids };
  const root = doc.createElementNS(SVG, 'svg');
  const size = chartSize(chart);
  const { width, height } = { width: num(size.width), height: num(size.height) };
  const box = chart.getAttribute('viewBox');
  root.setAttribute('viewBox', box ? roundNumbers(box) : `0 0 ${width} ${height}`);
  for (const name of ['fill', 'font-family', 'font-size', 'font-weight', 'text-anchor']) {
    const value = chart.getAttribute(name);
    if (value !== null) root.setAttribute(name, canonicalValue(name, value, context));
  }
  const body = doc.createElementNS(SVG, 'g');
  copyChildren(chart, body, context, false);
  for (const child of [...body.children]) {
    if (child.localName === 'title' || child.localName === 'desc') child.remove();
  }
  root.append(...body.childNodes);
  return root;
}

/** The file's text and its size in pixels (a PNG is drawn at a multiple of it). */
export interface StandaloneFile {
  svg: string;
  width: number;
  height: number;
}

export function standaloneSvg(spec: StandaloneSpec, doc: Document): string {
  return standaloneFile(spec, doc).svg;
}

export function standaloneFile(spec: StandaloneSpec, doc: Document): StandaloneFile {
  const colors = palettes[spec.scheme];
  const size = chartSize(spec.chart);
  const inner = Math.max(288, Math.ceil(size.width), Math.ceil(spec.width ?? 0));
  const width = inner + 2 * PAD;
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs))
      node.setAttribute(key, typeof value === 'number' ? num(value) : value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // The serializer writes xmlns from the element's namespace; setting it too would repeat it.
  const root = el('svg', {
    role: 'img',
    'aria-labelledby': 'export-title export-desc',
    'font-family': fontFamily,
  });
  root.append(
    el('title', { id: 'export-title' }, spec.title),
    el('desc', { id: 'export-desc' }, spec.description),
  );
  const background = el('rect', { x: 0, y: 0, width, height: 0, fill: colors.background });
  root.append(background);

  let y = PAD;
  const textBlock = (text: string, fontSize: number, fill: string, bold = false) => {
    for (const line of wrap(text, inner, fontSize, bold)) {
      y += fontSize * LINE;
      root.append(
        el(
          'text',
          {
            x: PAD,
            y,
            'font-size': fontSize,
            ...(bold ? { 'font-weight': 'bold' } : {}),
            fill,
          },
          line,
        ),
      );
    }
  };
  textBlock(spec.title, TITLE_SIZE, colors.ink, true);
  y += 2;
  textBlock(spec.subtitle, TEXT_SIZE, colors.muted);

  if (spec.legend.entries.length) {
    y += 10;
    y = drawLegend(spec.legend, { root, el, top: y, left: PAD, right: width - PAD, colors });
  }

  y += 12;
  const chart = canonicalChart(spec.chart, doc, colors.ink);
  chart.setAttribute('x', num(PAD));
  chart.setAttribute('y', num(y));
  chart.setAttribute('width', num(size.width));
  chart.setAttribute('height', num(size.height));
  root.append(chart);
  y += size.height + 6;

  textBlock(spec.source, SMALL_SIZE, colors.muted);
  const height = Math.ceil(y + PAD);
  background.setAttribute('height', num(height));
  root.setAttribute('width', num(width));
  root.setAttribute('height', num(height));
  root.setAttribute('viewBox', `0 0 ${num(width)} ${num(height)}`);

  const Serializer = (doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer })
    .XMLSerializer;
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(root)}\n`;
  return { svg, width, height };
}

type Make = (name: string, attrs: Record<string, string | number>, text?: string) => Element;

/** Symbol size of a legend entry: swatches with a number on them are larger, and as wide as
 * the number needs. */
function symbolSize(entry: LegendEntry): { width: number; height: number } {
  if (entry.kind === 'line') return { width: 28, height: 12 };
  if (entry.kind === 'box') return { width: 26, height: 16 };
  if (!entry.swatchText) return { width: 14, height: 14 };
  const bold = entry.bold ?? false;
  return { width: Math.max(20, textWidth(entry.swatchText, SMALL_SIZE, bold) + 6), height: 20 };
}

/** Draws the legend as rows that wrap at `right`; returns the y below it. */
function drawLegend(
  legend: LegendSpec,
  {
    root,
    el,
    top,
    left,
    right,
    colors,
  }: {
    root: Element;
    el: Make;
    top: number;
    left: number;
    right: number;
    colors: (typeof palettes)[Scheme];
  },
): number {
  const rowHeight = 24;
  let x = left;
  let rowTop = top;
  const place = (itemWidth: number) => {
    if (x > left && x + itemWidth > right) {
      x = left;
      rowTop += rowHeight;
    }
  };
  const baseline = () => rowTop + rowHeight / 2 + SMALL_SIZE * 0.35;

  if (legend.title) {
    const w = textWidth(legend.title, SMALL_SIZE);
    place(w);
    root.append(
      el('text', { x, y: baseline(), 'font-size': SMALL_SIZE, fill: colors.muted }, legend.title),
    );
    x += w + 10;
  }
  legend.entries.forEach((entry, i) => {
    const symbol = symbolSize(entry);
    const labelWidth = entry.label ? 6 + textWidth(entry.label, SMALL_SIZE) : 0;
    const next = legend.entries[i + 1];
    const gap = !entry.label && next && !next.label ? 2 : 14;
    place(symbol.width + labelWidth);
    const g = el('g', { transform: `translate(${num(x)},${num(rowTop)})` });
    const sy = (rowHeight - symbol.height) / 2;
    const opacity: Record<string, number> =
      entry.opacity !== undefined ? { opacity: entry.opacity } : {};
    if (entry.kind === 'line') {
      g.append(
        el('line', {
          x1: 1,
          x2: symbol.width - 1,
          y1: rowHeight / 2,
          y2: rowHeight / 2,
          stroke: entry.color,
          'stroke-width': 3,
          ...(entry.dash ? { 'stroke-dasharray': entry.dash } : {}),
          ...opacity,
        }),
      );
    } else if (entry.kind === 'box') {
      const stroke = entry.stroke ?? colors.ink;
      g.append(
        el('rect', {
          x: 1.5,
          y: sy + 1.5,
          width: symbol.width - 3,
          height: symbol.height - 3,
          fill: entry.color,
          stroke,
          'stroke-width': 2,
        }),
        el('rect', {
          x: 4.5,
          y: sy + 4.5,
          width: symbol.width - 9,
          height: symbol.height - 9,
          fill: 'none',
          stroke,
          'stroke-width': 1,
        }),
      );
    } else {
      g.append(
        el('rect', {
          x: 0,
          y: sy,
          width: symbol.width,
          height: symbol.height,
          rx: entry.swatchText ? 0 : 2,
          fill: entry.color,
          ...(entry.stroke ? { stroke: entry.stroke, 'stroke-opacity': 0.25 } : {}),
          ...opacity,
        }),
      );
      if (entry.swatchText) {
        g.append(
          el(
            'text',
            {
              x: symbol.width / 2,
              y: rowHeight / 2 + SMALL_SIZE * 0.35,
              'text-anchor': 'middle',
              'font-size': SMALL_SIZE,
              ...(entry.bold ? { 'font-weight': 'bold' } : {}),
              fill: entry.swatchTextColor ?? colors.ink,
            },
            entry.swatchText,
          ),
        );
      }
    }
    if (entry.label) {
      g.append(
        el(
          'text',
          {
            x: symbol.width + 6,
            y: rowHeight / 2 + SMALL_SIZE * 0.35,
            'font-size': SMALL_SIZE,
            fill: colors.ink,
          },
          entry.label,
        ),
      );
    }
    root.append(g);
    x += symbol.width + labelWidth + gap;
  });
  return rowTop + rowHeight;
}
