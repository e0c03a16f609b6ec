import path from 'node:path';
import { Platform } from '@vouch/testing';

/**
 * A service stopped as an orchestrator stops it. In a container the service is PID 1, for which a
 * signal without a handler is ignored: it must exit by itself once stopped, whatever is still open.
 */
describe('a service stopped with SIGTERM', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await Platform.start('e2e_graceful_stop', ['identity', 'connections'], {
      connections: {
        NODE_OPTIONS: `--require ${path.join(__dirname, 'fixtures', 'handle-left-open.cjs')}`,
        LOG_LEVEL: 'info',
      },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('finishes its work and exits 0 at once, even with a handle left open', async () => {
    const connections = platform.service('connections');
    const started = Date.now();

    const exitCode = await connections.stop();

    expect({ exitCode, exitedBeforeTheDeadline: Date.now() - started < 25_000 }).toEqual({
      exitCode: 0,
      exitedBeforeTheDeadline: true,
    });
    expect(connections.log()).toMatch(/SIGTERM: stopping[\s\S]*stopped in \d+ ms/);
  });
});
