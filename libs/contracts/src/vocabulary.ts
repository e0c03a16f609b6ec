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

/** Where a connection stands; only `pending` and `accepted` are open, the others are history. */
export const ConnectionStatus = z.enum([
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  'cancelled',
  'removed',
]);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** Where a recommendation stands; only `accepted` ones show on the subject's profile. */
export const RecommendationStatus = z.enum([
  'pending',
  'accepted',
  'hidden',
  'revision_requested',
  'withdrawn',
]);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

/** Where a request for a recommendation stands; only `pending` ones wait for an answer. */
export const RecommendationRequestStatus = z.enum([
  'pending',
  'fulfilled',
  'declined',
  'withdrawn',
  'expired',
]);
export type RecommendationRequestStatus = z.infer<typeof RecommendationRequestStatus>;

/**
 * Who set an employee's manager link: the company's identity provider over SCIM, its HR file
 * imported as CSV, or an admin in Vouch. Only such links make a recommendation verified.
 */
export const ManagerSource = z.enum(['scim', 'csv', 'admin']);
export type ManagerSource = z.infer<typeof ManagerSource>;

/** A BCP 47 language tag in canonical form, such as `en` or `pt-BR`. */
export const LanguageTag = z.string().min(2).max(35);

export const EntityId = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true });
