import { isApiPath, serviceFor, serviceTarget } from './routes';

describe('the gateway route table', () => {
  it.each([
    ['/v1/auth/register', 'identity'],
    ['/v1/auth/login', 'identity'],
    ['/v1/employees', 'identity'],
    ['/v1/employees/me', 'identity'],
    ['/v1/employees/me/completeness', 'identity'],
    ['/v1/employees/6f1c2f4e-0000-4000-8000-000000000000', 'identity'],
    ['/v1/employees/6f1c2f4e-0000-4000-8000-000000000000/manager', 'identity'],
    ['/v1/admin/audit-log', 'identity'],
    ['/v1/admin/people-import', 'identity'],
    ['/v1/admin/employees/6f1c2f4e-0000-4000-8000-000000000000/invitation', 'identity'],
    ['/v1/admin/employees/6f1c2f4e-0000-4000-8000-000000000000/admin-role', 'identity'],
    ['/v1/admin/employees/6f1c2f4e-0000-4000-8000-000000000000/erasure', 'identity'],
    ['/v1/admin/erasures', 'identity'],
    ['/v1/admin/erasures/6f1c2f4e-0000-4000-8000-000000000000', 'identity'],
    ['/v1/auth/invitations/accept', 'identity'],
    // Password accounts: the confirmation and reset links' buttons, and asking for them again.
    ['/v1/auth/email-confirmations', 'identity'],
    ['/v1/auth/email-confirmations/resend', 'identity'],
    ['/v1/auth/password-resets', 'identity'],
    ['/v1/auth/password-resets/confirm', 'identity'],
    // Single sign-on: the start, and the callback the company's IdP sends the browser back to.
    ['/v1/auth/methods', 'identity'],
    ['/v1/auth/sso/start', 'identity'],
    ['/v1/auth/sso/callback', 'identity'],
    ['/.well-known/jwks.json', 'identity'],
    ['/.well-known/vouch-document-keys.json', 'recommendations'],
    ['/scim/v2', 'identity'],
    ['/scim/v2/Users', 'identity'],
    ['/scim/v2/Users/123', 'identity'],
    ['/scim/v2/ServiceProviderConfig', 'identity'],
    ['/scim/v2/ResourceTypes', 'identity'],
    ['/scim/v2/Schemas', 'identity'],
    ['/scim/v2/Groups', 'identity'],
    ['/v1/employees/6f1c2f4e-0000-4000-8000-000000000000/recommendations', 'recommendations'],
    ['/v1/connections', 'connections'],
    ['/v1/connections/suggestions', 'connections'],
    ['/v1/connection-requests/abc/accept', 'connections'],
    ['/v1/recommendations/received', 'recommendations'],
    ['/v1/recommendations/balance', 'recommendations'],
    ['/v1/recommendation-requests', 'recommendations'],
    ['/v1/admin/recommendations/coverage', 'recommendations'],
    ['/v1/notification-preferences', 'notifications'],
    ['/v1/unsubscribe', 'notifications'],
    ['/v1/deliveries', 'notifications'],
    ['/v1/me/export/identity', 'identity'],
    ['/v1/me/export/connections', 'connections'],
    ['/v1/me/export/recommendations', 'recommendations'],
    ['/v1/me/export/notifications', 'notifications'],
  ])('sends %s to %s', (path, service) => {
    expect(serviceFor(path)).toBe(service);
  });

  it.each([
    '/',
    '/sso-complete',
    '/recommendations/new',
    '/settings/notifications',
    '/v1/unknown',
    '/v1/employeesx',
    '/docs',
    '/scimx',
    '/scim/v2x/Users',
    '/scim/Users',
    '/v1/me/export',
    '/v1/me/export/portal',
    '/v1/me/export/identity/x',
  ])('sends %s to no service', (path) => {
    expect(serviceFor(path)).toBeUndefined();
  });

  it('sends a SCIM query to identity by its path alone', () => {
    const request = new URL(
      '/scim/v2/Groups?filter=displayName%20eq%20%22Vouch%20Admins%22',
      'http://portal',
    );
    expect(serviceFor(request.pathname)).toBe('identity');
  });

  it('tells API paths, which never fall back to the app, from the app pages', () => {
    expect(isApiPath('/v1/unknown')).toBe(true);
    expect(isApiPath('/.well-known/openid-configuration')).toBe(true);
    expect(isApiPath('/recommendations/123')).toBe(false);
    expect(isApiPath('/v1unsubscribe')).toBe(false);
    expect(isApiPath('/scim/Users')).toBe(true);
    expect(isApiPath('/scimx')).toBe(false);
  });

  it("sends each service's export to the one path every service serves it at, with its query", () => {
    expect(serviceTarget('/v1/me/export/identity', '/v1/me/export/identity')).toBe('/v1/me/export');
    expect(serviceTarget('/v1/me/export/notifications?x=1', '/v1/me/export/notifications')).toBe(
      '/v1/me/export?x=1',
    );
    expect(serviceTarget('/v1/connections?limit=5', '/v1/connections')).toBe('/v1/connections?limit=5');
  });
});
