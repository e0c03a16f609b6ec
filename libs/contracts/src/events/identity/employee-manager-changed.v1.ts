import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** The org chart changed: an employee has a new manager (or none). Key: employeeId. */
export const EmployeeManagerChangedV1 = defineEvent({
  type: 'EmployeeManagerChanged',
  version: 1,
  topic: Topics.employees,
  schema: z.object({
    /** The employee whose manager changed. */
    employeeId: EntityId,
    /** The new manager, or null when the employee reports to no one. */
    managerId: EntityId.nullable(),
    /** The manager before the change, or null. */
    previousManagerId: EntityId.nullable(),
    /** When the change was made. */
    changedAt: Timestamp,
  }),
});
