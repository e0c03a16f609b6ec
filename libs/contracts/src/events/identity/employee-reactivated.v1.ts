import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

export const EmployeeReactivatedV1 = defineEvent({
  type: 'EmployeeReactivated',
  version: 1,
  topic: Topics.employees,
  description: 'A deactivated employee was brought back: sign-in and email resume. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The reactivated employee.' }),
    reactivatedAt: Timestamp.meta({ description: 'When the employee was reactivated.' }),
  }),
});
