import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { ChangeEmployeeEmail } from '../../employees/application/change-employee-email.use-case';
import { ChangeEmploymentDetails } from '../../employees/application/change-employment-details.use-case';
import type { CreateEmployeeCommand } from '../../employees/application/create-employee.use-case';
import { ChangeManager } from '../../employees/application/change-manager.use-case';
import { DeactivateEmployee } from '../../employees/application/deactivate-employee.use-case';
import { ReactivateEmployee } from '../../employees/application/reactivate-employee.use-case';
import { UpdateProfile } from '../../employees/application/update-profile.use-case';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import type { ProfileChanges } from '../../employees/domain/profile';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { languageOf, type ScimUserAttributes } from '../domain/scim-user';

/** What a new employee starts with, from what the provider says of them. */
export function employeeFactsOf(
  attributes: ScimUserAttributes,
): Omit<CreateEmployeeCommand, 'email' | 'id' | 'actor'> {
  return {
    name: attributes.name,
    title: attributes.title ?? null,
    timeZone: attributes.timeZone ?? null,
    language: languageOf(attributes),
    department: attributes.department,
    employeeNumber: attributes.employeeNumber,
    managerId: attributes.managerId ?? null,
  };
}

/**
 * Brings an employee in line with what the identity provider says of them, through the employees'
 * own use cases, so each change publishes the event it always does and keeps its rules.
 */
@Injectable()
export class SyncEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly changeEmployeeEmail: ChangeEmployeeEmail,
    private readonly reactivateEmployee: ReactivateEmployee,
    private readonly changeManager: ChangeManager,
    private readonly updateProfile: UpdateProfile,
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly changeEmploymentDetails: ChangeEmploymentDetails,
  ) {}

  /** In the caller's unit of work when there is one: a SCIM request changes the employee all or nothing. */
  async execute(employeeId: string, attributes: ScimUserAttributes): Promise<void> {
    await this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const state = employee.snapshot();
      if (attributes.userName !== state.email)
        await this.changeEmployeeEmail.execute({ employeeId, email: attributes.userName, actor: SCIM_ACTOR });
      if (attributes.managerId !== undefined && attributes.managerId !== state.managerId)
        await this.changeManager.execute({ employeeId, managerId: attributes.managerId, actor: SCIM_ACTOR });
      if (attributes.active && !employee.isActive)
        await this.reactivateEmployee.execute({ employeeId, actor: SCIM_ACTOR });
      // A deactivated employee's profile is frozen; one being deactivated takes the last changes first.
      if (attributes.active || employee.isActive) {
        const changes: ProfileChanges = { name: attributes.name };
        if (attributes.title !== undefined) changes.title = attributes.title;
        if (attributes.timeZone !== undefined) changes.timeZone = attributes.timeZone;
        await this.updateProfile.execute({ employeeId, changes, changedBy: SCIM_ACTOR });
        const language = languageOf(attributes);
        await this.changeEmploymentDetails.execute({
          employeeId,
          changes: {
            department: attributes.department,
            employeeNumber: attributes.employeeNumber,
            // A language the provider does not send leaves the one the employee chose.
            ...(language === null ? {} : { language }),
          },
          actor: SCIM_ACTOR,
        });
      }
      if (!attributes.active) await this.deactivateEmployee.execute({ employeeId, actor: SCIM_ACTOR });
    });
  }
}
