import { createHash } from 'node:crypto';

/** The CSP source that allows one inline `<style>` element, by the hash of its exact text. */
export function cspStyleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * The headers every HTML page a service renders carries (the unsubscribe page): it loads nothing
 * but its own inline style, posts its form only to its own origin, is framed by no one, is never
 * sniffed as something else, and never hands its token-bearing URL to another site in a Referer.
 * Over https (`publicUrl`), browsers are also told to come back over https only (HSTS).
 */
export function htmlSecurityHeaders(options: {
  publicUrl: string;
  styleSources?: string[];
}): Record<string, string> {
  const styles = options.styleSources?.length ? options.styleSources.join(' ') : "'none'";
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'none'",
      `style-src ${styles}`,
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  if (new URL(options.publicUrl).protocol === 'https:') {
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}
