/** The four services behind the portal's origin. */
export type ServiceName = 'identity' | 'connections' | 'recommendations' | 'notifications';

/**
 * Which service owns an API path, as docs/api.md assigns them; first match wins, so the one
 * path under /v1/employees that recommendations owns comes before identity's prefix.
 */
const ROUTES: ReadonlyArray<{ pattern: RegExp; service: ServiceName }> = [
  { pattern: /^\/v1\/employees\/[^/]+\/recommendations\/?$/, service: 'recommendations' },
  {
    pattern: /^\/v1\/(auth|employees|admin\/(audit-log|employees|people-import))(\/|$)/,
    service: 'identity',
  },
  { pattern: /^\/\.well-known\/jwks\.json$/, service: 'identity' },
  // Outside /v1: SCIM's base URL is what identity providers are given, versioned by SCIM itself.
  { pattern: /^\/scim\/v2(\/|$)/, service: 'identity' },
  { pattern: /^\/v1\/(connections|connection-requests)(\/|$)/, service: 'connections' },
  {
    pattern: /^\/v1\/(recommendations|recommendation-requests|admin\/recommendations)(\/|$)/,
    service: 'recommendations',
  },
  { pattern: /^\/v1\/(notification-preferences|unsubscribe|deliveries)(\/|$)/, service: 'notifications' },
];

/** The service that answers a request path (without its query), or undefined for the portal's own. */
export function serviceFor(pathname: string): ServiceName | undefined {
  return ROUTES.find((route) => route.pattern.test(pathname))?.service;
}

/**
 * Paths the portal never serves from its files: an unknown one is a 404 problem, not the app (an
 * identity provider given a wrong SCIM base URL gets a 404, not a web page answering 200).
 */
export function isApiPath(pathname: string): boolean {
  return ['/v1', '/.well-known', '/scim'].some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}
