import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';
import { languageField } from './employee-fields';

export const EmployeeProfileUpdatedV1 = defineEvent({
  type: 'EmployeeProfileUpdated',
  version: 1,
  topic: Topics.employees,
  description:
    'An employee changed their profile. Carries the fields other services replicate. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The employee whose profile changed.' }),
    name: z.string().min(1).max(200).meta({ description: 'Display name after the change.' }),
    title: z.string().max(200).nullable().meta({ description: 'Job title after the change.' }),
    headline: z.string().max(300).nullable().meta({ description: 'One-line headline after the change.' }),
    timeZone: z.string().max(64).nullable().meta({ description: 'IANA time zone after the change.' }),
    language: languageField,
    completeness: z
      .number()
      .int()
      .min(0)
      .max(100)
      .meta({ description: 'Profile completeness after the change, 0..100.' }),
    changedFields: z
      .array(z.string())
      .meta({ description: 'Names of the profile fields this change touched.' }),
    updatedAt: Timestamp.meta({ description: 'When the profile changed.' }),
  }),
});
