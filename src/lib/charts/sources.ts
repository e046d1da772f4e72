import type { TableLink } from '../ui/table.ts';

/**
 * The sources the GCM context views cite: a web address, or the name of a document
 * ("A/RES/73/195, annex, para 16"). A web address is shown by its host and linked; anything
 * else is shown as written.
 */

/** Only a web address is ever linked: never `javascript:`, `data:` or a relative path. */
export const isWebAddress = (source: string) => /^https?:\/\//i.test(source);

/** A web address by its host, without `www.` ("un.org"); anything else as it is. */
export function sourceName(source: string): string {
  if (!isWebAddress(source)) return source;
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}

/** Sources as the links of a "Show as table" cell. */
export const sourceLinks = (sources: readonly string[]): TableLink[] =>
  sources.map((href) => ({ href, text: sourceName(href) }));
