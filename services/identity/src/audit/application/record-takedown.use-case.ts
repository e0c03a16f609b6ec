import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { Admins } from '../../employees/application/admins';
import type { EmployeeActor } from '../domain/audit-entry';
import { AuditLog } from '../infrastructure/audit-log.repository';

export interface RecordTakedownCommand {
  recommendationId: string;
  authorId: string;
  subjectId: string;
  /** The HR member or admin who took it down. */
  takenDownBy: string;
  reason: string;
  takenDownAt: Date;
}

/** Records in the audit log a recommendation HR or an admin took down, about its subject. */
@Injectable()
export class RecordTakedown {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly admins: Admins,
    private readonly auditLog: AuditLog,
  ) {}

  /**
   * The actor is an admin if identity holds them one when the event is applied, else HR:
   * recommendations lets only HR and admins take a recommendation down, and an admin acting is
   * `admin` whatever else they are, as in the audit log's other entries.
   */
  execute(command: RecordTakedownCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const actor: EmployeeActor = (await this.admins.isAdmin(command.takenDownBy))
        ? { type: 'admin', id: command.takenDownBy }
        : { type: 'hr', id: command.takenDownBy };
      await this.auditLog.recordTakedown(actor, {
        subjectId: command.subjectId,
        recommendationId: command.recommendationId,
        authorId: command.authorId,
        reason: command.reason,
        at: command.takenDownAt,
      });
    });
  }
}
