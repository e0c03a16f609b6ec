import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SigningKeys, TokenIssuer, type AuthEnvironment, type Role } from '@vouch/auth';

/**
 * Stands in for identity's token side in a service's own tests: serves a JWKS over real HTTP and
 * issues tokens for any employee, so a service can be tested without running identity.
 */
export class TestTokenAuthority {
  private constructor(
    private readonly server: Server,
    private readonly issuer: TokenIssuer,
    readonly environment: AuthEnvironment,
  ) {}

  static async start(): Promise<TestTokenAuthority> {
    const { keys } = await SigningKeys.generate();
    const server = createServer((request, response) => {
      if (request.url === '/.well-known/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.jwks()));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const environment = {
      JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      JWT_ISSUER: 'vouch-identity-test',
      JWT_AUDIENCE: 'vouch',
    };
    const issuer = new TokenIssuer(keys, {
      issuer: environment.JWT_ISSUER,
      audience: environment.JWT_AUDIENCE,
      ttlSeconds: 3_600,
    });
    return new TestTokenAuthority(server, issuer, environment);
  }

  /** A bearer token for an employee; a new id and email unless given. */
  async tokenFor(
    employee: { id?: string; email?: string; roles?: Role[] } = {},
  ): Promise<{ id: string; token: string }> {
    const id = employee.id ?? randomUUID();
    const { accessToken } = await this.issuer.issue({
      id,
      email: employee.email ?? `${id}@example.com`,
      roles: employee.roles ?? ['employee'],
    });
    return { id, token: accessToken };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
