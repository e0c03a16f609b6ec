import {
  killEachService,
  killRelayMidStream,
  killSenderAfterAcceptance,
  scaleOutNotifications,
} from './process-kills';
import { restartBroker, restartPostgres, killPostgres } from './broker-and-database';
import { smtpFaults, smtpDownFiveMinutes } from './smtp';
import { poisonMessages, outboxPoison } from './poison';
import { idleTransactionOnOutbox } from './outbox-locks';
import { idempotentRetries } from './idempotency';
import type { Scenario } from './common';

export type { Log, Scenario } from './common';
export {
  killEachService,
  killRelayMidStream,
  killSenderAfterAcceptance,
  scaleOutNotifications,
  restartBroker,
  restartPostgres,
  killPostgres,
  smtpFaults,
  smtpDownFiveMinutes,
  poisonMessages,
  outboxPoison,
  idleTransactionOnOutbox,
  idempotentRetries,
};

/** Every scenario, by the id it reports under, in the order the full run takes them. */
export const SCENARIOS: Record<string, Scenario> = {
  'kill-each-service': killEachService,
  'kill-relay-mid-stream': killRelayMidStream,
  'kill-sender-after-acceptance': killSenderAfterAcceptance,
  'restart-broker': restartBroker,
  'restart-postgres': restartPostgres,
  'smtp-faults': smtpFaults,
  'scale-out-notifications': scaleOutNotifications,
  'poison-messages': poisonMessages,
  'idle-transaction-on-outbox': idleTransactionOnOutbox,
  'idempotent-retries': idempotentRetries,
  'outbox-poison': outboxPoison,
  'kill-postgres': killPostgres,
  'smtp-down-5-minutes': smtpDownFiveMinutes,
};
