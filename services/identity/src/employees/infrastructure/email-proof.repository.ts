import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';

/** How an address was proven its employee's. */
export type EmailProvenBy = 'email_confirmation' | 'invitation' | 'password_reset' | 'sso';

/**
 * Addresses proven their employees': by following the link of an email sent to them, or by the
 * company's identity provider vouching for them at a single sign-on. `ADMIN_EMAILS` makes admins of
 * proven addresses only, so registering an address proves nothing. A proof is of one address: after
 * an email change the new address is unproven until proven again.
 */
@Injectable()
export class EmailProofRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** In the unit of work's transaction. */
  async record(proof: { employeeId: string; email: string; by: EmailProvenBy; at: Date }): Promise<void> {
    await this.unitOfWork.transaction().query(
      `INSERT INTO email_proof (employee_id, email, proven_by, proven_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (employee_id, email) DO UPDATE SET proven_by = excluded.proven_by, proven_at = excluded.proven_at`,
      [proof.employeeId, proof.email, proof.by, proof.at],
    );
  }

  async isProven(employeeId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM email_proof WHERE employee_id = $1 AND email = $2`,
      [employeeId, email],
    );
    return rows.length > 0;
  }
}
