import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

export const EmployeeDeactivatedV1 = defineEvent({
  type: 'EmployeeDeactivated',
  version: 1,
  topic: Topics.employees,
  description: 'An employee was offboarded: no more sign-in, no more email. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The deactivated employee.' }),
    deactivatedAt: Timestamp.meta({ description: 'When the employee was deactivated.' }),
  }),
});
