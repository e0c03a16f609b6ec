import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What a sign-in under way must find again when the provider sends the person back. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * Sign-ins under way, each found by the random key of the browser's cookie (stored hashed, so
 * the table alone never completes one) and used once.
 */
@Injectable()
export class SsoLoginRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(key: string, checks: LoginChecks, at: Date, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM sso_login WHERE expires_at < $1`, [at]);
    await this.dataSource.query(
      `INSERT INTO sso_login (key_hash, state, nonce, code_verifier, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        hashOf(key),
        checks.state,
        checks.nonce,
        checks.codeVerifier,
        at,
        new Date(at.getTime() + ttlSeconds * 1000),
      ],
    );
  }

  /** The sign-in of this key, removed so that it completes once; undefined when unknown or expired. */
  async take(key: string, at: Date): Promise<LoginChecks | undefined> {
    const [rows]: [Array<{ state: string; nonce: string; code_verifier: string; expires_at: Date }>, number] =
      await this.dataSource.query(
        `DELETE FROM sso_login WHERE key_hash = $1 RETURNING state, nonce, code_verifier, expires_at`,
        [hashOf(key)],
      );
    const [row] = rows;
    if (!row || row.expires_at.getTime() <= at.getTime()) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
  }
}
