/**
 * Generated from docs/openapi/connections.json by openapi-typescript: do not edit.
 * Regenerate with `npm run contract` after changing the connections service's controllers or DTOs.
 */

export interface paths {
  '/v1/connection-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My pending requests, received (incoming) or sent (outgoing), newest first */
    get: operations['ConnectionRequestsController_list'];
    put?: never;
    /** Ask an employee to connect; accepts their request if they asked first */
    post: operations['ConnectionRequestsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connection-requests/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept a request I received (the addressee only) */
    post: operations['ConnectionRequestsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connection-requests/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline a request I received (the addressee only) */
    post: operations['ConnectionRequestsController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connection-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw a request I sent (the requester only) */
    delete: operations['ConnectionRequestsController_withdraw'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My connections with active colleagues, most recent first */
    get: operations['ConnectionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connections/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * People I may know from the org chart: my manager, my reports, people with the same manager
     * @description Active colleagues only, with no connection or pending request with me; by name.
     */
    get: operations['ConnectionsController_suggestions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connections/{employeeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove my connection with an employee (either side may) */
    delete: operations['ConnectionsController_remove'];
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
    /** Everything connections holds about me: my connections and the requests I sent or received */
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
    CreateConnectionRequestBody: {
      /**
       * Format: uuid
       * @description The employee to connect with
       */
      toEmployeeId: string;
      /** @description A note for the addressee */
      message?: string;
    };
    ColleagueDto: {
      /** Format: uuid */
      employeeId: string;
      name: string;
      title: string | null;
    };
    ConnectionRequestDto: {
      /**
       * Format: uuid
       * @description The connection; the same id once accepted
       */
      id: string;
      /** Format: uuid */
      requesterId: string;
      /** Format: uuid */
      addresseeId: string;
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled' | 'removed';
      message: string | null;
      /** Format: date-time */
      requestedAt: string;
      /** Format: date-time */
      acceptedAt: string | null;
      /** @description The employee on the other side */
      employee: components['schemas']['ColleagueDto'];
    };
    ConnectionRequestPageDto: {
      items: components['schemas']['ConnectionRequestDto'][];
      nextCursor: string | null;
    };
    ConnectionDto: {
      /** Format: uuid */
      employeeId: string;
      name: string;
      title: string | null;
      /**
       * Format: date-time
       * @description When the two got connected
       */
      since: string;
    };
    ConnectionPageDto: {
      items: components['schemas']['ConnectionDto'][];
      nextCursor: string | null;
    };
    SuggestionDto: {
      /** Format: uuid */
      employeeId: string;
      name: string;
      title: string | null;
      /**
       * @description my manager, one of my reports, or someone with the same manager
       * @enum {string}
       */
      reason: 'manager' | 'report' | 'peer';
    };
    SuggestionPageDto: {
      items: components['schemas']['SuggestionDto'][];
      nextCursor: string | null;
    };
    ExportedConnectionDto: {
      /** Format: uuid */
      employeeId: string;
      /** @description null when the service has not heard of them */
      name: string | null;
      /**
       * Format: date-time
       * @description when we got connected
       */
      since: string;
    };
    ExportedColleagueDto: {
      /** Format: uuid */
      employeeId: string;
      /** @description null when the service has not heard of them */
      name: string | null;
    };
    ExportedConnectionRequestDto: {
      /**
       * Format: uuid
       * @description the connection; the same id once accepted
       */
      id: string;
      /** @enum {string} */
      direction: 'sent' | 'received';
      /** @description the employee on the other side */
      colleague: components['schemas']['ExportedColleagueDto'];
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled' | 'removed';
      message: string | null;
      /** Format: date-time */
      requestedAt: string;
      /** Format: date-time */
      acceptedAt: string | null;
      /**
       * Format: date-time
       * @description when it was declined, withdrawn, cancelled or removed
       */
      closedAt: string | null;
      /**
       * @description who removed the connection
       * @enum {string|null}
       */
      removedBy: 'me' | 'them' | null;
    };
    ConnectionsExportDto: {
      /** @enum {string} */
      service: 'connections';
      /**
       * Format: uuid
       * @description the signed-in employee, whose data this is
       */
      employeeId: string;
      /** Format: date-time */
      exportedAt: string;
      /** @description my current connections, the oldest first */
      connections: components['schemas']['ExportedConnectionDto'][];
      /** @description every request I sent or received, in any status, the oldest first */
      connectionRequests: components['schemas']['ExportedConnectionRequestDto'][];
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
export type SchemaCreateConnectionRequestBody = components['schemas']['CreateConnectionRequestBody'];
export type SchemaColleagueDto = components['schemas']['ColleagueDto'];
export type SchemaConnectionRequestDto = components['schemas']['ConnectionRequestDto'];
export type SchemaConnectionRequestPageDto = components['schemas']['ConnectionRequestPageDto'];
export type SchemaConnectionDto = components['schemas']['ConnectionDto'];
export type SchemaConnectionPageDto = components['schemas']['ConnectionPageDto'];
export type SchemaSuggestionDto = components['schemas']['SuggestionDto'];
export type SchemaSuggestionPageDto = components['schemas']['SuggestionPageDto'];
export type SchemaExportedConnectionDto = components['schemas']['ExportedConnectionDto'];
export type SchemaExportedColleagueDto = components['schemas']['ExportedColleagueDto'];
export type SchemaExportedConnectionRequestDto = components['schemas']['ExportedConnectionRequestDto'];
export type SchemaConnectionsExportDto = components['schemas']['ConnectionsExportDto'];
export type ResponseDatabaseTimeout = components['responses']['DatabaseTimeout'];
export type $defs = Record<string, never>;
export interface operations {
  ConnectionRequestsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        direction?: 'incoming' | 'outgoing';
      };
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
          'application/json': components['schemas']['ConnectionRequestPageDto'];
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
  ConnectionRequestsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): a retry with the same key and body gets the first answer again, marked `Idempotent-Replayed: true`, and creates nothing more. A quoted string or a bare value, 1 to 255 visible ASCII characters (a UUID); kept per employee and route for IDEMPOTENCY_KEY_TTL_HOURS (24). */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConnectionRequestBody'];
      };
    };
    responses: {
      /** @description they had asked me first: now connected */
      200: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionRequestDto'];
        };
      };
      /** @description a new pending request */
      201: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionRequestDto'];
        };
      };
      /** @description invalid fields or Idempotency-Key, or a request to oneself */
      400: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
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
      /** @description the caller is not an active employee */
      403: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no active employee with this id */
      404: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description already connected, or a request is already pending, or a request with this Idempotency-Key is still running */
      409: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the Idempotency-Key was used with another request body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ConnectionRequestsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionRequestDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such request, or it is not yours to act on: existence is private, so both answer 404 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is no longer pending */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ConnectionRequestsController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionRequestDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such request, or it is not yours to act on: existence is private, so both answer 404 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is no longer pending */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ConnectionRequestsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description withdrawn */
      204: {
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
      /** @description no such request, or it is not yours to act on: existence is private, so both answer 404 */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the request is no longer pending */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ConnectionsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
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
          'application/json': components['schemas']['ConnectionPageDto'];
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
  ConnectionsController_suggestions: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
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
          'application/json': components['schemas']['SuggestionPageDto'];
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
  ConnectionsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description removed */
      204: {
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
      /** @description I am not connected with this employee */
      404: {
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
          'application/json': components['schemas']['ConnectionsExportDto'];
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
