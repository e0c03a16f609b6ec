import { ConfigError, loadConfig } from '@vouch/platform';
import { connectionsEnvironment } from './config';

describe('connections configuration', () => {
  it('runs on port 3002 with its own database and identity’s keys by default', () => {
    expect(loadConfig(connectionsEnvironment, {})).toMatchObject({
      PORT: 3002,
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/connections',
      JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
      JWT_ISSUER: 'vouch-identity',
      JWT_AUDIENCE: 'vouch',
    });
  });

  it('refuses to boot naming each wrong variable', () => {
    const load = () => loadConfig(connectionsEnvironment, { JWKS_URL: 'not a url', PORT: 'eighty' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/JWKS_URL/);
    expect(load).toThrow(/PORT/);
  });

  it('keeps Idempotency-Keys 24 hours by default, and refuses to boot on a lifetime outside 1..720 hours', () => {
    expect(loadConfig(connectionsEnvironment, {}).IDEMPOTENCY_KEY_TTL_HOURS).toBe(24);
    expect(
      loadConfig(connectionsEnvironment, { IDEMPOTENCY_KEY_TTL_HOURS: '720' }).IDEMPOTENCY_KEY_TTL_HOURS,
    ).toBe(720);
    for (const wrong of ['0', '721', '1.5', 'a day'])
      expect(() => loadConfig(connectionsEnvironment, { IDEMPOTENCY_KEY_TTL_HOURS: wrong })).toThrow(
        /IDEMPOTENCY_KEY_TTL_HOURS/,
      );
  });

  it('refuses to boot in production with a database password equal to its role name', () => {
    expect(() =>
      loadConfig(connectionsEnvironment, {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://connections:connections@postgres:5432/connections',
      }),
    ).toThrow(/DATABASE_URL: the database password in DATABASE_URL equals the role name/);
    expect(() => loadConfig(connectionsEnvironment, { NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });
});
