import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises the error node-postgres gives when nothing listens on the port', async () => {
    // Port 1 on loopback: a real refusal, not a constructed error.
    const client = new Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2_000 });
    const refusal = await client.connect().then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(refusal).toBeDefined();
    expect(isDatabaseUnavailable(refusal)).toBe(true);
  });

  it.each([
    ['a cut connection', Object.assign(new Error('Connection terminated unexpectedly'), {})],
    [
      'the server shutting down (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'the server starting (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections (53300)', Object.assign(new Error('too many clients'), { code: '53300' })],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('recognises %s, also wrapped by TypeORM', (_what, driverError) => {
    expect(isDatabaseUnavailable(driverError)).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], driverError))).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error (42601)', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a serialization failure (40001)', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('does not take %s for an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], error))).toBe(false);
  });

  it('is false for what is no error', () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
