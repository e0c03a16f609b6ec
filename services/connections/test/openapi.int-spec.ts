import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectionsTestApp } from './support/connections-test-app';

/** Written by `npm run contract` from the same function the service serves its document with. */
const COMMITTED = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'connections.json');

describe('the connections API document', () => {
  let connections: ConnectionsTestApp;

  beforeAll(async () => {
    connections = await ConnectionsTestApp.start('connections_openapi');
  });

  afterAll(async () => {
    await connections?.close();
  });

  it('is served at /docs-json as committed in docs/openapi', async () => {
    const served = await connections.request('GET', '/docs-json');

    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
