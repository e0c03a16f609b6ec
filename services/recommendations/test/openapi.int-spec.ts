import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecommendationsTestApp } from './support/recommendations-test-app';

/** Written by `npm run contract` from the same function the service serves its document with. */
const COMMITTED = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'recommendations.json');

describe('the recommendations API document', () => {
  let recommendations: RecommendationsTestApp;

  beforeAll(async () => {
    recommendations = await RecommendationsTestApp.start('recommendations_openapi');
  });

  afterAll(async () => {
    await recommendations?.close();
  });

  it('is served at /docs-json as committed in docs/openapi', async () => {
    const served = await recommendations.request('GET', '/docs-json');

    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
