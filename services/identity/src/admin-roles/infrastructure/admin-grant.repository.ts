import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';

/** An admin role an admin gave another employee, beside the company's groups (SCIM, the IdP's). */
export interface AdminGrant {
  employeeId: string;
  grantedBy: string;
  grantedAt: Date;
}

interface GrantRow {
  employee_id: string;
  granted_by: string;
  granted_at: Date;
}

/** Admin grants, in the unit of work's transaction. */
@Injectable()
export class AdminGrantRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The grant, locked for the transaction's change. */
  async lock(employeeId: string): Promise<AdminGrant | undefined> {
    const rows: GrantRow[] = await this.unitOfWork
      .transaction()
      .query(
        `SELECT employee_id, granted_by, granted_at FROM admin_grant WHERE employee_id = $1 FOR UPDATE`,
        [employeeId],
      );
    const [row] = rows;
    return row && { employeeId: row.employee_id, grantedBy: row.granted_by, grantedAt: row.granted_at };
  }

  /**
   * Inserts the grant unless the employee has one; false when they had. `lock` cannot serialise two
   * first grants (there is no row to lock yet), so the conflict is settled here, not by a 500.
   */
  async insertIfAbsent(grant: AdminGrant): Promise<boolean> {
    const inserted: unknown[] = await this.unitOfWork.transaction().query(
      `INSERT INTO admin_grant (employee_id, granted_by, granted_at) VALUES ($1, $2, $3)
       ON CONFLICT (employee_id) DO NOTHING RETURNING employee_id`,
      [grant.employeeId, grant.grantedBy, grant.grantedAt],
    );
    return inserted.length > 0;
  }

  async delete(employeeId: string): Promise<void> {
    await this.unitOfWork.transaction().query(`DELETE FROM admin_grant WHERE employee_id = $1`, [employeeId]);
  }
}
