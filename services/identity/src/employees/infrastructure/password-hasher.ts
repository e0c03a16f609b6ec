import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/** Passwords are stored as argon2id hashes, never as themselves. */
@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so that answer takes as long as a wrong password.
  private readonly decoy = hash('decoy password for unknown emails', { type: argon2id });

  hashOf(password: string): Promise<string> {
    return hash(password, { type: argon2id });
  }

  async matches(digest: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(digest ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
