import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** A new employee signed up. Key: employeeId. */
export const EmployeeRegisteredV1 = defineEvent({
  type: 'EmployeeRegistered',
  version: 1,
  topic: Topics.employees,
  schema: z.object({
    /** The new employee's id. */
    employeeId: EntityId,
    /** Work email, trimmed and lower-cased; where Vouch's emails go. */
    email: z.email(),
    /** Display name. */
    name: z.string().min(1).max(200),
    /** Job title, if given. */
    title: z.string().max(200).nullable(),
    /** The employee's manager in the org chart, if known. */
    managerId: EntityId.nullable(),
    /** IANA time zone for timing emails, if known. */
    timeZone: z.string().max(64).nullable(),
    /** When the employee registered. */
    registeredAt: Timestamp,
  }),
});
