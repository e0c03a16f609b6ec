import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

export const EmployeeEmailChangedV1 = defineEvent({
  type: 'EmployeeEmailChanged',
  version: 1,
  topic: Topics.employees,
  description: "An employee's work email changed: Vouch's emails go to the new address. Key: employeeId.",
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The employee whose email changed.' }),
    email: z
      .email()
      .meta({ description: "The new work email, trimmed and lower-cased; where Vouch's emails go." }),
    previousEmail: z.email().meta({ description: 'The work email before the change.' }),
    changedAt: Timestamp.meta({ description: 'When the email changed.' }),
  }),
});
