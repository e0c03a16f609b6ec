import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, invitationSecretOf } from '@vouch/auth';
import { employeeReplicaMigrations, ReplicaDeactivatedEmployees } from '@vouch/employee-replica';
import { emailLookOf, ServicePlatformModule, smtpSettingsOf, type ServiceDescription } from '@vouch/platform';
import { type NotificationsEnvironment, unsubscribeSecretOf } from './config';
import { CreateNotificationsSchema1764100000000 } from './migrations/1764100000000-create-notifications-schema';
import { DailyDigest1764300000000 } from './migrations/1764300000000-daily-digest';
import { DeliveryTraceContext1764400000000 } from './migrations/1764400000000-delivery-trace-context';
import { HistoryRetention1797600000000 } from './migrations/1797600000000-history-retention';
import { DeliveryLogFilters1798100000000 } from './migrations/1798100000000-delivery-log-filters';
import { DeliveryDueTime1798200000000 } from './migrations/1798200000000-delivery-due-time';
import { notificationErrorMappings } from './notifications/api/notification.error-mappings';
import { notificationEntities, NotificationsModule } from './notifications/notifications.module';

export const serviceDescription: ServiceDescription = {
  title: 'Vouch notifications',
  description: 'The emails Vouch sends, above all the reciprocity nudge; preferences and unsubscribe.',
};

@Module({})
export class AppModule {
  static forRoot(environment: NotificationsEnvironment): DynamicModule {
    const unsubscribe = unsubscribeSecretOf(environment);
    if (unsubscribe.generated) {
      new Logger('notifications').warn(
        'UNSUBSCRIBE_SECRET is not set: unsubscribe links are signed with a secret made for this process, ' +
          'so the links already sent stop working when it restarts (npm start keeps one in .local/secrets)',
      );
    }
    const invitation = invitationSecretOf(environment);
    if (invitation.generated) {
      new Logger('notifications').warn(
        'INVITATION_SECRET is not set: invitation links are signed with a secret made for this process, ' +
          'which identity does not know; set the same INVITATION_SECRET in both (npm start does)',
      );
    }
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({
          name: 'notifications',
          environment,
          entities: notificationEntities,
          migrations: [
            ...employeeReplicaMigrations,
            CreateNotificationsSchema1764100000000,
            DailyDigest1764300000000,
            DeliveryTraceContext1764400000000,
            HistoryRetention1797600000000,
            DeliveryLogFilters1798100000000,
            DeliveryDueTime1798200000000,
          ],
          errors: notificationErrorMappings,
        }),
        AuthModule.forRoot(environment, { deactivatedEmployees: ReplicaDeactivatedEmployees }),
        NotificationsModule.forRoot({
          databaseUrl: environment.DATABASE_URL,
          smtp: smtpSettingsOf(environment),
          smtpRateLimitPerSecond: environment.SMTP_RATE_LIMIT_PER_SECOND,
          smtpMaxMessagesPerConnection: environment.SMTP_MAX_MESSAGES_PER_CONNECTION,
          publicUrl: environment.PUBLIC_URL,
          unsubscribeSecret: unsubscribe.secret,
          previousUnsubscribeSecrets: environment.UNSUBSCRIBE_PREVIOUS_SECRETS,
          unsubscribeTokenDays: environment.UNSUBSCRIBE_TOKEN_DAYS,
          invitationSecret: invitation.secret,
          from: { name: environment.MAIL_FROM_NAME, address: environment.MAIL_FROM_ADDRESS },
          emailLook: emailLookOf(environment),
          senderPollIntervalMs: environment.SENDER_POLL_INTERVAL_MS,
          senderGatherMs: environment.SENDER_GATHER_MS,
          senderConcurrency: environment.SENDER_CONCURRENCY,
          senderLeaseMs: environment.SENDER_LEASE_MS,
          senderBatchSize: environment.SENDER_BATCH_SIZE,
          reminderAfterMs: environment.REMINDER_AFTER,
          reminderSweepIntervalMs: environment.REMINDER_SWEEP_INTERVAL_MS,
          maxEmailsPerDay: environment.MAX_EMAILS_PER_DAY,
          digestHour: environment.DIGEST_HOUR,
          defaultTimeZone: environment.DEFAULT_TIME_ZONE,
          workingHours: environment.WORKING_HOURS,
          workingDays: environment.WORKING_DAYS,
          digestSweepIntervalMs: environment.DIGEST_SWEEP_INTERVAL_MS,
          retention: {
            deliveryDays: environment.DELIVERY_RETENTION_DAYS,
            requestReminderDays: environment.REQUEST_REMINDER_RETENTION_DAYS,
            reciprocityLedgerDays: environment.RECIPROCITY_LEDGER_RETENTION_DAYS,
          },
          outagePause: {
            initialDelayMs: environment.SENDER_OUTAGE_PAUSE_MS,
            maxDelayMs: environment.SENDER_OUTAGE_MAX_PAUSE_MS,
          },
          retry: {
            maxAttempts: environment.SENDER_MAX_ATTEMPTS,
            initialDelayMs: environment.SENDER_RETRY_INITIAL_DELAY_MS,
            maxDelayMs: environment.SENDER_RETRY_MAX_DELAY_MS,
          },
        }),
      ],
    };
  }
}
