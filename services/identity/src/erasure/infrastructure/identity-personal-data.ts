import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';

/**
 * Deletes, in the erasure's transaction, the rows of identity's tables that are about a person or
 * keyed by their addresses (docs/api.md, "Erasure", lists each table and why). The employee row
 * and the audit log are not here: the employee is anonymised through its aggregate, the log
 * redacted by the AuditLog.
 */
@Injectable()
export class IdentityPersonalData {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** `email`: the employee's current address; those they proved or reset a password with join it. */
  async erase(employeeId: string, email: string): Promise<void> {
    const manager = this.unitOfWork.transaction();
    const known: Array<{ email: string }> = await manager.query(
      `SELECT email FROM email_proof WHERE employee_id = $1
       UNION SELECT email FROM password_reset WHERE employee_id = $1`,
      [employeeId],
    );
    const addresses = [...new Set([email, ...known.map((row) => row.email)])];
    // Their sign-in: sessions (the tokens go with their family), the provider's links, proven
    // addresses, open links of emails, invitations; then what they were given: SCIM's view of them,
    // their groups, their roles (the trigger of 1797500000000 takes admin_grant along).
    for (const table of [
      'refresh_token_family',
      'sso_link',
      'email_proof',
      'password_reset',
      'invitation',
      'scim_user',
      'scim_group_member',
      'role_grant',
      'admin_grant',
    ])
      await manager.query(`DELETE FROM ${table} WHERE employee_id = $1`, [employeeId]);
    for (const table of ['pending_registration', 'account_email_sent'])
      await manager.query(`DELETE FROM ${table} WHERE email = ANY($1::text[])`, [addresses]);
    // The abuse limits' counters are keyed by an address, alone or with a client's (login:pair:…).
    for (const table of ['abuse_counter', 'login_throttle'])
      await manager.query(
        `DELETE FROM ${table} WHERE EXISTS (SELECT FROM unnest($1::text[]) AS address WHERE strpos(key, address) > 0)`,
        [addresses],
      );
    // The events already published about them, kept for inspection: every one of identity's is
    // keyed by the employee. Those not yet published stay, for the relay to publish in order.
    await manager.query(`DELETE FROM outbox WHERE message_key = $1 AND published_at IS NOT NULL`, [
      employeeId,
    ]);
  }
}
