/**
 * The Content-Security-Policy the built app runs under. Observable Plot injects one fixed
 * `<style>` element per chart; its hash is allowed so that no inline style needs 'unsafe-inline'.
 */
export const plotStyleHash = "'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww='";

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${plotStyleHash}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');
