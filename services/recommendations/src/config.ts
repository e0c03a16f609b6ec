import { z } from 'zod';
import { authEnvironment } from '@vouch/auth';
import {
  idempotencyEnvironment,
  productionSecrets,
  serviceEnvironment,
  kafkaConnectionRules,
} from '@vouch/platform';

/** The recommendations service's environment, validated at boot. */
export const recommendationsEnvironment = serviceEnvironment({ name: 'recommendations', port: 3003 })
  .extend(authEnvironment.shape)
  .extend(idempotencyEnvironment.shape)
  .extend({
    /** Pending requests one employee may have out at once. */
    MAX_PENDING_REQUESTS_OUT: z.coerce.number().int().min(1).default(10),
    /** Pending requests one employee may be asked at once. */
    MAX_PENDING_REQUESTS_IN: z.coerce.number().int().min(1).default(5),
    /** How long a request waits for an answer before it expires. */
    REQUEST_LIFETIME_DAYS: z.coerce.number().positive().default(90),
    /** How often due requests are looked for and expired. */
    EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  })
  .superRefine(kafkaConnectionRules)
  .superRefine(productionSecrets([]));

export type RecommendationsEnvironment = z.infer<typeof recommendationsEnvironment>;
