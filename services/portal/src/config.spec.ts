import { portalEnvironment } from './config';

describe('the portal gateway configuration', () => {
  it('listens on 8080 and forwards to the services on their contract ports by default', () => {
    expect(portalEnvironment.parse({})).toMatchObject({
      PORT: 8080,
      IDENTITY_URL: 'http://127.0.0.1:3001',
      CONNECTIONS_URL: 'http://127.0.0.1:3002',
      RECOMMENDATIONS_URL: 'http://127.0.0.1:3003',
      NOTIFICATIONS_URL: 'http://127.0.0.1:3004',
    });
  });

  it('trusts no proxy by default, and reads a list of them', () => {
    expect(portalEnvironment.parse({}).TRUSTED_PROXIES).toEqual([]);
    expect(portalEnvironment.parse({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).TRUSTED_PROXIES).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
  });

  it('names each variable that is wrong', () => {
    const result = portalEnvironment.safeParse({ PORTAL_PORT: 'eighty', IDENTITY_URL: 'identity:3001' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'IDENTITY_URL',
      'PORTAL_PORT',
    ]);
  });
});
