import { z } from 'zod';

/** What the author of a recommendation was to its subject. */
export const Relationship = z.enum(['supervisor', 'coworker', 'subordinate']);
export type Relationship = z.infer<typeof Relationship>;

export const EntityId = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });
