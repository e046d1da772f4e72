import { fontFamily, palettes, type Scheme } from '../charts/palette.ts';

/**
 * One standalone SVG file from a chart: title, subtitle (the selection), legend, the chart
 * itself and the source line, all as SVG text with explicit colours on a background
 * rectangle. No CSS, no CSS variables, no `currentColor`, no web fonts, no foreignObject, so
 * the file looks the same in a browser, in librsvg and on a slide. The same function runs in
 * the app (on the live chart) and in Node (on a chart rendered into jsdom).
 */

export interface LegendEntry {
  label: string;
  color: string;
  /** A dash pattern draws the entry as a line instead of a swatch. */
  dash?: string;
  line?: boolean;
}

export interface StandaloneSpec {
  title: string;
  /** What is selected, or a note that nothing is. */
  subtitle: string;
  /** Longer text for <desc>: what the chart shows and its largest values. */
  description: string;
  legend: LegendEntry[];
  source: string;
  scheme: Scheme;
  /** The chart's root <svg>; it is cloned, never changed. */
  chart: SVGSVGElement;
}

const SVG = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const SMALL_SIZE = 11;
/** Average advance of a character as a share of the font size, chosen wide so that a
 * fallback font never runs text past the edge. */
const CHAR_WIDTH = 0.62;

export function textWidth(text: string, size: number): number {
  return text.length * size * CHAR_WIDTH;
}

/** Greedy word wrap to `width` at font `size`. */
export function wrap(text: string, width: number, size: number): string[] {
  const max = Math.max(8, Math.floor(width / (size * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else {
      if (line) lines.push(line);
      // A word longer than a line is cut so it cannot overflow.
      let rest = word;
      while (rest.length > max) {
        lines.push(rest.slice(0, max));
        rest = rest.slice(max);
      }
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Attributes that only mean something in the live app. */
const INTERACTIVE = /^(tabindex|role|aria-pressed|aria-selected|aria-current|class|data-.*|on.*)$/i;

function cleanChart(chart: SVGSVGElement, ink: string): SVGSVGElement {
  const clone = chart.cloneNode(true) as SVGSVGElement;
  // Focus rings, brushes and other marks of the live interaction are not part of the chart.
  for (const node of [...clone.querySelectorAll('[data-export-omit]')]) node.remove();
  removeComments(clone);
  for (const node of [clone, ...clone.querySelectorAll('*')]) {
    for (const attr of [...node.attributes]) {
      if (INTERACTIVE.test(attr.name)) node.removeAttribute(attr.name);
      else if (attr.value.includes('currentColor'))
        node.setAttribute(attr.name, attr.value.replaceAll('currentColor', ink));
    }
  }
  // Plot's own <style> sets CSS variables and inherited colour: the attributes say it all.
  for (const style of [...clone.querySelectorAll('style, foreignObject')]) style.remove();
  clone.removeAttribute('style');
  clone.setAttribute('fill', ink);
  clone.setAttribute('font-family', fontFamily);
  return clone;
}

function removeComments(node: Node): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 8) child.remove();
    else removeComments(child);
  }
}

function chartSize(chart: SVGSVGElement): { width: number; height: number } {
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

export function standaloneSvg(spec: StandaloneSpec, doc: Document): string {
  const colors = palettes[spec.scheme];
  const chart = cleanChart(spec.chart, colors.ink);
  const size = chartSize(spec.chart);
  const width = Math.max(320, Math.round(size.width + 2 * PAD));
  const inner = width - 2 * PAD;
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
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
  const textBlock = (text: string, fontSize: number, fill: string, weight = 'normal') => {
    for (const line of wrap(text, inner, fontSize)) {
      y += fontSize * 1.3;
      root.append(
        el(
          'text',
          { x: PAD, y: y.toFixed(1), 'font-size': fontSize, 'font-weight': weight, fill },
          line,
        ),
      );
    }
  };
  textBlock(spec.title, TITLE_SIZE, colors.ink, 'bold');
  textBlock(spec.subtitle, TEXT_SIZE, colors.muted);

  if (spec.legend.length) {
    y += 10;
    let x = PAD;
    let rowY = y;
    for (const entry of spec.legend) {
      const itemWidth = 22 + textWidth(entry.label, SMALL_SIZE) + 14;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        rowY += SMALL_SIZE * 1.8;
      }
      const g = el('g', { transform: `translate(${x},${rowY})` });
      if (entry.line || entry.dash) {
        g.append(
          el('line', {
            x1: 0,
            y1: SMALL_SIZE / 2,
            x2: 16,
            y2: SMALL_SIZE / 2,
            stroke: entry.color,
            'stroke-width': 2.5,
            ...(entry.dash ? { 'stroke-dasharray': entry.dash } : {}),
          }),
        );
      } else {
        g.append(el('rect', { x: 0, y: 0, width: 14, height: SMALL_SIZE, fill: entry.color }));
      }
      g.append(
        el(
          'text',
          { x: 22, y: SMALL_SIZE - 1, 'font-size': SMALL_SIZE, fill: colors.ink },
          entry.label,
        ),
      );
      root.append(g);
      x += itemWidth;
    }
    y = rowY + SMALL_SIZE;
  }

  y += 12;
  chart.setAttribute('x', String(PAD));
  chart.setAttribute('y', y.toFixed(1));
  chart.setAttribute('width', String(size.width));
  chart.setAttribute('height', String(size.height));
  root.append(chart);
  y += size.height + 8;

  textBlock(spec.source, SMALL_SIZE, colors.muted);
  const height = Math.ceil(y + PAD);
  background.setAttribute('height', String(height));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const serializer = new (
    doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer }
  ).XMLSerializer();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n`;
}
