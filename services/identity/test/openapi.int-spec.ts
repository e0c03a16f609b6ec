import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdentityApp } from './identity-app';

/** Written by `npm run contract` from the same function the service serves its document with. */
const COMMITTED = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'identity.json');

describe('the identity API document', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    // Configured as `npm run contract` documents it: single sign-on's routes exist only when it is on.
    identity = await IdentityApp.start('identity_openapi', {
      OIDC_ISSUER: 'https://idp.openapi-generation.invalid',
      OIDC_CLIENT_ID: 'openapi-generation',
      OIDC_CLIENT_SECRET: 'openapi-generation-not-a-secret',
    });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('is served at /docs-json as committed in docs/openapi', async () => {
    const served = await identity.call('GET', '/docs-json');

    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
