/**
 * The messages between an embedded view and the page that embeds it. public/embed-host.js
 * speaks the same protocol (it is a plain script with no imports, so it repeats these names;
 * tests/component/embed-host.test.ts checks the two agree).
 *
 * Embedded page -> host: `{ type: 'gcm-embed:height', view, height }`, posted to
 * `window.parent` whenever the content height changes. Its target origin is '*': the page
 * cannot know who embeds it, and the height of a public chart is no secret.
 *
 * Host -> embedded page: `{ type: 'gcm-embed:hello' }`, which asks for the current height
 * (a host script that starts after the iframe has loaded would otherwise wait for the next
 * resize). It is answered only when it comes from this window's own parent, and the answer
 * goes to the origin that asked.
 */
export const HEIGHT_MESSAGE = 'gcm-embed:height';
export const HELLO_MESSAGE = 'gcm-embed:hello';
/** Heights the host accepts: more than 0, at most this many CSS pixels. */
export const MAX_HEIGHT = 20000;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  view: string;
  height: number;
}

/** True for a hello from `win`'s parent frame; anything else is ignored. */
export function isHello(event: MessageEvent, win: Window): boolean {
  const data: unknown = event.data;
  return (
    win.parent !== win &&
    event.source === win.parent &&
    typeof event.origin === 'string' &&
    event.origin !== '' &&
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { type?: unknown }).type === HELLO_MESSAGE
  );
}

/** The height the host should give the iframe: the whole document, rounded up. */
export function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}

export interface HeightReports {
  /** Measures and posts now: a frame scrolled out of sight gets no ResizeObserver callbacks
   * (browsers throttle its rendering), so the app also reports when its charts are drawn. */
  report: () => void;
  stop: () => void;
}

/**
 * Reports the document's height to the parent frame: now, on every change, and when the
 * parent says hello. Does nothing outside a frame.
 */
export function reportHeight(view: string, win: Window = window): HeightReports {
  if (win.parent === win) return { report: () => {}, stop: () => {} };
  let last = -1;
  const post = (targetOrigin: string, always = false) => {
    const height = contentHeight(win.document);
    if (height === last && !always) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, view, height };
    win.parent.postMessage(message, targetOrigin);
  };
  const observer = new ResizeObserver(() => post('*'));
  observer.observe(win.document.documentElement);
  // A cross-origin frame out of sight is not rendered, so ResizeObserver stays silent there
  // while views that load later change the content: changes to the page are watched too
  // (coalesced), and the height measured, which lays the page out even then.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const mutations = new MutationObserver(() => {
    pending ??= setTimeout(() => {
      pending = null;
      post('*');
    }, 50);
  });
  mutations.observe(win.document.body, { childList: true, subtree: true });
  const onMessage = (event: MessageEvent) => {
    // An opaque origin ("null", a sandboxed host) cannot be addressed: '*' is the only way.
    if (isHello(event, win)) post(event.origin === 'null' ? '*' : event.origin, true);
  };
  win.addEventListener('message', onMessage);
  post('*');
  return {
    report: () => post('*'),
    stop: () => {
      observer.disconnect();
      mutations.disconnect();
      if (pending) clearTimeout(pending);
      win.removeEventListener('message', onMessage);
    },
  };
}
