/**
 * Generated from docs/openapi/notifications.json by openapi-typescript: do not edit.
 * Regenerate with `npm run contract` after changing the notifications service's controllers or DTOs.
 */

export interface paths {
  '/v1/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PreferencesController_mine'];
    put: operations['PreferencesController_replace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UnsubscribeController_confirm'];
    put?: never;
    post: operations['UnsubscribeController_oneClick'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_log'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deliveries/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything notifications holds about me: my preferences, the emails to me, the reminders to come */
    get: operations['PersonalDataController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    CategorySwitchesDto: {
      /** @description Someone recommended you (the first time an author does, with the nudge to write one back), or returned the favour */
      reciprocity: boolean;
      /** @description Someone asks you for a recommendation */
      recommendation_requests: boolean;
      /** @description A recommendation you wrote is accepted, or its subject asks for a revision */
      recommendation_updates: boolean;
      /** @description Someone asks to connect */
      connection_requests: boolean;
      /** @description Someone accepted your connection request */
      connection_updates: boolean;
      /** @description A gentle reminder of a request still waiting for you */
      reminders: boolean;
    };
    NotificationPreferencesDto: {
      categories: components['schemas']['CategorySwitchesDto'];
      /** @enum {string} */
      digest: 'off' | 'daily';
      /** @description No email at all, whatever the categories say */
      unsubscribedAll: boolean;
    };
    DeliveryDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      recipientId: string;
      /** @example reciprocity-nudge */
      template: string;
      /**
       * @description what its unsubscribe link switches off; `transactional` (the invitation, a takedown) has none
       * @enum {string}
       */
      category:
        | 'reciprocity'
        | 'recommendation_requests'
        | 'recommendation_updates'
        | 'connection_requests'
        | 'connection_updates'
        | 'reminders'
        | 'all'
        | 'transactional';
      /** @description the event that caused it */
      eventId: string;
      /**
       * @description pending until sent (or failed); held for the daily digest, then digested into it; skipped when nobody wants it any more
       * @enum {string}
       */
      status: 'pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped';
      attempts: number;
      /** @description why the last attempt failed, or why it was skipped */
      lastError: string | null;
      /**
       * Format: date-time
       * @description when it was planned
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it may first go out: `createdAt`, unless planned outside its recipient’s working hours (`WORKING_HOURS`, in their time zone), then their next start. A `pending` email with `dueAt` in the future waits for the morning
       */
      dueAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      failedAt: string | null;
    };
    DeliveryPageDto: {
      items: components['schemas']['DeliveryDto'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    DeliveryStatusCountsDto: {
      pending: number;
      held: number;
      digested: number;
      sent: number;
      failed: number;
      /** @description withheld: nobody wanted the email any more when it was due */
      skipped: number;
    };
    DeliverySummaryDto: {
      /** Format: date */
      date: string;
      /** @example UTC */
      timeZone: string;
      /**
       * Format: date-time
       * @description the day's first instant: pass as ?from= to list them
       */
      from: string;
      /**
       * Format: date-time
       * @description the next day's first instant: pass as ?to=
       */
      to: string;
      counts: components['schemas']['DeliveryStatusCountsDto'];
    };
    ExportedColleagueDto: {
      /** Format: uuid */
      employeeId: string;
      /** @description null when the service has not heard of them */
      name: string | null;
    };
    ExportedEmailDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description which email it is (docs/api.md, Emails)
       * @example reciprocity-nudge
       */
      template: string;
      /**
       * @description what its unsubscribe link switches off; `transactional` (the invitation) has none
       * @enum {string}
       */
      category:
        | 'reciprocity'
        | 'recommendation_requests'
        | 'recommendation_updates'
        | 'connection_requests'
        | 'connection_updates'
        | 'reminders'
        | 'all'
        | 'transactional';
      /** @description the address it went, or goes, to */
      to: string;
      /** @description the colleague it is about (who recommended me, asked me, …); null for none */
      about: components['schemas']['ExportedColleagueDto'] | null;
      /**
       * @description pending, held for the digest, digested into one, sent, failed, or skipped
       * @enum {string}
       */
      status: 'pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped';
      attempts: number;
      /** @description why the last attempt failed, or why it was skipped */
      failureReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      failedAt: string | null;
    };
    ExportedReminderDto: {
      /**
       * Format: uuid
       * @description the recommendation request it reminds me of
       */
      requestId: string;
      /** @description who asked me */
      requester: components['schemas']['ExportedColleagueDto'];
      /** @example coworker */
      relationship: string;
      /**
       * Format: date-time
       * @description when it goes out if the request is still open
       */
      dueAt: string;
    };
    NotificationsExportDto: {
      /** @enum {string} */
      service: 'notifications';
      /**
       * Format: uuid
       * @description the signed-in employee, whose data this is
       */
      employeeId: string;
      /** Format: date-time */
      exportedAt: string;
      /** @description my email preferences: what I switched off or unsubscribed from */
      preferences: components['schemas']['NotificationPreferencesDto'];
      /** @description every email to me, in any status; the oldest first */
      emails: components['schemas']['ExportedEmailDto'][];
      /** @description reminders still to come; the soonest first */
      pendingReminders: components['schemas']['ExportedReminderDto'][];
    };
  };
  responses: {
    /** @description the database did not answer in time (a time limit was reached): problem details; try again after Retry-After */
    DatabaseTimeout: {
      headers: {
        /** @description seconds to wait before trying again */
        'Retry-After': number;
        [name: string]: unknown;
      };
      content?: never;
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type SchemaCategorySwitchesDto = components['schemas']['CategorySwitchesDto'];
export type SchemaNotificationPreferencesDto = components['schemas']['NotificationPreferencesDto'];
export type SchemaDeliveryDto = components['schemas']['DeliveryDto'];
export type SchemaDeliveryPageDto = components['schemas']['DeliveryPageDto'];
export type SchemaDeliveryStatusCountsDto = components['schemas']['DeliveryStatusCountsDto'];
export type SchemaDeliverySummaryDto = components['schemas']['DeliverySummaryDto'];
export type SchemaExportedColleagueDto = components['schemas']['ExportedColleagueDto'];
export type SchemaExportedEmailDto = components['schemas']['ExportedEmailDto'];
export type SchemaExportedReminderDto = components['schemas']['ExportedReminderDto'];
export type SchemaNotificationsExportDto = components['schemas']['NotificationsExportDto'];
export type ResponseDatabaseTimeout = components['responses']['DatabaseTimeout'];
export type $defs = Record<string, never>;
export interface operations {
  PreferencesController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every category on until changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  PreferencesController_replace: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationPreferencesDto'];
      };
    };
    responses: {
      /** @description saved, as now in force */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
      /** @description a field is missing or invalid */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  UnsubscribeController_confirm: {
    parameters: {
      query: {
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page with the button that unsubscribes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description the link is invalid or has expired */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  UnsubscribeController_oneClick: {
    parameters: {
      query: {
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description unsubscribed: a page that says so */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description the link is invalid or has expired */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  DeliveriesController_log: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description only the emails to this employee */
        recipientId?: string;
        /** @description only emails in one of these statuses: repeated (`status=failed&status=skipped`) or comma-separated */
        status?: ('pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped')[];
        /** @description only emails of this template */
        template?:
          | 'reciprocity-nudge'
          | 'recommendation-received'
          | 'favour-returned'
          | 'recommendation-requested'
          | 'connection-requested'
          | 'connection-accepted'
          | 'recommendation-accepted'
          | 'revision-requested'
          | 'request-reminder'
          | 'invitation'
          | 'recommendation-taken-down'
          | 'daily-digest';
        /** @description only emails planned at or after this time */
        from?: string;
        /** @description only emails planned before this time; not before `from` */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the emails that pass every filter given, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryPageDto'];
        };
      };
      /** @description a filter is invalid, or `to` is before `from` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description neither HR nor an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  DeliveriesController_summary: {
    parameters: {
      query?: {
        /** @description the day to count, in `timeZone`; today there by default */
        date?: string;
        /** @description an IANA time zone; UTC by default */
        timeZone?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a day's emails by status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliverySummaryDto'];
        };
      };
      /** @description the date or time zone is invalid */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description neither HR nor an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  PersonalDataController_export: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationsExportDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
}
