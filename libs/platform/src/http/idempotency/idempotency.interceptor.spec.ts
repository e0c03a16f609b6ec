import type { OpenAPIObject } from '@nestjs/swagger';
import { declareIdempotentReplays } from './idempotency.interceptor';

/** A document with one operation that takes Idempotency-Key, as `@Idempotent()` declares it, and one that does not. */
function documentOf(statuses: string[]): OpenAPIObject {
  const responses = () =>
    Object.fromEntries(statuses.map((status) => [status, { description: `answers ${status}` }]));
  return {
    openapi: '3.0.0',
    info: { title: 'sample', version: '1' },
    paths: {
      '/v1/things': {
        post: {
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false }],
          responses: { ...responses(), '503': { $ref: '#/components/responses/DatabaseTimeout' } },
        },
        get: { responses: responses() },
      },
    },
  };
}

const headersOf = (document: OpenAPIObject, method: 'get' | 'post') =>
  Object.fromEntries(
    Object.entries(document.paths['/v1/things']?.[method]?.responses ?? {}).map(([status, response]) => [
      status,
      response && 'headers' in response ? Object.keys(response.headers ?? {}) : [],
    ]),
  );

describe('declareIdempotentReplays', () => {
  it('declares Idempotent-Replayed on the answers a retry can get replayed, of the operations that take a key', () => {
    const document = documentOf(['200', '201', '400', '401', '403', '404', '409', '422', '429']);

    declareIdempotentReplays(document);

    expect(headersOf(document, 'post')).toEqual({
      '200': ['Idempotent-Replayed'],
      '201': ['Idempotent-Replayed'],
      '400': ['Idempotent-Replayed'],
      // Authentication answers before the key is read.
      '401': [],
      '403': ['Idempotent-Replayed'],
      '404': ['Idempotent-Replayed'],
      '409': ['Idempotent-Replayed'],
      // The answer to a key used with another body, never kept.
      '422': [],
      // Not kept: the request runs when it comes back.
      '429': [],
      // A fault keeps nothing; a shared response is left as it is.
      '503': [],
    });
    expect(Object.values(headersOf(document, 'get')).flat()).toEqual([]);
  });
});
