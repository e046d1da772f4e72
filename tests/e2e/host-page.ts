import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A briefing page's server for the embed tests: another origin than the dashboard (same
 * address, another port), serving the HTML pages it is given under a strict CSP of its own.
 */
export interface HostServer {
  url: string;
  origin: string;
  /** Serves `html` at `path` from now on. */
  page: (path: string, html: string) => void;
  close: () => Promise<void>;
}

export async function startHost(csp: (hostOrigin: string) => string): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const html = pages.get(path);
    if (html === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': csp(origin),
        'Cache-Control': 'no-store',
      })
      .end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    page: (path, html) => pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A briefing page's own strict policy: no inline anything; frames and scripts from itself and
 * from the dashboard at `dashboardOrigin`. */
export const briefingPolicy = (dashboardOrigin: string) =>
  `default-src 'self'; frame-src 'self' ${dashboardOrigin}; script-src 'self' ${dashboardOrigin}; style-src 'self'; object-src 'none'; base-uri 'none'`;

/** A complete HTML page around `body`: no inline script or style anywhere. */
export const htmlPage = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
