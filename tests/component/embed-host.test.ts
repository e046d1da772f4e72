import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, requestInterceptor } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmbedName } from '../../src/lib/charts/registry.ts';
import { HEIGHT_MESSAGE, HELLO_MESSAGE, MAX_HEIGHT } from '../../src/lib/embed/protocol.ts';
import { snippetWithId } from '../helpers/embed.ts';

/**
 * public/embed-host.js as a host page runs it: a classic script from the dashboard's origin,
 * in a page on another origin. jsdom has no sandbox, so the test tells each message's origin.
 */
const hostScript = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../public/embed-host.js'),
  'utf8',
);
const DASHBOARD = 'https://dash.example/gcm/';

/** Serves the host script from the dashboard, and a blank page for every frame. */
const resources = {
  interceptors: [
    requestInterceptor((request) =>
      request.url === `${DASHBOARD}embed-host.js`
        ? new Response(hostScript, { headers: { 'Content-Type': 'text/javascript' } })
        : new Response('<!doctype html><p>frame</p>', { headers: { 'Content-Type': 'text/html' } }),
    ),
  ],
};

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

/** A host page with `body`, once it has loaded (a host script in `body` has run by then). */
async function openPage(body: string) {
  dom = new JSDOM(`<!doctype html><body>${body}</body>`, {
    url: 'https://host.example/briefing.html',
    runScripts: 'dangerously',
    resources,
  });
  const { window } = dom;
  await new Promise<void>((resolve) =>
    window.document.readyState === 'complete'
      ? resolve()
      : window.addEventListener('load', () => resolve(), { once: true }),
  );
  const byId = (id: string) => window.document.getElementById(id) as HTMLIFrameElement;
  /** Delivers a message to the host page as a frame (or any window) would post it. */
  const post = (data: unknown, source: Window | null, origin: string) =>
    window.dispatchEvent(new window.MessageEvent('message', { data, source, origin }));
  return { window, byId, post };
}

/** A host page holding `frames`; the host script is added once the page has loaded. */
async function hostPage(frames: string, scriptSrc = `${DASHBOARD}embed-host.js`) {
  const opened = await openPage(frames);
  const { window } = opened;
  const iframes = [...window.document.querySelectorAll('iframe')];
  await Promise.all(
    iframes.map(
      (f) =>
        new Promise<void>((resolve) =>
          f.contentDocument?.readyState === 'complete' &&
          f.contentWindow?.location.href !== 'about:blank'
            ? resolve()
            : f.addEventListener('load', () => resolve(), { once: true }),
        ),
    ),
  );
  // What each frame hears from the host.
  const heard = new Map<HTMLIFrameElement, unknown[]>();
  for (const f of iframes) {
    const list: unknown[] = [];
    heard.set(f, list);
    f.contentWindow!.addEventListener('message', (e) => list.push(e.data));
  }
  const script = window.document.createElement('script');
  script.src = scriptSrc;
  await new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('host script did not load')));
    window.document.body.append(script);
  });
  return { ...opened, heard };
}

const height = (view: string, h: unknown) => ({ type: HEIGHT_MESSAGE, view, height: h });

/** The snippet of one view, on a dashboard page with a selection; the iframe gets `id`. */
const snippet = (id: string, view: EmbedName) =>
  snippetWithId(
    {
      origin: new URL(DASHBOARD).origin,
      pathname: new URL(DASHBOARD).pathname,
      search: '?theme=control',
    },
    view,
    id,
  );

describe('the host script', () => {
  it('sizes its sandboxed iframe from a height message with origin "null"', async () => {
    const { byId, post } = await hostPage(
      `<iframe id="a" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline&theme=readmission" height="150"></iframe>`,
    );
    const a = byId('a');
    post(height('timeline', 612.3), a.contentWindow, 'null');
    expect(a.style.height).toBe('613px');
    expect(a.style.borderStyle).toBe('none');
  });

  it('expects the dashboard origin from an iframe that is not sandboxed, or allows same-origin', async () => {
    const { byId, post } = await hostPage(
      `<iframe id="open" data-gcm-embed src="${DASHBOARD}?embed=themes"></iframe>
       <iframe id="same" data-gcm-embed sandbox="allow-scripts ALLOW-SAME-ORIGIN" src="${DASHBOARD}?embed=themes"></iframe>`,
    );
    for (const id of ['open', 'same']) {
      const f = byId(id);
      post(height('themes', 400), f.contentWindow, 'null');
      expect(f.style.height, `${id}: "null" is not its origin`).toBe('');
      post(height('themes', 400), f.contentWindow, 'https://evil.example');
      expect(f.style.height).toBe('');
      post(height('themes', 400), f.contentWindow, 'https://dash.example');
      expect(f.style.height).toBe('400px');
    }
  });

  it('ignores messages from any other window: the page itself, an unmarked or foreign iframe', async () => {
    const { window, byId, post } = await hostPage(
      `<iframe id="ours" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline" height="150"></iframe>
       <iframe id="unmarked" sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline" height="150"></iframe>
       <iframe id="foreign" data-gcm-embed sandbox="allow-scripts" src="https://other.example/gcm/?embed=timeline" height="150"></iframe>
       <iframe id="elsewhere" data-gcm-embed sandbox="allow-scripts" src="https://dash.example/other/?embed=timeline" height="150"></iframe>`,
    );
    const message = height('timeline', 500);
    const self = window as unknown as Window;
    post(message, self, 'https://host.example');
    post(message, self, 'null');
    post(message, null, 'null');
    for (const id of ['unmarked', 'foreign', 'elsewhere']) {
      post(message, byId(id).contentWindow, 'null');
      expect(byId(id).style.height, id).toBe('');
    }
    expect(byId('ours').style.height).toBe('');
    post(message, byId('ours').contentWindow, 'null');
    expect(byId('ours').style.height).toBe('500px');
  });

  it('ignores malformed messages', async () => {
    const { byId, post } = await hostPage(
      `<iframe id="a" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline"></iframe>`,
    );
    const a = byId('a');
    const malformed: unknown[] = [
      null,
      undefined,
      'gcm-embed:height',
      JSON.stringify(height('timeline', 300)),
      [HEIGHT_MESSAGE, 'timeline', 300],
      { type: 'gcm-embed:height ', view: 'timeline', height: 300 },
      { type: 'GCM-EMBED:HEIGHT', view: 'timeline', height: 300 },
      { type: HELLO_MESSAGE, view: 'timeline', height: 300 },
      { view: 'timeline', height: 300 },
      { type: HEIGHT_MESSAGE, height: 300 },
      height('themes', 300),
      height('timeline', '300'),
      height('timeline', 0),
      height('timeline', -300),
      height('timeline', MAX_HEIGHT + 1),
      height('timeline', Number.NaN),
      height('timeline', Number.POSITIVE_INFINITY),
      height('timeline', null),
      height('timeline', { valueOf: () => 300 }),
    ];
    for (const data of malformed) {
      post(data, a.contentWindow, 'null');
      expect(a.style.height, JSON.stringify(data) ?? String(data)).toBe('');
    }
    post(height('timeline', MAX_HEIGHT), a.contentWindow, 'null');
    expect(a.style.height).toBe(`${MAX_HEIGHT}px`);
  });

  it('says hello to the iframes that loaded before it, and to no other', async () => {
    const { byId, heard } = await hostPage(
      `<iframe id="ours" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline"></iframe>
       <iframe id="unmarked" src="${DASHBOARD}?embed=timeline"></iframe>
       <iframe id="foreign" data-gcm-embed src="https://other.example/?embed=timeline"></iframe>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard.get(byId('ours'))).toEqual([{ type: HELLO_MESSAGE }]);
    expect(heard.get(byId('unmarked'))).toEqual([]);
    expect(heard.get(byId('foreign'))).toEqual([]);
  });

  it('lets the views of a loading page load one at a time, each when the one before reports', async () => {
    const { byId, post } = await openPage(
      `<h1>Briefing</h1>
       ${snippet('a', 'themes')}
       <iframe id="unmarked" sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline"></iframe>
       <iframe id="foreign" data-gcm-embed src="https://other.example/gcm/?embed=timeline"></iframe>
       ${snippet('b', 'timeline')}
       <p>The briefing goes on.</p>
       ${snippet('c', 'attribution')}`,
    );
    const src = (id: string) => byId(id).getAttribute('src');
    const url = (view: string) => `${DASHBOARD}?embed=${view}&theme=control`;
    // The first view loads; the others wait, and no one else's iframe is touched.
    expect([src('a'), src('b'), src('c')]).toEqual([url('themes'), 'about:blank', 'about:blank']);
    expect(src('unmarked')).toBe(`${DASHBOARD}?embed=timeline`);
    expect(src('foreign')).toBe('https://other.example/gcm/?embed=timeline');
    // A waiting iframe's window, and another iframe, cannot pass the turn on.
    post(height('timeline', 500), byId('b').contentWindow, 'null');
    post(height('timeline', 500), byId('unmarked').contentWindow, 'null');
    expect([src('b'), src('c')]).toEqual(['about:blank', 'about:blank']);
    // Nor can a message the host ignores.
    post(height('themes', 0), byId('a').contentWindow, 'null');
    post(height('themes', 500), byId('a').contentWindow, 'https://evil.example');
    expect(src('b')).toBe('about:blank');
    // The first view's first height: it has its data, and the next one starts.
    post(height('themes', 731), byId('a').contentWindow, 'null');
    expect(byId('a').style.height).toBe('731px');
    expect([src('b'), src('c')]).toEqual([url('timeline'), 'about:blank']);
    post(height('themes', 740), byId('a').contentWindow, 'null');
    expect(src('c')).toBe('about:blank');
    post(height('timeline', 650), byId('b').contentWindow, 'null');
    expect(src('c')).toBe(url('attribution'));
  });

  it('passes the turn on when a view does not report in time', async () => {
    const { byId } = await openPage(`${snippet('a', 'themes')}${snippet('b', 'timeline')}`);
    expect(byId('b').getAttribute('src')).toBe('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(byId('b').getAttribute('src')).toBe(`${DASHBOARD}?embed=timeline&theme=control`);
  });

  it('holds no iframe when it is added to a page that has loaded', async () => {
    const { byId } = await hostPage(
      `<iframe id="a" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=themes"></iframe>
       <iframe id="b" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline"></iframe>`,
    );
    expect(byId('b').getAttribute('src')).toBe(`${DASHBOARD}?embed=timeline`);
  });

  it('runs once when the page loads it twice', async () => {
    const { window, byId, heard, post } = await hostPage(
      `<iframe id="a" data-gcm-embed sandbox="allow-scripts" src="${DASHBOARD}?embed=timeline"></iframe>`,
    );
    const second = window.document.createElement('script');
    second.src = `${DASHBOARD}embed-host.js`;
    await new Promise((resolve) => {
      second.addEventListener('load', resolve);
      window.document.body.append(second);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const a = byId('a');
    expect(heard.get(a)).toEqual([{ type: HELLO_MESSAGE }]);
    post(height('timeline', 321), a.contentWindow, 'null');
    expect(a.style.height).toBe('321px');
  });
});
