import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LinkCandidate } from '../domain/account-linking';

export type LinkedBy = 'external_id' | 'verified_email' | 'jit';

interface CandidateRow {
  id: string;
  email: string;
  deactivated_at: Date | null;
  linked_subject: string | null;
  external_id: string | null;
}

const CANDIDATE = `
  SELECT e.id, e.email, e.deactivated_at, l.subject AS linked_subject, s.external_id
    FROM employee e
    LEFT JOIN sso_link l ON l.employee_id = e.id AND l.issuer = $1
    LEFT JOIN scim_user s ON s.employee_id = e.id`;

const candidateOf = (row: CandidateRow | undefined): LinkCandidate | null =>
  row
    ? {
        id: row.id,
        email: row.email,
        isActive: row.deactivated_at === null,
        linkedSubject: row.linked_subject,
        externalId: row.external_id,
      }
    : null;

/** Which account of the company's provider is which employee. */
@Injectable()
export class SsoLinkRepository {
  /** The employee linked to this account of the provider. */
  async linked(manager: EntityManager, issuer: string, subject: string): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await manager.query(`${CANDIDATE} WHERE l.subject = $2 FOR UPDATE OF e`, [
      issuer,
      subject,
    ]);
    return candidateOf(rows[0]);
  }

  /** The employee the company provisioned over SCIM with one of these externalIds. */
  async provisioned(
    manager: EntityManager,
    issuer: string,
    externalIds: string[],
  ): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await manager.query(
      `${CANDIDATE} WHERE s.external_id = ANY($2::text[]) ORDER BY array_position($2::text[], s.external_id) LIMIT 1 FOR UPDATE OF e`,
      [issuer, externalIds],
    );
    return candidateOf(rows[0]);
  }

  async byEmail(manager: EntityManager, issuer: string, email: string): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await manager.query(`${CANDIDATE} WHERE e.email = $2 FOR UPDATE OF e`, [
      issuer,
      email,
    ]);
    return candidateOf(rows[0]);
  }

  async link(
    manager: EntityManager,
    link: { issuer: string; subject: string; employeeId: string; linkedBy: LinkedBy; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO sso_link (issuer, subject, employee_id, linked_by, linked_at, last_sign_in_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [link.issuer, link.subject, link.employeeId, link.linkedBy, link.at],
    );
  }

  async signedIn(manager: EntityManager, issuer: string, subject: string, at: Date): Promise<void> {
    await manager.query(`UPDATE sso_link SET last_sign_in_at = $3 WHERE issuer = $1 AND subject = $2`, [
      issuer,
      subject,
      at,
    ]);
  }
}
