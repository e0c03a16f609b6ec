import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import type { PresentedRefreshToken, SignInFacts } from '../domain/refresh-token';

/** A presented token with what a refresh needs of its employee and sign-in. */
export interface LockedRefreshToken extends PresentedRefreshToken {
  email: string;
  employeeActive: boolean;
  facts: SignInFacts;
}

interface LockedRow {
  familyId: string;
  employeeId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  familyExpiresAt: Date;
  familyRevokedAt: Date | null;
  email: string;
  deactivatedAt: Date | null;
  emailProven: boolean;
  idpAdmin: boolean;
}

/**
 * Refresh token families and their tokens, by the tokens' SHA-256 (raw SQL on identity's tables), in
 * the unit of work's transaction. A session starts in the transaction in progress if there is one,
 * else on the pool, as it always did.
 */
@Injectable()
export class RefreshTokenRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** A new family (one sign-in) with its first token. */
  async startFamily(
    family: {
      id: string;
      employeeId: string;
      startedAt: Date;
      expiresAt: Date;
      facts: SignInFacts;
    },
    token: { hash: Buffer; expiresAt: Date },
  ): Promise<void> {
    const manager = ambientTransaction() ?? this.dataSource.manager;
    await manager.query(
      `INSERT INTO refresh_token_family (id, employee_id, started_at, expires_at, email_proven, idp_admin)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        family.id,
        family.employeeId,
        family.startedAt,
        family.expiresAt,
        family.facts.emailProven,
        family.facts.inIdpAdminGroup,
      ],
    );
    await this.addToken(manager, family.id, token.hash, family.startedAt, token.expiresAt);
  }

  /**
   * The token with this hash, its family locked: two refreshes with the same token take turns, so
   * the second sees the first's rotation (and is a reuse).
   */
  async lock(hash: Buffer): Promise<LockedRefreshToken | undefined> {
    const rows: LockedRow[] = await this.unitOfWork.transaction().query(
      `SELECT t.family_id AS "familyId", f.employee_id AS "employeeId", t.expires_at AS "expiresAt",
              t.rotated_at AS "rotatedAt", f.expires_at AS "familyExpiresAt",
              f.revoked_at AS "familyRevokedAt", e.email, e.deactivated_at AS "deactivatedAt",
              f.email_proven AS "emailProven", f.idp_admin AS "idpAdmin"
         FROM refresh_token t
         JOIN refresh_token_family f ON f.id = t.family_id
         JOIN employee e ON e.id = f.employee_id
        WHERE t.token_hash = $1
          FOR UPDATE OF t, f`,
      [hash],
    );
    const [row] = rows;
    if (!row) return undefined;
    const { deactivatedAt, emailProven, idpAdmin, ...token } = row;
    return {
      ...token,
      employeeActive: deactivatedAt === null,
      facts: { emailProven, inIdpAdminGroup: idpAdmin },
    };
  }

  /** Marks the presented token used and adds the family's next one. */
  async rotate(
    familyId: string,
    used: Buffer,
    next: { hash: Buffer; expiresAt: Date },
    at: Date,
  ): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.query(`UPDATE refresh_token SET rotated_at = $2 WHERE token_hash = $1`, [used, at]);
    await this.addToken(manager, familyId, next.hash, at, next.expiresAt);
  }

  /** The family of the token with this hash, if any. */
  async familyOf(hash: Buffer): Promise<string | undefined> {
    const rows: Array<{ familyId: string }> = await this.unitOfWork
      .transaction()
      .query(`SELECT family_id AS "familyId" FROM refresh_token WHERE token_hash = $1`, [hash]);
    return rows[0]?.familyId;
  }

  async revokeFamily(familyId: string, reason: string, at: Date): Promise<void> {
    await this.unitOfWork.transaction().query(
      `UPDATE refresh_token_family SET revoked_at = $2, revoked_reason = $3
        WHERE id = $1 AND revoked_at IS NULL`,
      [familyId, at, reason],
    );
  }

  /**
   * Whether a sign-in of the employee that identity still keeps (open, or ended and not yet
   * purged) came through single sign-on with the identity provider's admin group.
   */
  async signedInFromIdpAdminGroup(employeeId: string): Promise<boolean> {
    const manager = ambientTransaction() ?? this.dataSource.manager;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM refresh_token_family WHERE employee_id = $1 AND idp_admin LIMIT 1`,
      [employeeId],
    );
    return rows.length > 0;
  }

  /** Ends every session of an employee; returns how many were still open. */
  async revokeAllOf(employeeId: string, reason: string, at: Date): Promise<number> {
    const [, affected]: [unknown, number] = await this.unitOfWork.transaction().query(
      `UPDATE refresh_token_family SET revoked_at = $2, revoked_reason = $3
        WHERE employee_id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [employeeId, at, reason],
    );
    return affected;
  }

  /**
   * Forgets families that ended (expired or revoked) before `before`, with their tokens: past that,
   * a token of theirs is refused as unknown, as it would be as expired or revoked.
   */
  async purgeEndedBefore(before: Date, limit: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.unitOfWork.transaction().query(
      `DELETE FROM refresh_token_family WHERE id IN (
         SELECT id FROM refresh_token_family
          WHERE expires_at < $1 OR revoked_at < $1
          LIMIT $2
          FOR UPDATE SKIP LOCKED)`,
      [before, limit],
    );
    return affected;
  }

  private async addToken(
    manager: EntityManager,
    familyId: string,
    hash: Buffer,
    issuedAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_token (token_hash, family_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [hash, familyId, issuedAt, expiresAt],
    );
  }
}
