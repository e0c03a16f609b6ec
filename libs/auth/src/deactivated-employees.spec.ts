import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { createLocalJWKSet } from 'jose';
import { AuthenticatedGuard } from './auth.guards';
import {
  DeactivatedEmployees,
  DeactivatedEmployeesFeed,
  DeactivatedEmployeesSource,
} from './deactivated-employees';
import { SigningKeys } from './signing-keys';
import { TokenIssuer } from './token-issuer';
import { TokenVerifier } from './token-verifier';

const settings = { issuer: 'vouch-identity', audience: 'vouch', ttlSeconds: 900 };
const ana = {
  id: '0b5e6a43-7a47-4c53-9d3c-3f1f8cf2a0a1',
  email: 'ana@example.com',
  roles: ['employee' as const],
};

class ListedSource extends DeactivatedEmployeesSource {
  constructor(public answers: Array<string[] | Error>) {
    super();
  }

  load(): Promise<string[]> {
    const next = this.answers.shift() ?? [];
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }
}

function contextWith(headers: Record<string, string>): ExecutionContext {
  const request = { headers };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe('deactivated employees', () => {
  it('are refused by the guard with a 401, even with a valid token, and let in again once reactivated', async () => {
    const { keys } = await SigningKeys.generate();
    const { accessToken } = await new TokenIssuer(keys, settings).issue(ana);
    const deactivated = new DeactivatedEmployees();
    const guard = new AuthenticatedGuard(
      new TokenVerifier({ keys: createLocalJWKSet(keys.jwks()) }, settings),
      deactivated,
    );
    const context = () => contextWith({ authorization: `Bearer ${accessToken}` });

    await expect(guard.canActivate(context())).resolves.toBe(true);
    deactivated.replace([ana.id]);
    await expect(guard.canActivate(context())).rejects.toThrow(UnauthorizedException);
    deactivated.replace([]);
    await expect(guard.canActivate(context())).resolves.toBe(true);
  });

  it('are loaded before the first request, then read again on a timer; a failed read keeps the last set', async () => {
    jest.useFakeTimers();
    try {
      const source = new ListedSource([[ana.id], new Error('database down'), []]);
      const deactivated = new DeactivatedEmployees();
      const feed = new DeactivatedEmployeesFeed(source, deactivated, 1_000);

      await feed.onApplicationBootstrap();
      expect(deactivated.has(ana.id)).toBe(true);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(deactivated.has(ana.id)).toBe(true);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(deactivated.has(ana.id)).toBe(false);
      await feed.beforeApplicationShutdown();
    } finally {
      jest.useRealTimers();
    }
  });
});
