import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';

export interface ManagerRow {
  id: string;
  name: string;
  email: string;
}

export interface SingleSignOnLinkRow {
  issuer: string;
  subject: string;
  linkedBy: string;
  linkedAt: Date;
  lastSignInAt: Date;
}

export interface RoleGrantRow {
  role: string;
  grantedAt: Date;
}

export interface ProvenEmailRow {
  email: string;
  provenBy: string;
  provenAt: Date;
}

export interface SessionRow {
  startedAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export interface InvitationRow {
  invitedAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  supersededAt: Date | null;
  invitedByType: string;
}

export interface AccountEmailRow {
  kind: string;
  sentAt: Date;
}

export interface AuditRow {
  occurredAt: Date;
  action: string;
  actorType: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * What identity holds about one employee besides their profile, for their export: plain SQL on the
 * pool, each selecting only columns fit to show them (never a password hash, a token or its hash).
 */
@Injectable()
export class PersonalDataQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  async managerOf(managerId: string): Promise<ManagerRow | null> {
    const [row] = await this.reader.query<ManagerRow>(`SELECT id, name, email FROM employee WHERE id = $1`, [
      managerId,
    ]);
    return row ?? null;
  }

  async hasPassword(employeeId: string): Promise<boolean> {
    const [row] = await this.reader.query<{ hasPassword: boolean }>(
      `SELECT password_hash IS NOT NULL AS "hasPassword" FROM employee WHERE id = $1`,
      [employeeId],
    );
    return row?.hasPassword ?? false;
  }

  singleSignOnLinks(employeeId: string): Promise<SingleSignOnLinkRow[]> {
    return this.reader.query(
      `SELECT issuer, subject, linked_by AS "linkedBy", linked_at AS "linkedAt", last_sign_in_at AS "lastSignInAt"
         FROM sso_link WHERE employee_id = $1 ORDER BY linked_at, issuer`,
      [employeeId],
    );
  }

  roleGrants(employeeId: string): Promise<RoleGrantRow[]> {
    return this.reader.query(
      `SELECT role, granted_at AS "grantedAt" FROM role_grant WHERE employee_id = $1 ORDER BY granted_at, role`,
      [employeeId],
    );
  }

  provenEmails(employeeId: string): Promise<ProvenEmailRow[]> {
    return this.reader.query(
      `SELECT email, proven_by AS "provenBy", proven_at AS "provenAt"
         FROM email_proof WHERE employee_id = $1 ORDER BY proven_at, email`,
      [employeeId],
    );
  }

  /** Each sign-in's session (a refresh token family), used last when its newest token was issued. */
  sessions(employeeId: string): Promise<SessionRow[]> {
    return this.reader.query(
      `SELECT f.started_at AS "startedAt", coalesce(max(t.issued_at), f.started_at) AS "lastUsedAt",
              f.expires_at AS "expiresAt", f.revoked_at AS "revokedAt", f.revoked_reason AS "revokedReason"
         FROM refresh_token_family f LEFT JOIN refresh_token t ON t.family_id = f.id
        WHERE f.employee_id = $1
        GROUP BY f.id
        ORDER BY f.started_at, f.id`,
      [employeeId],
    );
  }

  invitations(employeeId: string): Promise<InvitationRow[]> {
    return this.reader.query(
      `SELECT invited_at AS "invitedAt", expires_at AS "expiresAt", accepted_at AS "acceptedAt",
              superseded_at AS "supersededAt", invited_by_type AS "invitedByType"
         FROM invitation WHERE employee_id = $1 ORDER BY invited_at, id`,
      [employeeId],
    );
  }

  /** Account emails (confirm your address, reset your password) sent to any address the employee proved. */
  accountEmails(addresses: string[]): Promise<AccountEmailRow[]> {
    return this.reader.query(
      `SELECT kind, sent_at AS "sentAt" FROM account_email_sent WHERE email = ANY($1::text[]) ORDER BY sent_at`,
      [addresses],
    );
  }

  auditEntries(employeeId: string): Promise<AuditRow[]> {
    return this.reader.query(
      `SELECT occurred_at AS "occurredAt", action, actor_type AS "actorType", before, after
         FROM audit_entry WHERE employee_id = $1 ORDER BY occurred_at, id`,
      [employeeId],
    );
  }
}
