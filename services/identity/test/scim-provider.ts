import { randomBytes } from 'node:crypto';
import type { Answer, IdentityApp } from './identity-app';

export const newScimToken = (): string => randomBytes(32).toString('base64url');

export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** An identity provider (Entra ID, Okta) calling identity's /scim/v2 with its token, as SCIM+JSON. */
export class ScimProvider {
  constructor(
    private readonly identity: IdentityApp,
    readonly token: string,
  ) {}

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    { token = this.token }: { token?: string } = {},
  ): Promise<Answer<T>> {
    return this.identity.call<T>(method, `/scim/v2${path}`, {
      body,
      token,
      headers: body === undefined ? {} : { 'content-type': 'application/scim+json' },
    });
  }

  /** Creates a user; fails the test unless it answers 201. */
  async create(resource: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
    const answer = await this.call<Record<string, unknown> & { id: string }>('POST', '/Users', resource);
    if (answer.status !== 201)
      throw new Error(`POST /Users answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}
