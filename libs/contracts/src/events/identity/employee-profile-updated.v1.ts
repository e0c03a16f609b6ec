import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** An employee changed their profile. Carries the fields other services replicate. Key: employeeId. */
export const EmployeeProfileUpdatedV1 = defineEvent({
  type: 'EmployeeProfileUpdated',
  version: 1,
  topic: Topics.employees,
  schema: z.object({
    /** The employee whose profile changed. */
    employeeId: EntityId,
    /** Display name after the change. */
    name: z.string().min(1).max(200),
    /** Job title after the change. */
    title: z.string().max(200).nullable(),
    /** One-line headline after the change. */
    headline: z.string().max(300).nullable(),
    /** IANA time zone after the change. */
    timeZone: z.string().max(64).nullable(),
    /** Profile completeness after the change, 0..100. */
    completeness: z.number().int().min(0).max(100),
    /** Names of the profile fields this change touched. */
    changedFields: z.array(z.string()),
    /** When the profile changed. */
    updatedAt: Timestamp,
  }),
});
