import { Injectable } from '@nestjs/common';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { ScimUserNotFoundError } from '../domain/scim.errors';
import { isScimId } from '../domain/scim-user';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { employeeFactsOf, type ProvisionedUser } from './provisioned-user';

@Injectable()
export class GetScimUser {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly scimUsers: ScimUserRepository,
  ) {}

  /** A user provisioned and not deleted; employees who only signed up themselves are no SCIM users. */
  async execute(id: string): Promise<ProvisionedUser> {
    if (!isScimId(id)) throw new ScimUserNotFoundError(id);
    const link = await this.scimUsers.find(id);
    const employee = link && link.deletedAt === null ? await this.employees.findById(id) : undefined;
    if (!link || !employee) throw new ScimUserNotFoundError(id);
    return { employee: employeeFactsOf(employee), link };
  }
}
