import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';
import { languageField, managerSourceField } from './employee-fields';

export const EmployeeRegisteredV1 = defineEvent({
  type: 'EmployeeRegistered',
  version: 1,
  topic: Topics.employees,
  description: 'A new employee signed up. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: "The new employee's id." }),
    email: z.email().meta({ description: "Work email, trimmed and lower-cased; where Vouch's emails go." }),
    name: z.string().min(1).max(200).meta({ description: 'Display name.' }),
    title: z.string().max(200).nullable().meta({ description: 'Job title, if given.' }),
    managerId: EntityId.nullable().meta({
      description: "The employee's manager in the org chart, if known.",
    }),
    managerSource: managerSourceField,
    timeZone: z
      .string()
      .max(64)
      .nullable()
      .meta({ description: 'IANA time zone for timing emails, if known.' }),
    language: languageField,
    registeredAt: Timestamp.meta({ description: 'When the employee registered.' }),
  }),
});
