import { Logger, type Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { SigningKeys, TokenIssuer } from '@vouch/auth';
import { privateKeyPems, type IdentityEnvironment } from '../../config';

async function loadSigningKeys(environment: IdentityEnvironment): Promise<SigningKeys> {
  if (environment.JWT_PRIVATE_KEYS) return SigningKeys.fromPem(environment.JWT_PRIVATE_KEYS);
  if (environment.JWT_PRIVATE_KEY_FILE) {
    const pems = privateKeyPems(await readFile(environment.JWT_PRIVATE_KEY_FILE, 'utf8'));
    if (pems.length === 0)
      throw new Error(
        `JWT_PRIVATE_KEY_FILE: no PKCS#8 PEM private key in ${environment.JWT_PRIVATE_KEY_FILE}`,
      );
    return SigningKeys.fromPem(pems);
  }
  new Logger('SigningKeys').warn(
    'no JWT_PRIVATE_KEYS or JWT_PRIVATE_KEY_FILE: signing with a key generated at boot; ' +
      'tokens will not survive a restart and other instances will not accept them',
  );
  return (await SigningKeys.generate()).keys;
}

/** The keys access tokens are signed with, and the issuer that uses them. */
export function signingProviders(environment: IdentityEnvironment): Provider[] {
  return [
    { provide: SigningKeys, useFactory: () => loadSigningKeys(environment) },
    {
      provide: TokenIssuer,
      inject: [SigningKeys],
      useFactory: (keys: SigningKeys) =>
        new TokenIssuer(keys, {
          issuer: environment.JWT_ISSUER,
          audience: environment.JWT_AUDIENCE,
          ttlSeconds: environment.JWT_TTL_SECONDS,
        }),
    },
  ];
}
