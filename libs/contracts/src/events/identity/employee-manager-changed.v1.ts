import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

export const EmployeeManagerChangedV1 = defineEvent({
  type: 'EmployeeManagerChanged',
  version: 1,
  topic: Topics.employees,
  description: 'The org chart changed: an employee has a new manager (or none). Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The employee whose manager changed.' }),
    managerId: EntityId.nullable().meta({
      description: 'The new manager, or null when the employee reports to no one.',
    }),
    previousManagerId: EntityId.nullable().meta({ description: 'The manager before the change, or null.' }),
    changedAt: Timestamp.meta({ description: 'When the change was made.' }),
  }),
});
