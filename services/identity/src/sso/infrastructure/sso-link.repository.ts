import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
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

/** Which account of the company's provider is which employee, in the unit of work's transaction. */
@Injectable()
export class SsoLinkRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The employee linked to this account of the provider. */
  async linked(issuer: string, subject: string): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await this.unitOfWork
      .transaction()
      .query(`${CANDIDATE} WHERE l.subject = $2 FOR UPDATE OF e`, [issuer, subject]);
    return candidateOf(rows[0]);
  }

  /** The employee the company provisioned over SCIM with one of these externalIds. */
  async provisioned(issuer: string, externalIds: string[]): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await this.unitOfWork
      .transaction()
      .query(
        `${CANDIDATE} WHERE s.external_id = ANY($2::text[]) ORDER BY array_position($2::text[], s.external_id) LIMIT 1 FOR UPDATE OF e`,
        [issuer, externalIds],
      );
    return candidateOf(rows[0]);
  }

  async byEmail(issuer: string, email: string): Promise<LinkCandidate | null> {
    const rows: CandidateRow[] = await this.unitOfWork
      .transaction()
      .query(`${CANDIDATE} WHERE e.email = $2 FOR UPDATE OF e`, [issuer, email]);
    return candidateOf(rows[0]);
  }

  async link(link: {
    issuer: string;
    subject: string;
    employeeId: string;
    linkedBy: LinkedBy;
    at: Date;
  }): Promise<void> {
    await this.unitOfWork.transaction().query(
      `INSERT INTO sso_link (issuer, subject, employee_id, linked_by, linked_at, last_sign_in_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [link.issuer, link.subject, link.employeeId, link.linkedBy, link.at],
    );
  }

  /** The id and email of the employee a link or a sign-in is for, if they still exist. */
  async employeeOf(employeeId: string): Promise<{ id: string; email: string } | undefined> {
    const rows = await this.unitOfWork
      .transaction()
      .query<Array<{ id: string; email: string }>>(`SELECT id, email FROM employee WHERE id = $1`, [
        employeeId,
      ]);
    return rows[0];
  }

  async signedIn(issuer: string, subject: string, at: Date): Promise<void> {
    await this.unitOfWork
      .transaction()
      .query(`UPDATE sso_link SET last_sign_in_at = $3 WHERE issuer = $1 AND subject = $2`, [
        issuer,
        subject,
        at,
      ]);
  }
}
