import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';

const script = path.resolve(__dirname, '../../../tools/dev-idp/dev-idp.mjs');

/** A person the development IdP knows, as its ID tokens describe them. */
export interface IdpPerson {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
  /** Entra ID's object id. */
  oid?: string;
  /** Entra ID's "email domain owner verified". */
  xms_edov?: boolean;
}

/** A relying party registered at the IdP: its client id and secret, and where it may send people back. */
export interface IdpClient {
  clientId: string;
  clientSecret: string;
}

/**
 * The development company IdP (tools/dev-idp, oidc-provider) in its own process, as identity would
 * reach the company's: over HTTP. Tests add people and clients to it; no token is ever forged.
 */
export class DevIdp {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    private readonly adminToken: string,
  ) {}

  static async start(): Promise<DevIdp> {
    const adminToken = randomBytes(24).toString('base64url');
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, DEV_IDP_PORT: '0', DEV_IDP_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.once('line', (line) => resolve(line.trim()));
      child.once('exit', (code) => reject(new Error(`the dev IdP exited (${code}): ${stderr.join('')}`)));
    });
    return new DevIdp(child, issuer, adminToken);
  }

  /** Adds someone the IdP knows; unset fields get a random sub, a verified email, no groups. */
  async addPerson(fields: Partial<IdpPerson> & { email: string }): Promise<IdpPerson> {
    const [person] = await this.admin<IdpPerson[]>('/dev/users', { sub: randomUUID(), ...fields });
    if (!person) throw new Error('the dev IdP added nobody');
    return person;
  }

  /** A new client id and secret, to configure identity with before registering it (`addClient`). */
  static newClient(): IdpClient {
    return { clientId: `vouch-${randomUUID()}`, clientSecret: randomBytes(32).toString('base64url') };
  }

  /** Registers a client (identity) that may send people back to `redirectUri`. */
  async addClient(client: IdpClient, redirectUri: string): Promise<void> {
    await this.admin('/dev/clients', {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [redirectUri],
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async admin<T>(pathname: string, body: unknown): Promise<T> {
    const answer = await fetch(new URL(pathname, this.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.adminToken}` },
      body: JSON.stringify(body),
    });
    if (answer.status !== 201)
      throw new Error(`the dev IdP answered ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as T;
  }
}

/**
 * A browser, as far as a redirect-based sign-in needs one: it follows redirects one by one and
 * keeps the cookies each origin sets (by name, per origin; enough for these flows).
 */
export class RedirectingBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();

  /** Every URL visited by the last `visit`, the final one last. */
  readonly visited: URL[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.cookies.get(new URL(origin).origin)?.get(name);
  }

  /** The Cookie header this browser sends to `url`. */
  cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  /**
   * Visits `url`, following redirects while they lead under one of the `follow` prefixes, and
   * answers the last response with its URL and where it redirects to, if it does.
   */
  async visit(
    url: string,
    follow: string[],
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; url: URL; location: URL | undefined; body: string }> {
    let next = new URL(url);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops++) {
      this.visited.push(next);
      const answer = await fetch(next, {
        method,
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(next),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        body,
      });
      this.keep(next, answer.headers.getSetCookie());
      const location = answer.headers.get('location');
      const target = location === null ? undefined : new URL(location, next);
      if (
        answer.status < 300 ||
        answer.status >= 400 ||
        !target ||
        !follow.some((prefix) => target.href.startsWith(prefix))
      )
        return { status: answer.status, url: next, location: target, body: await answer.text() };
      await answer.arrayBuffer();
      next = target;
      method = 'GET';
      body = undefined;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private keep(url: URL, setCookies: string[]): void {
    const jar = this.cookies.get(url.origin) ?? new Map<string, string>();
    for (const setCookie of setCookies) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(url.origin, jar);
  }
}
