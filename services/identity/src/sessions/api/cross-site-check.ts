import type { IncomingHttpHeaders } from 'node:http';
import { CSRF_HEADER } from '../domain/session-cookie';
import { CrossSiteRequestError } from '../domain/session.errors';

/**
 * Refuses a cookie-authenticated request another site may have started (CSRF). The cookie is
 * SameSite=Strict already; on top, the request must carry `X-Requested-With` (which only a script
 * of the portal's own origin can add: a cross-origin one needs a CORS preflight no service answers),
 * and a browser that says where it comes from (`Sec-Fetch-Site`) must say the same origin.
 */
export function assertNotCrossSite(headers: IncomingHttpHeaders): void {
  const marker = headers[CSRF_HEADER];
  if (typeof marker !== 'string' || marker.trim() === '')
    throw new CrossSiteRequestError('the X-Requested-With header is required (any value)');
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new CrossSiteRequestError(`a request from another site (${String(site)}) is refused`);
}
