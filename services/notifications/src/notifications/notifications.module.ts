import { Module, type DynamicModule } from '@nestjs/common';
import {
  EmployeeReplica,
  EmployeeReplicaHandlers,
  ReplicatedEmployee,
  ReplicatedEmployeeRepository,
} from '@vouch/employee-replica';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './application/notifications.settings';
import { Clock } from './application/clock';
import { DeactivateEmployeeUseCase } from './application/deactivate-employee.use-case';
import { EraseEmployeeUseCase } from './application/erase-employee.use-case';
import { PlanEmailsUseCase } from './application/plan-emails.use-case';
import { PlanInvitationEmailUseCase } from './application/plan-invitation-email.use-case';
import { PlanTakedownEmailsUseCase } from './application/plan-takedown-emails.use-case';
import { SummarizeDeliveriesUseCase } from './application/summarize-deliveries.use-case';
import { PlanRecommendationGivenUseCase } from './application/plan-recommendation-given.use-case';
import { GetPreferencesUseCase, UpdatePreferencesUseCase } from './application/preferences.use-cases';
import {
  CancelRequestReminderUseCase,
  ScheduleRequestReminderUseCase,
} from './application/request-reminders.use-cases';
import { SendDueDeliveriesUseCase } from './application/send-due-deliveries.use-case';
import { CheckUnsubscribeTokenUseCase, UnsubscribeUseCase } from './application/unsubscribe.use-case';
import { ListDeliveriesUseCase } from './application/list-deliveries.use-case';
import { ExportPersonalDataUseCase } from './application/export-personal-data.use-case';
import { DeliveriesController } from './api/deliveries.controller';
import { NotificationEventHandlers } from './api/notification-events.handlers';
import { PersonalDataController } from './api/personal-data.controller';
import { PreferencesController } from './api/preferences.controller';
import { MultipartBodiesDropped } from './api/multipart-bodies-dropped';
import { UnsubscribeController } from './api/unsubscribe.controller';
import { DeliveryMetrics } from './infrastructure/delivery.metrics';
import { ReminderScheduler } from './infrastructure/reminder.scheduler';
import { RequestReminderRepository } from './infrastructure/request-reminder.repository';
import { SendDueRemindersUseCase } from './application/send-due-reminders.use-case';
import { ComposeDueDigestsUseCase } from './application/compose-due-digests.use-case';
import { DigestScheduler } from './infrastructure/digest.scheduler';
import { PurgeExpiredHistoryUseCase } from './application/purge-expired-history.use-case';
import { HistoryRetentionScheduler } from './infrastructure/history-retention.scheduler';
import { HistoryRetentionStore } from './infrastructure/history-retention.store';
import { DeliverySenderWorker } from './infrastructure/delivery-sender.worker';
import { DeliveryEntity } from './infrastructure/delivery.entity';
import { DeliveryQueries } from './infrastructure/delivery.queries';
import { DeliveryRepository } from './infrastructure/delivery.repository';
import { MailTransport } from './infrastructure/mail-transport';
import { NotificationPreferenceEntity } from './infrastructure/notification-preference.entity';
import { NotificationPreferenceQueries } from './infrastructure/notification-preference.queries';
import { NotificationPreferenceRepository } from './infrastructure/notification-preference.repository';
import { PersonalDataQueries } from './infrastructure/personal-data.queries';
import { RecipientRepository } from './infrastructure/recipient.repository';

export const notificationEntities = [ReplicatedEmployee, DeliveryEntity, NotificationPreferenceEntity];

/** The emails Vouch sends: which events cause them, sending them, and who wants which. */
@Module({})
export class NotificationsModule {
  static forRoot(settings: NotificationsSettings): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [
        PreferencesController,
        UnsubscribeController,
        DeliveriesController,
        NotificationEventHandlers,
        EmployeeReplicaHandlers,
        PersonalDataController,
      ],
      providers: [
        { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
        Clock,
        MultipartBodiesDropped,
        EmployeeReplica,
        DeliveryRepository,
        DeliveryQueries,
        NotificationPreferenceRepository,
        NotificationPreferenceQueries,
        RecipientRepository,
        ReplicatedEmployeeRepository,
        MailTransport,
        DeliveryMetrics,
        PlanEmailsUseCase,
        PlanRecommendationGivenUseCase,
        PlanInvitationEmailUseCase,
        PlanTakedownEmailsUseCase,
        SummarizeDeliveriesUseCase,
        DeactivateEmployeeUseCase,
        EraseEmployeeUseCase,
        ScheduleRequestReminderUseCase,
        CancelRequestReminderUseCase,
        SendDueDeliveriesUseCase,
        GetPreferencesUseCase,
        UpdatePreferencesUseCase,
        CheckUnsubscribeTokenUseCase,
        UnsubscribeUseCase,
        ListDeliveriesUseCase,
        DeliverySenderWorker,
        RequestReminderRepository,
        SendDueRemindersUseCase,
        ReminderScheduler,
        ComposeDueDigestsUseCase,
        DigestScheduler,
        HistoryRetentionStore,
        PurgeExpiredHistoryUseCase,
        HistoryRetentionScheduler,
        PersonalDataQueries,
        ExportPersonalDataUseCase,
      ],
    };
  }
}
