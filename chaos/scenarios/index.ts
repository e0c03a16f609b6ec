import {
  killEachService,
  killRelayMidStream,
  killSenderAfterAcceptance,
  scaleOutNotifications,
} from './process-kills';
import { restartBroker, restartPostgres, killPostgres } from './broker-and-database';
import { kafkaClusterRollingRestart, kafkaClusterBrokerKill } from './kafka-cluster';
import { kafkaPartition } from './kafka-partition';
import { smtpFaults, smtpDownFiveMinutes } from './smtp';
import { poisonMessages, outboxPoison } from './poison';
import { idleTransactionOnOutbox } from './outbox-locks';
import { idempotentRetries } from './idempotency';
import { emailBacklog } from './email-backlog';
import type { Scenario } from './common';

export type { Log, Scenario } from './common';
export {
  killEachService,
  killRelayMidStream,
  killSenderAfterAcceptance,
  scaleOutNotifications,
  restartBroker,
  kafkaClusterRollingRestart,
  kafkaClusterBrokerKill,
  kafkaPartition,
  restartPostgres,
  killPostgres,
  smtpFaults,
  smtpDownFiveMinutes,
  poisonMessages,
  outboxPoison,
  idleTransactionOnOutbox,
  idempotentRetries,
  emailBacklog,
};

/** Every scenario, by the id it reports under, in the order the full run takes them. */
export const SCENARIOS: Record<string, Scenario> = {
  'kill-each-service': killEachService,
  'kill-relay-mid-stream': killRelayMidStream,
  'kill-sender-after-acceptance': killSenderAfterAcceptance,
  'restart-broker': restartBroker,
  'kafka-cluster-rolling-restart': kafkaClusterRollingRestart,
  'kafka-cluster-broker-kill': kafkaClusterBrokerKill,
  'kafka-partition': kafkaPartition,
  'restart-postgres': restartPostgres,
  'smtp-faults': smtpFaults,
  'scale-out-notifications': scaleOutNotifications,
  'poison-messages': poisonMessages,
  'idle-transaction-on-outbox': idleTransactionOnOutbox,
  'idempotent-retries': idempotentRetries,
  'outbox-poison': outboxPoison,
  'kill-postgres': killPostgres,
  'smtp-down-5-minutes': smtpDownFiveMinutes,
  'email-backlog': emailBacklog,
};
