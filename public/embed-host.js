/*
 * embed-host.js: sizes the statement explorer's iframes on a page that embeds them.
 *
 * Load it as a classic script from the dashboard (no inline script, no dependencies):
 *
 *   <iframe data-gcm-embed src="https://dashboard.example/?embed=timeline" title="…"
 *     width="100%" height="560" sandbox="allow-scripts allow-popups" loading="lazy"></iframe>
 *   <script src="https://dashboard.example/embed-host.js"></script>
 *
 * The embedded page posts { type: 'gcm-embed:height', view, height } to its parent whenever
 * its content height changes. This script sets an iframe's height only when the message
 *   - comes from the window of an iframe marked data-gcm-embed whose src is this script's
 *     dashboard (same origin, under the same path),
 *   - has the origin that iframe must have: the src's origin, or "null" when the iframe is
 *     sandboxed without allow-same-origin (its page then runs in an opaque origin),
 *   - is an object whose type is exactly 'gcm-embed:height', whose view is the iframe's
 *     `embed` parameter, and whose height is a finite number, 0 < height <= 20000.
 * Every other message is ignored. Keep the names in step with src/lib/embed/protocol.ts.
 *
 * Turns: the views of a page share one browser thread, so three that load at once all draw
 * late. While the page is still loading, this script lets the marked iframes near the screen
 * load one at a time: the first keeps its src, the others wait on about:blank and get theirs
 * back one after another (one on screen first), each when the one before has reported its
 * first height (it has its data and draws) or after TURN_LIMIT ms. An iframe the browser
 * loads lazily and that is far from the screen keeps its src: it loads when scrolled near.
 * Added to a page that has loaded, the script holds nothing.
 */
(function () {
  'use strict';

  const HEIGHT_MESSAGE = 'gcm-embed:height';
  const HELLO_MESSAGE = 'gcm-embed:hello';
  const MAX_HEIGHT = 20000;
  const TURN_LIMIT = 1500;

  const script = document.currentScript;
  // The dashboard this script belongs to: the folder it was loaded from.
  const base = script && script.src ? new URL('./', script.src) : null;

  // Loaded twice from the same dashboard: the first copy already listens.
  const key = Symbol.for(`gcm-embed-host ${base ? base.href : '*'}`);
  if (window[key]) return;
  window[key] = true;

  /** The iframe's dashboard URL, or null when the iframe is not one of ours. */
  function dashboardUrl(iframe) {
    let url;
    try {
      url = new URL(iframe.getAttribute('src') ?? '', document.baseURI);
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (base && (url.origin !== base.origin || !url.pathname.startsWith(base.pathname))) {
      return null;
    }
    return url;
  }

  /** The marked iframes that show this dashboard, with their URLs. */
  function ownIframes() {
    return [...document.querySelectorAll('iframe[data-gcm-embed]')]
      .map((iframe) => ({ iframe, url: dashboardUrl(iframe) }))
      .filter((own) => own.url !== null);
  }

  /** True when the iframe's page runs in an opaque origin, so its messages say "null". */
  function opaqueOrigin(iframe) {
    // A sandboxed host page passes its sandbox on to the frames it holds.
    if (window.origin === 'null') return true;
    if (!iframe.hasAttribute('sandbox')) return false;
    const tokens = (iframe.getAttribute('sandbox') ?? '').toLowerCase().split(/\s+/);
    return !tokens.includes('allow-same-origin');
  }

  /** The height to give the iframe the event comes from, or null to ignore the event. */
  function acceptedHeight(event, own) {
    const data = event.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    if (data.type !== HEIGHT_MESSAGE) return null;
    if (event.origin !== (opaqueOrigin(own.iframe) ? 'null' : own.url.origin)) return null;
    const view = own.url.searchParams.get('embed');
    if (typeof data.view !== 'string' || (view !== null && data.view !== view)) return null;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height)) return null;
    if (height <= 0 || height > MAX_HEIGHT) return null;
    return Math.ceil(height);
  }

  /** True when the iframe is within a screen's height of the visible part of the page. */
  function nearScreen(iframe) {
    const box = iframe.getBoundingClientRect();
    return box.top < 2 * window.innerHeight && box.bottom > -window.innerHeight;
  }

  /** True when part of the iframe is on screen. */
  function onScreen(iframe) {
    const box = iframe.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0 && box.height > 0;
  }

  /** The iframes waiting for their turn, with the src each gets back. */
  const waiting = [];
  /** The iframe whose turn it is, or null. */
  let current = null;
  let limit = 0;
  const seen = new WeakSet();

  function startTurn(iframe) {
    current = iframe;
    limit = setTimeout(() => endTurn(iframe), TURN_LIMIT);
  }

  /** Ends `iframe`'s turn, if it has it, and gives the next waiting iframe its src back. */
  function endTurn(iframe) {
    if (iframe !== current) return;
    clearTimeout(limit);
    current = null;
    const shown = waiting.findIndex((w) => onScreen(w.iframe));
    const [next] = waiting.splice(Math.max(shown, 0), 1);
    if (!next) return;
    next.iframe.setAttribute('src', next.src);
    startTurn(next.iframe);
  }

  /** Gives an iframe of this dashboard (one of `ownIframes`) the turn, or holds it until its
   * turn comes. */
  function adopt(iframe) {
    if (seen.has(iframe)) return;
    seen.add(iframe);
    if (iframe.getAttribute('loading') === 'lazy' && !nearScreen(iframe)) return;
    if (current === null) {
      startTurn(iframe);
      return;
    }
    waiting.push({ iframe, src: iframe.getAttribute('src') ?? '' });
    iframe.setAttribute('src', 'about:blank');
  }

  if (document.readyState !== 'complete') {
    const adoptAll = () => {
      for (const { iframe } of ownIframes()) adopt(iframe);
    };
    adoptAll();
    if (document.readyState === 'loading') {
      // The iframes the parser adds after this script, before the browser starts them.
      const added = new MutationObserver(adoptAll);
      added.observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', () => added.disconnect(), { once: true });
    }
  }

  window.addEventListener('message', (event) => {
    if (!event.source) return;
    const own = ownIframes().find((o) => o.iframe.contentWindow === event.source);
    if (!own) return;
    const height = acceptedHeight(event, own);
    if (height === null) return;
    endTurn(own.iframe);
    // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows.
    own.iframe.style.height = `${height}px`;
    if (!own.iframe.style.borderStyle) own.iframe.style.border = '0';
  });

  // Iframes that loaded before this script ran have reported already: ask them again.
  for (const { iframe } of ownIframes()) {
    // The hello carries nothing; '*' because a sandboxed frame's origin cannot be named.
    iframe.contentWindow?.postMessage({ type: HELLO_MESSAGE }, '*');
  }
})();
