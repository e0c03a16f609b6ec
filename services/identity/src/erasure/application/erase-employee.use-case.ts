import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { Erasure } from '../domain/erasure';
import { SelfErasureError } from '../domain/erasure.errors';
import { ErasureRepository } from '../infrastructure/erasure.repository';
import { IdentityPersonalData } from '../infrastructure/identity-personal-data';

export interface EraseEmployeeCommand {
  employeeId: string;
  /** The admin erasing them. */
  adminId: string;
  /** The request it answers: a ticket or reference, not personal data. */
  reason: string;
}

@Injectable()
export class EraseEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly personalData: IdentityPersonalData,
    private readonly auditLog: AuditLog,
    private readonly erasures: ErasureRepository,
  ) {}

  /**
   * Erases a person at their request, all in one transaction: identity's own data about them (the
   * employee anonymised and offboarded, the rest deleted, the audit log redacted), the erasure
   * recorded in the log, EmployeeErased for the other services and a tombstone for the record
   * topic. An employee erased already is refused (EmployeeAlreadyErasedError).
   */
  execute(command: EraseEmployeeCommand): Promise<Erasure> {
    const { employeeId, adminId, reason } = command;
    if (employeeId === adminId) throw new SelfErasureError();
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const { email } = employee.snapshot();
      const at = new Date();
      employee.erase(at);
      const erasure = Erasure.begin({ id: randomUUID(), employeeId, requestedBy: adminId, reason, at });
      await this.personalData.erase(employeeId, email);
      await this.employees.saveErased(employee);
      await this.auditLog.redactEntriesAbout(employeeId);
      await this.auditLog.recordErasure(
        { type: 'admin', id: adminId },
        { employeeId, erasureId: erasure.snapshot().id, reason: erasure.snapshot().reason, at },
      );
      await this.erasures.add(erasure);
      return erasure;
    });
  }
}
