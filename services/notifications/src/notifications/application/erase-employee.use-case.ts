import { Injectable } from '@nestjs/common';
import { EmployeeErasure, ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import type { EmployeeErasedV1, EventCause, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';
import { RequestReminderRepository } from '../infrastructure/request-reminder.repository';

/**
 * identity erased an employee: their emails, the emails about them not sent yet, their reminders,
 * nudges and preferences are deleted, the emails about them that others received lose their name
 * and words, their replica row is emptied, and the report goes out with the same commit. An email
 * to them that a sender holds at this moment may still go out: SMTP cannot be called back. Runs in
 * the handler's transaction.
 */
@Injectable()
export class EraseEmployeeUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly reminders: RequestReminderRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly employees: ReplicatedEmployeeRepository,
  ) {}

  async execute(erased: EventData<typeof EmployeeErasedV1>, cause: EventCause): Promise<void> {
    await this.unitOfWork.run(async () => {
      const erasure = new EmployeeErasure('notifications', erased, cause);
      await this.deliveries.eraseEmployee(erasure.employeeId);
      await this.reminders.deleteInvolving(erasure.employeeId);
      await this.preferences.delete(erasure.employeeId);
      erasure.complete(new Date());
      await this.employees.erase(erasure);
    });
  }
}
