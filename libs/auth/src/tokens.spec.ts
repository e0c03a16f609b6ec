import { createLocalJWKSet, SignJWT, UnsecuredJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { SigningKeys } from './signing-keys';
import { TokenIssuer } from './token-issuer';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const settings = { issuer: 'vouch-identity', audience: 'vouch', ttlSeconds: 900 };
const ana = {
  id: '0b5e6a43-7a47-4c53-9d3c-3f1f8cf2a0a1',
  email: 'ana@example.com',
  roles: ['employee' as const],
};

function verifierFor(keys: SigningKeys, expected = settings) {
  return new TokenVerifier({ keys: createLocalJWKSet(keys.jwks()) }, expected);
}

/** A token signed with `keys`' current key, for Ana, whatever its other claims: what identity never issues. */
function signedWith(keys: SigningKeys, claims: Record<string, unknown>): Promise<string> {
  const key = keys.current();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(ana.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

describe('access tokens', () => {
  it('verifies a token it issued and reads the employee from it', async () => {
    const { keys } = await SigningKeys.generate();
    const { accessToken, expiresIn } = await new TokenIssuer(keys, settings).issue(ana);

    expect(expiresIn).toBe(900);
    expect(await verifierFor(keys).verify(accessToken)).toEqual(ana);
  });

  it("reads an HR member's and an admin's roles from their token", async () => {
    const { keys } = await SigningKeys.generate();
    const hr = { ...ana, roles: ['employee' as const, 'admin' as const, 'hr' as const] };
    const { accessToken } = await new TokenIssuer(keys, settings).issue(hr);

    expect(await verifierFor(keys).verify(accessToken)).toEqual(hr);
  });

  it('keeps the roles it knows from a token that also carries one it does not, as a later release may issue', async () => {
    const { keys } = await SigningKeys.generate();
    const token = await signedWith(keys, { email: ana.email, roles: ['employee', 'hr', 'auditor'] });

    expect(await verifierFor(keys).verify(token)).toEqual({ ...ana, roles: ['employee', 'hr'] });
  });

  it('refuses a token with no role it knows', async () => {
    const { keys } = await SigningKeys.generate();
    const token = await signedWith(keys, { email: ana.email, roles: ['auditor'] });

    await expect(verifierFor(keys).verify(token)).rejects.toThrow(/claims/);
  });

  it('publishes public keys only', async () => {
    const { keys } = await SigningKeys.generate();
    const [jwk] = keys.jwks().keys;
    expect(jwk).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: expect.any(String),
    });
    expect(jwk).not.toHaveProperty('d');
  });

  it('keeps tokens signed with the previous key valid after a rotation', async () => {
    const old = await SigningKeys.generate();
    const { privateKey } = generateKeyPairSync('ed25519');
    const fresh = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rotated = await SigningKeys.fromPem([fresh, old.pem]);

    const before = await new TokenIssuer(old.keys, settings).issue(ana);
    const after = await new TokenIssuer(rotated, settings).issue(ana);

    expect(rotated.jwks().keys).toHaveLength(2);
    await expect(verifierFor(rotated).verify(before.accessToken)).resolves.toEqual(ana);
    await expect(verifierFor(rotated).verify(after.accessToken)).resolves.toEqual(ana);
  });

  it('accepts RSA keys as well', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys = await SigningKeys.fromPem([privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()]);
    const { accessToken } = await new TokenIssuer(keys, settings).issue(ana);
    expect(JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()).alg).toBe('RS256');
    await expect(verifierFor(keys).verify(accessToken)).resolves.toEqual(ana);
  });

  it.each([
    ['another audience', { ...settings, audience: 'someone-else' }],
    ['another issuer', { ...settings, issuer: 'evil-identity' }],
  ])('refuses a token meant for %s', async (_case, expected) => {
    const { keys } = await SigningKeys.generate();
    const { accessToken } = await new TokenIssuer(keys, settings).issue(ana);
    await expect(verifierFor(keys, expected).verify(accessToken)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses an expired token', async () => {
    const { keys } = await SigningKeys.generate();
    const { accessToken } = await new TokenIssuer(keys, { ...settings, ttlSeconds: -60 }).issue(ana);
    await expect(verifierFor(keys).verify(accessToken)).rejects.toThrow(/exp/);
  });

  it('remembers a verified token until it expires, and refuses it after', async () => {
    const { keys } = await SigningKeys.generate();
    const { accessToken } = await new TokenIssuer(keys, settings).issue(ana);
    const jwks = createLocalJWKSet(keys.jwks());
    let keyLookups = 0;
    const verifier = new TokenVerifier(
      {
        keys: (header, token) => {
          keyLookups += 1;
          return jwks(header, token);
        },
      },
      settings,
    );

    expect(await verifier.verify(accessToken)).toEqual(ana);
    expect(await verifier.verify(accessToken)).toEqual(ana);
    expect(keyLookups).toBe(1);
    const later = new Date(Date.now() + (settings.ttlSeconds + 60) * 1000);
    await expect(verifier.verify(accessToken, later)).rejects.toThrow(/exp/);
  });

  it('refuses unsigned tokens and tokens signed by a key it does not know', async () => {
    const { keys } = await SigningKeys.generate();
    const stranger = await SigningKeys.generate();
    const unsigned = new UnsecuredJWT({ email: ana.email, roles: ['admin'] })
      .setSubject(ana.id)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime('5m')
      .encode();
    const forged = await new TokenIssuer(stranger.keys, settings).issue({
      ...ana,
      roles: ['employee', 'admin'],
    });

    await expect(verifierFor(keys).verify(unsigned)).rejects.toThrow(InvalidTokenError);
    await expect(verifierFor(keys).verify(forged.accessToken)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a validly signed token without the employee claims', async () => {
    const { keys } = await SigningKeys.generate();
    const token = await signedWith(keys, {});
    await expect(verifierFor(keys).verify(token)).rejects.toThrow(/claims/);
  });
});
