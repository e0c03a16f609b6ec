import { Injectable } from '@nestjs/common';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import type { Page, UserFilter } from '../domain/scim-query';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { employeeFactsOf, type ProvisionedUser } from './provisioned-user';

@Injectable()
export class ListScimUsers {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly scimUsers: ScimUserRepository,
  ) {}

  async execute(
    filter: UserFilter | undefined,
    page: Page,
  ): Promise<{ total: number; users: ProvisionedUser[] }> {
    const { total, links } = await this.scimUsers.list(filter, page.startIndex - 1, page.count);
    const employees = await this.employees.findByIds(links.map((link) => link.employeeId));
    const users = employees.flatMap((employee) => {
      const link = links.find((candidate) => candidate.employeeId === employee.id);
      return link ? [{ employee: employeeFactsOf(employee), link }] : [];
    });
    return { total, users };
  }
}
