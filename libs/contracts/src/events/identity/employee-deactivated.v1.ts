import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** An employee was offboarded: no more sign-in, no more email. Key: employeeId. */
export const EmployeeDeactivatedV1 = defineEvent({
  type: 'EmployeeDeactivated',
  version: 1,
  topic: Topics.employees,
  schema: z.object({
    /** The deactivated employee. */
    employeeId: EntityId,
    /** When the employee was deactivated. */
    deactivatedAt: Timestamp,
  }),
});
