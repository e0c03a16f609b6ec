import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { GrantableRole } from '../../employees/domain/roles';

/** A role an admin gave another employee, beside the company's groups (SCIM, the IdP's). */
export interface RoleGrant {
  employeeId: string;
  role: GrantableRole;
  grantedBy: string;
  grantedAt: Date;
}

interface GrantRow {
  employee_id: string;
  role: GrantableRole;
  granted_by: string;
  granted_at: Date;
}

/** Role grants, in the unit of work's transaction. */
@Injectable()
export class RoleGrantRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The employee's grant of the role, locked for the transaction's change. */
  async lock(employeeId: string, role: GrantableRole): Promise<RoleGrant | undefined> {
    const rows: GrantRow[] = await this.unitOfWork.transaction().query(
      `SELECT employee_id, role, granted_by, granted_at FROM role_grant
        WHERE employee_id = $1 AND role = $2 FOR UPDATE`,
      [employeeId, role],
    );
    const [row] = rows;
    return (
      row && {
        employeeId: row.employee_id,
        role: row.role,
        grantedBy: row.granted_by,
        grantedAt: row.granted_at,
      }
    );
  }

  /**
   * Inserts the grant unless the employee has the role granted already; false when they had. `lock`
   * cannot serialise two first grants (there is no row to lock yet), so the conflict is settled
   * here, not by a 500.
   */
  async insertIfAbsent(grant: RoleGrant): Promise<boolean> {
    const inserted: unknown[] = await this.unitOfWork.transaction().query(
      `INSERT INTO role_grant (employee_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (employee_id, role) DO NOTHING RETURNING employee_id`,
      [grant.employeeId, grant.role, grant.grantedBy, grant.grantedAt],
    );
    return inserted.length > 0;
  }

  async delete(employeeId: string, role: GrantableRole): Promise<void> {
    await this.unitOfWork
      .transaction()
      .query(`DELETE FROM role_grant WHERE employee_id = $1 AND role = $2`, [employeeId, role]);
  }
}
