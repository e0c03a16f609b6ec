import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, ManagerSource, Timestamp } from '../../vocabulary';

export const EmployeeManagerChangedV2 = defineEvent({
  type: 'EmployeeManagerChanged',
  version: 2,
  topic: Topics.employees,
  description:
    'The org chart changed: an employee has a new manager (or none), or the same manager confirmed by ' +
    'another source. v2 says who set the link; identity publishes v1 beside it, with the same id, ' +
    'until consumers have moved. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The employee whose manager changed.' }),
    managerId: EntityId.nullable().meta({
      description: 'The new manager, or null when the employee reports to no one.',
    }),
    managerSource: ManagerSource.nullable().meta({
      description:
        'Who set the link: `scim` (the identity provider), `csv` (an HR file import) or `admin`; null ' +
        'when managerId is null. A consumer that meets another value treats the link as unverified.',
    }),
    previousManagerId: EntityId.nullable().meta({ description: 'The manager before the change, or null.' }),
    changedAt: Timestamp.meta({ description: 'When the change was made.' }),
  }),
});
