import { z } from 'zod';
import { authEnvironment } from '@vouch/auth';
import {
  idempotencyEnvironment,
  productionSecrets,
  serviceEnvironment,
  kafkaConnectionRules,
} from '@vouch/platform';

/** The connections service's environment, validated at boot. */
export const connectionsEnvironment = serviceEnvironment({ name: 'connections', port: 3002 })
  .extend(authEnvironment.shape)
  .extend(idempotencyEnvironment.shape)
  .superRefine(kafkaConnectionRules)
  .superRefine(productionSecrets([]));

export type ConnectionsEnvironment = z.infer<typeof connectionsEnvironment>;
