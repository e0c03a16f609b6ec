import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { CreateEmployee } from '../../employees/application/create-employee.use-case';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { assertDomainAllowed } from '../../employees/domain/email-address';
import { UnknownManagerError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { ScimUniquenessError } from '../domain/scim.errors';
import type { ScimUserAttributes } from '../domain/scim-user';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { GetScimUser } from './get-scim-user.use-case';
import { scimOnlyAttributesOf, type ProvisionedUser } from './provisioned-user';
import { employeeFactsOf, SyncEmployee } from './sync-employee';

/**
 * POST /Users: creates the employee, or adopts the one who signed up with this email before the
 * company provisioned over SCIM, or one the provider deleted and now creates again.
 */
@Injectable()
export class ProvisionScimUser {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly scimUsers: ScimUserRepository,
    private readonly createEmployee: CreateEmployee,
    private readonly auditLog: AuditLog,
    private readonly syncEmployee: SyncEmployee,
    private readonly getScimUser: GetScimUser,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(attributes: ScimUserAttributes): Promise<ProvisionedUser> {
    assertDomainAllowed(attributes.userName, this.settings.allowedEmailDomains);
    // Before anything is stored, so an unknown manager leaves no half-adopted user behind.
    await this.assertManagerActive(attributes.managerId);
    // One unit of work: a refused change (a cycle, an email taken) leaves no half-adopted user.
    const employeeId = await this.unitOfWork.run(async () => {
      const existing = await this.employees.findByEmail(attributes.userName);
      const id = existing?.id ?? randomUUID();
      await this.assertExternalIdFree(attributes.externalId, id);
      if (existing) {
        const link = await this.scimUsers.find(existing.id);
        if (link && link.deletedAt === null)
          throw new ScimUniquenessError(`${attributes.userName} is already provisioned`);
        // What the provider says of them next is audited as the changes it makes.
        await this.auditLog.record(SCIM_ACTOR, {
          action: 'employee.adopted',
          at: new Date(),
          before: existing.snapshot(),
          after: existing.snapshot(),
        });
      } else {
        await this.createEmployee.execute({
          id,
          email: attributes.userName,
          ...employeeFactsOf(attributes),
          actor: SCIM_ACTOR,
        });
      }
      const at = new Date();
      await this.scimUsers.save({
        employeeId: id,
        ...scimOnlyAttributesOf(attributes),
        provisionedAt: at,
        updatedAt: at,
        deletedAt: null,
      });
      if (existing || !attributes.active) await this.syncEmployee.execute(id, attributes);
      return id;
    });
    return this.getScimUser.execute(employeeId);
  }

  private async assertExternalIdFree(externalId: string | null, employeeId: string): Promise<void> {
    if (externalId !== null && (await this.scimUsers.externalIdTaken(externalId, employeeId)))
      throw new ScimUniquenessError(`another user has the externalId ${externalId}`);
  }

  private async assertManagerActive(managerId: string | null | undefined): Promise<void> {
    if (managerId === null || managerId === undefined) return;
    const boss = await this.employees.findById(managerId);
    if (!boss?.isActive) throw new UnknownManagerError(managerId);
  }
}
