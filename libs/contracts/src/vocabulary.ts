import { z } from 'zod';

/** What the author of a recommendation was to its subject. */
export const Relationship = z.enum(['supervisor', 'coworker', 'subordinate']);
export type Relationship = z.infer<typeof Relationship>;

/** What an employee can switch off, one switch per kind of email. */
export const EmailCategory = z.enum([
  'reciprocity',
  'recommendation_requests',
  'recommendation_updates',
  'connection_requests',
  'connection_updates',
  'reminders',
]);
export type EmailCategory = z.infer<typeof EmailCategory>;

export const EntityId = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });
