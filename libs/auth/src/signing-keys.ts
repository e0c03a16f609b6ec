import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type JWK,
  type CryptoKey,
} from 'jose';
import { createPrivateKey } from 'node:crypto';
import type { AccessTokenAlgorithm } from './authenticated-employee';

export interface SigningKey {
  kid: string;
  alg: AccessTokenAlgorithm;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

function algorithmOf(pem: string): AccessTokenAlgorithm {
  const type = createPrivateKey(pem).asymmetricKeyType;
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'rsa') return 'RS256';
  throw new Error(`unsupported signing key type ${type}: use an Ed25519 or RSA private key (PKCS#8 PEM)`);
}

async function signingKey(privateKey: CryptoKey, alg: AccessTokenAlgorithm): Promise<SigningKey> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg, privateKey, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } };
}

/**
 * The keys access tokens are signed with. The first signs; all are published, so tokens signed
 * with a key being rotated out stay valid until they expire.
 */
export class SigningKeys {
  private constructor(private readonly keys: SigningKey[]) {}

  /** From PKCS#8 PEMs (Ed25519 or RSA), newest first. */
  static async fromPem(pems: string[]): Promise<SigningKeys> {
    if (pems.length === 0) throw new Error('at least one signing key is needed');
    const keys = await Promise.all(
      pems.map(async (pem) => {
        const alg = algorithmOf(pem);
        return signingKey(await importPKCS8(pem, alg, { extractable: true }), alg);
      }),
    );
    return new SigningKeys(keys);
  }

  /** A fresh Ed25519 key, for development and tests. */
  static async generate(): Promise<{ keys: SigningKeys; pem: string }> {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    return {
      keys: new SigningKeys([await signingKey(privateKey, 'EdDSA')]),
      pem: await exportPKCS8(privateKey),
    };
  }

  current(): SigningKey {
    const [current] = this.keys;
    if (!current) throw new Error('no signing key');
    return current;
  }

  /** The public keys, as `GET /.well-known/jwks.json` answers. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }
}
