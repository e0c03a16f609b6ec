import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

export const EmployeeErasedV1 = defineEvent({
  type: 'EmployeeErased',
  version: 1,
  topic: Topics.employees,
  description:
    'An admin erased an employee’s personal data at their request. Ids only: every service removes or anonymises what it holds about the employee, then reports its own `…ErasureCompleted`. The compacted record topic gets a tombstone for the same key. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The erased employee.' }),
    erasureId: EntityId.meta({ description: 'The erasure, as identity tracks its progress.' }),
    erasedAt: Timestamp.meta({ description: 'When identity erased the employee’s own data.' }),
  }),
});
