import { Injectable } from '@nestjs/common';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { ChangeEmployeeEmail } from '../../employees/application/change-employee-email.use-case';
import { ChangeManager } from '../../employees/application/change-manager.use-case';
import { DeactivateEmployee } from '../../employees/application/deactivate-employee.use-case';
import { ReactivateEmployee } from '../../employees/application/reactivate-employee.use-case';
import { UpdateProfile } from '../../employees/application/update-profile.use-case';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import type { ProfileChanges } from '../../employees/domain/profile';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import type { ScimUserAttributes } from '../domain/scim-user';

/**
 * Brings an employee in line with what the identity provider says of them, through the employees'
 * own use cases, so each change publishes the event it always does and keeps its rules.
 */
@Injectable()
export class SyncEmployee {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly changeEmployeeEmail: ChangeEmployeeEmail,
    private readonly reactivateEmployee: ReactivateEmployee,
    private readonly changeManager: ChangeManager,
    private readonly updateProfile: UpdateProfile,
    private readonly deactivateEmployee: DeactivateEmployee,
  ) {}

  async execute(employeeId: string, attributes: ScimUserAttributes): Promise<void> {
    const employee = await this.employees.findById(employeeId);
    if (!employee) throw new EmployeeNotFoundError(employeeId);
    const state = employee.snapshot;
    // Changes that can be refused (an email taken, an unknown manager, a cycle) come first, so a
    // refused request leaves the profile as it was.
    if (attributes.userName !== state.email)
      await this.changeEmployeeEmail.execute(employeeId, attributes.userName, SCIM_ACTOR);
    if (attributes.managerId !== undefined && attributes.managerId !== state.managerId)
      await this.changeManager.execute(employeeId, attributes.managerId, SCIM_ACTOR);
    if (attributes.active && !employee.isActive)
      await this.reactivateEmployee.execute(employeeId, SCIM_ACTOR);
    // A deactivated employee's profile is frozen; one being deactivated takes the last changes first.
    if (attributes.active || employee.isActive) {
      const changes: ProfileChanges = { name: attributes.name };
      if (attributes.title !== undefined) changes.title = attributes.title;
      if (attributes.timeZone !== undefined) changes.timeZone = attributes.timeZone;
      await this.updateProfile.execute(employeeId, changes, SCIM_ACTOR);
    }
    if (!attributes.active) await this.deactivateEmployee.execute(employeeId, SCIM_ACTOR);
  }
}
