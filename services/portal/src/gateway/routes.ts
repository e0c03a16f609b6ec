/** The four services behind the portal's origin. */
export type ServiceName = 'identity' | 'connections' | 'recommendations' | 'notifications';

/**
 * Which service owns an API path, as docs/api.md assigns them; first match wins, so the one
 * path under /v1/employees that recommendations owns comes before identity's prefix.
 */
const ROUTES: ReadonlyArray<{ pattern: RegExp; service: ServiceName }> = [
  { pattern: /^\/v1\/employees\/[^/]+\/recommendations\/?$/, service: 'recommendations' },
  {
    pattern: /^\/v1\/(auth|employees|admin\/(audit-log|employees|erasures|people-import))(\/|$)/,
    service: 'identity',
  },
  { pattern: /^\/\.well-known\/jwks\.json$/, service: 'identity' },
  // Public on the company's address: whoever checks a signed document of recommendations fetches it.
  { pattern: /^\/\.well-known\/vouch-document-keys\.json$/, service: 'recommendations' },
  // Outside /v1: SCIM's base URL is what identity providers are given, versioned by SCIM itself.
  { pattern: /^\/scim\/v2(\/|$)/, service: 'identity' },
  { pattern: /^\/v1\/(connections|connection-requests)(\/|$)/, service: 'connections' },
  {
    pattern: /^\/v1\/(recommendations|recommendation-requests|admin\/recommendations)(\/|$)/,
    service: 'recommendations',
  },
  { pattern: /^\/v1\/(notification-preferences|unsubscribe|deliveries)(\/|$)/, service: 'notifications' },
];

/**
 * Each service exports the caller's data at the same path, `/v1/me/export`: the portal gives each
 * export a path of its own, `/v1/me/export/<service>`, and forwards it to that path on the service.
 */
const PERSONAL_DATA_EXPORT = /^\/v1\/me\/export\/(identity|connections|recommendations|notifications)$/;
const SERVICE_EXPORT_PATH = '/v1/me/export';

/** The service that answers a request path (without its query), or undefined for the portal's own. */
export function serviceFor(pathname: string): ServiceName | undefined {
  const exported = PERSONAL_DATA_EXPORT.exec(pathname)?.[1] as ServiceName | undefined;
  return exported ?? ROUTES.find((route) => route.pattern.test(pathname))?.service;
}

/** The target to send the service: the request's own, but for an export, which is at the service's export path. */
export function serviceTarget(target: string, pathname: string): string {
  if (!PERSONAL_DATA_EXPORT.test(pathname)) return target;
  const query = target.indexOf('?');
  return query === -1 ? SERVICE_EXPORT_PATH : `${SERVICE_EXPORT_PATH}${target.slice(query)}`;
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

/** The gateway's own answer about the company (its default language), read by the app at start. */
export const PORTAL_SETTINGS_PATH = '/portal-settings.json';
