import { describe, expect, it } from 'vitest';
import {
  EMBED_NAMES,
  SANDBOX,
  embedMode,
  embedSnippet,
  embedUrl,
  hostScriptUrl,
} from '../../src/lib/embed/mode.ts';
import { HEIGHT_MESSAGE, HELLO_MESSAGE, isHello } from '../../src/lib/embed/protocol.ts';

const here = (search: string) => ({
  origin: 'https://briefings.example',
  pathname: '/gcm/',
  search,
});

describe('embed mode from the URL', () => {
  it('reads a view, the dashboard, nothing, or an unknown name', () => {
    expect(embedMode('?theme=readmission')).toEqual({ kind: 'none' });
    expect(embedMode('?embed=timeline&theme=readmission')).toMatchObject({
      kind: 'view',
      name: 'timeline',
      chart: 'topic-timeline',
      title: 'Where each theme sits in the text',
    });
    expect(embedMode('?embed=dashboard')).toMatchObject({ kind: 'dashboard' });
    expect(embedMode('?embed=Timeline')).toEqual({ kind: 'unknown', name: 'Timeline' });
    expect(embedMode('?embed=')).toEqual({ kind: 'unknown', name: '' });
  });

  it('knows every view of the registry and the dashboard', () => {
    expect(EMBED_NAMES).toEqual([
      'themes',
      'timeline',
      'attribution',
      'cooccurrence',
      'process',
      'outcomes',
      'dashboard',
    ]);
    for (const name of EMBED_NAMES) expect(embedMode(`?embed=${name}`).kind).not.toBe('unknown');
  });
});

describe('the embed snippet', () => {
  it('points at this page with the view and the current selection, nothing else', () => {
    expect(
      embedUrl(here('?theme=readmission,control&range=3-9&utm=x&embed=themes'), 'timeline'),
    ).toBe('https://briefings.example/gcm/?embed=timeline&theme=readmission,control&range=3-9');
    expect(embedUrl(here(''), 'dashboard')).toBe('https://briefings.example/gcm/?embed=dashboard');
    expect(hostScriptUrl(here(''))).toBe('https://briefings.example/gcm/embed-host.js');
    expect(hostScriptUrl({ origin: 'https://a.example', pathname: '/gcm/index.html' })).toBe(
      'https://a.example/gcm/embed-host.js',
    );
  });

  it('is an iframe and the host script, attribute values escaped, no inline style or script', () => {
    const snippet = embedSnippet(here('?theme=readmission&actor=western_states'), 'timeline');
    const [iframe, script] = snippet.split('\n');
    expect(iframe).toBe(
      '<iframe data-gcm-embed' +
        ' src="https://briefings.example/gcm/?embed=timeline&amp;theme=readmission&amp;actor=western_states"' +
        ` title="Where each theme sits in the text — Russia's position on the Global Compact for Migration"` +
        ` width="100%" height="650" sandbox="${SANDBOX}" loading="lazy"></iframe>`,
    );
    expect(script).toBe('<script src="https://briefings.example/gcm/embed-host.js"></script>');
    expect(snippet).not.toMatch(/style=|<script>|on[a-z]+=/);
    expect(SANDBOX.split(' ')).toContain('allow-scripts');
    expect(SANDBOX.split(' ')).not.toContain('allow-same-origin');
  });

  it("titles another dataset's frame by what it holds, not by the statement", () => {
    const [iframe] = embedSnippet(
      here('?data=corpus%2Fcorpus-10.json&doc=all'),
      'cooccurrence',
    ).split('\n');
    expect(iframe).toContain(
      ' title="Which themes share sentences — Statements on the Global Compact for Migration"',
    );
    expect(iframe).toContain('?embed=cooccurrence&amp;data=corpus%2Fcorpus-10.json&amp;doc=all');
    expect(embedSnippet(here('?data=x.json'), 'dashboard')).toContain(
      ' title="Statements on the Global Compact for Migration"',
    );
    expect(embedSnippet(here(''), 'dashboard')).toContain(
      ` title="Russia's position on the Global Compact for Migration"`,
    );
  });

  it('titles the theme overview of all documents for statements, and of one for the statement', () => {
    const title = (search: string) =>
      /title="([^"]+)"/.exec(embedSnippet(here(search), 'themes'))![1].split(' — ')[0];
    expect(title('?data=corpus%2Fcorpus-10.json&doc=all')).toBe('What the statements are about');
    expect(title('?data=corpus%2Fcorpus-10.json&doc=synthetic-statement-002')).toBe(
      'What the statement is about',
    );
    expect(title('')).toBe('What the statement is about');
  });

  it('parses back to the same URL in a browser (the escaping is reversible)', () => {
    const location = here('?theme=readmission&range=3-9');
    const src = /src="([^"]+)"/.exec(embedSnippet(location, 'themes'))![1].replace(/&amp;/g, '&');
    expect(src).toBe(embedUrl(location, 'themes'));
  });
});

describe('the hello the embedded page answers', () => {
  const parent = {} as Window;
  const win = { parent } as unknown as Window;
  const event = (data: unknown, source: unknown, origin = 'https://host.example') =>
    ({ data, source, origin }) as MessageEvent;

  it('comes from the parent frame, with exactly its type', () => {
    expect(isHello(event({ type: HELLO_MESSAGE }, parent), win)).toBe(true);
    expect(isHello(event({ type: HELLO_MESSAGE }, parent, 'null'), win)).toBe(true);
  });

  it('is ignored from any other window, with another shape, or outside a frame', () => {
    expect(isHello(event({ type: HELLO_MESSAGE }, {}), win)).toBe(false);
    expect(isHello(event({ type: HELLO_MESSAGE }, null), win)).toBe(false);
    expect(isHello(event({ type: HELLO_MESSAGE }, parent, ''), win)).toBe(false);
    for (const data of [
      HELLO_MESSAGE,
      null,
      [HELLO_MESSAGE],
      { type: HEIGHT_MESSAGE },
      { type: 'GCM-EMBED:HELLO' },
      { kind: HELLO_MESSAGE },
    ]) {
      expect(isHello(event(data, parent), win), JSON.stringify(data)).toBe(false);
    }
    const top = {} as { parent: unknown };
    top.parent = top;
    expect(isHello(event({ type: HELLO_MESSAGE }, top), top as unknown as Window)).toBe(false);
  });
});
