import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';
import { languageField, managerSourceField } from './employee-fields';

export const EmployeeRecordV1 = defineEvent({
  type: 'EmployeeRecord',
  version: 1,
  topic: Topics.employeeRecords,
  description:
    "An employee's whole record as it is after a change, on the compacted record topic: the last " +
    'message of each key is the employee now. Key: employeeId.',
  schema: z.object({
    employeeId: EntityId.meta({ description: 'The employee.' }),
    email: z.email().meta({ description: 'Work email, trimmed and lower-cased.' }),
    name: z.string().min(1).max(200).meta({ description: 'Display name.' }),
    title: z.string().max(200).nullable().meta({ description: 'Job title, if given.' }),
    headline: z.string().max(300).nullable().meta({ description: 'One-line headline, if given.' }),
    location: z.string().max(200).nullable().meta({ description: 'Where the employee works, if given.' }),
    timeZone: z.string().max(64).nullable().meta({ description: 'IANA time zone, if known.' }),
    managerId: EntityId.nullable().meta({ description: "The employee's manager in the org chart, or null." }),
    managerSource: managerSourceField,
    language: languageField,
    active: z.boolean().meta({ description: 'False once the employee has been deactivated (offboarded).' }),
    completeness: z.number().int().min(0).max(100).meta({ description: 'Profile completeness, 0..100.' }),
    registeredAt: Timestamp.meta({ description: 'When the employee registered.' }),
    deactivatedAt: Timestamp.nullable().meta({
      description: 'When the employee was deactivated, or null while active.',
    }),
    updatedAt: Timestamp.meta({ description: 'When this record last changed.' }),
  }),
});
