import { SignJWT, UnsecuredJWT, importPKCS8, type JSONWebKeySet } from 'jose';
import { createPublicKey, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentityApp, newPrivateKeyPem } from './identity-app';

describe('access tokens at identity', () => {
  let identity: IdentityApp;
  let kid: string;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_tokens');
    const jwks = await identity.call<JSONWebKeySet>('GET', '/.well-known/jwks.json');
    kid = String(jwks.body.keys[0]?.kid);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** A token signed with identity's real key, with whatever claims a test wants to try. */
  async function signed(
    claims: { sub: string; email: string; roles?: string[] },
    options: { issuer?: string; audience?: string; expiresAt?: number } = {},
  ): Promise<string> {
    const key = await importPKCS8(identity.signingKeyPem, 'EdDSA');
    return new SignJWT({ email: claims.email, roles: claims.roles ?? ['employee'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(claims.sub)
      .setIssuer(options.issuer ?? 'vouch-identity')
      .setAudience(options.audience ?? 'vouch')
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '5m')
      .sign(key);
  }

  const me = (token: string) => identity.call('GET', '/v1/employees/me', { token });

  it('accepts a token signed with its key for the right issuer and audience', async () => {
    const ana = await identity.register();
    expect((await me(await signed({ sub: ana.id, email: ana.email }))).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    const answer = await identity.call('GET', '/v1/employees/me');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('answers 401 to an unsigned token (alg: none)', async () => {
    const ana = await identity.register();
    const token = new UnsecuredJWT({ email: ana.email, roles: ['employee', 'admin'] })
      .setSubject(ana.id)
      .setIssuer('vouch-identity')
      .setAudience('vouch')
      .setExpirationTime('5m')
      .encode();
    expect((await me(token)).status).toBe(401);
  });

  it('answers 401 to a token signed HS256 with its public key as the secret', async () => {
    const ana = await identity.register();
    const publicPem = createPublicKey(identity.signingKeyPem)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const token = await new SignJWT({ email: ana.email, roles: ['employee', 'admin'] })
      .setProtectedHeader({ alg: 'HS256', kid })
      .setSubject(ana.id)
      .setIssuer('vouch-identity')
      .setAudience('vouch')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    expect((await me(token)).status).toBe(401);
  });

  it.each([
    ['another audience', { audience: 'another-app' }],
    ['another issuer', { issuer: 'evil-identity' }],
    ['an expiry in the past', { expiresAt: Math.floor(Date.now() / 1000) - 60 }],
  ])('answers 401 to a token with %s', async (_case, options) => {
    const ana = await identity.register();
    expect((await me(await signed({ sub: ana.id, email: ana.email }, options))).status).toBe(401);
  });

  it('answers 401 to a token whose claims were tampered with after signing', async () => {
    const ana = await identity.register();
    const [header, , signature] = ana.token.split('.');
    const claims = JSON.parse(Buffer.from(ana.token.split('.')[1], 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['employee', 'admin'] })).toString(
      'base64url',
    );

    const answer = await identity.call('POST', `/v1/employees/${randomUUID()}/deactivate`, {
      token: `${header}.${forged}.${signature}`,
    });
    expect(answer.status).toBe(401);
  });

  it('answers 401 to a token signed by a key it does not publish', async () => {
    const ana = await identity.register();
    const stranger = await importPKCS8(newPrivateKeyPem(), 'EdDSA');
    const token = await new SignJWT({ email: ana.email, roles: ['employee'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(ana.id)
      .setIssuer('vouch-identity')
      .setAudience('vouch')
      .setExpirationTime('5m')
      .sign(stranger);
    expect((await me(token)).status).toBe(401);
  });
});

describe('signing key rotation', () => {
  let identity: IdentityApp;
  const previousKey = newPrivateKeyPem();

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_rotation', {
      JWT_PRIVATE_KEYS: [newPrivateKeyPem(), previousKey].join('\n').replace(/\n/g, '\\n'),
    });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('publishes every configured key and still accepts tokens signed with the previous one', async () => {
    const jwks = await identity.call<JSONWebKeySet>('GET', '/.well-known/jwks.json');
    expect(jwks.body.keys).toHaveLength(2);
    const [current, previous] = jwks.body.keys;
    const ana = await identity.register();
    expect(JSON.parse(Buffer.from(ana.token.split('.')[0], 'base64url').toString()).kid).toBe(current?.kid);

    const oldToken = await new SignJWT({ email: ana.email, roles: ['employee'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: String(previous?.kid) })
      .setSubject(ana.id)
      .setIssuer('vouch-identity')
      .setAudience('vouch')
      .setExpirationTime('5m')
      .sign(await importPKCS8(previousKey, 'EdDSA'));
    expect((await identity.call('GET', '/v1/employees/me', { token: oldToken })).status).toBe(200);
  });
});

describe('where signing keys come from', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'identity-keys-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function signsAndVerifies(identity: IdentityApp): Promise<JSONWebKeySet> {
    const ana = await identity.register();
    expect((await identity.call('GET', '/v1/employees/me', { token: ana.token })).status).toBe(200);
    return (await identity.call<JSONWebKeySet>('GET', '/.well-known/jwks.json')).body;
  }

  it('signs with the keys of JWT_PRIVATE_KEY_FILE, the first one first', async () => {
    const file = path.join(directory, 'keys.pem');
    await writeFile(file, `${newPrivateKeyPem()}\n${newPrivateKeyPem()}`, { mode: 0o600 });
    const identity = await IdentityApp.start('identity_key_file', {
      JWT_PRIVATE_KEYS: '',
      JWT_PRIVATE_KEY_FILE: file,
    });
    try {
      expect((await signsAndVerifies(identity)).keys).toHaveLength(2);
    } finally {
      await identity.stop();
    }
  });

  it('signs with a key of its own when none is configured', async () => {
    const identity = await IdentityApp.start('identity_dev_key', { JWT_PRIVATE_KEYS: '' });
    try {
      expect((await signsAndVerifies(identity)).keys).toHaveLength(1);
    } finally {
      await identity.stop();
    }
  });
});
