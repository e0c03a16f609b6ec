/**
 * Generated from docs/openapi/recommendations.json by openapi-typescript: do not edit.
 * Regenerate with `npm run contract` after changing the recommendations service's controllers or DTOs.
 */

export interface paths {
  '/v1/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/received': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationsController_received'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/given': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationsController_given'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationsController_myBalance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationsController_one'];
    put: operations['RecommendationsController_update'];
    post?: never;
    delete: operations['RecommendationsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationsController_acceptOne'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationsController_hideOne'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/{id}/request-revision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationsController_askForRevision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/{id}/takedown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationsController_takeDownOne'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/{employeeId}/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProfileRecommendationsController_ofEmployee'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendation-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationRequestsController_pending'];
    put?: never;
    post: operations['RecommendationRequestsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendation-requests/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RecommendationRequestsController_declineOne'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendation-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['RecommendationRequestsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/recommendations/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CoverageController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/recommendations/coverage/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CoverageController_listTeams'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/recommendations/coverage/teams.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CoverageController_exportTeams'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/recommendations/coverage/without-recommendation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CoverageController_listUncovered'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/recommendations/coverage/spread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CoverageController_getSpread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/recommendations/received/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RecommendationsDocumentController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/vouch-document-keys.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DocumentKeysController_jwks'];
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
    /** Everything recommendations holds about me: what I gave and received, with their history, and my requests */
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
    /**
     * @description what the author of a recommendation was to its subject
     * @enum {string}
     */
    Relationship: 'supervisor' | 'coworker' | 'subordinate';
    WriteRecommendationDto: {
      /**
       * Format: uuid
       * @description the colleague the recommendation is about
       */
      subjectId: string;
      /** @description what you were to the subject */
      relationship: components['schemas']['Relationship'];
      text: string;
      /**
       * Format: uuid
       * @description the request this answers
       */
      requestId?: string;
    };
    /**
     * @description only accepted ones show on the subject's profile
     * @enum {string}
     */
    RecommendationStatus: 'pending' | 'accepted' | 'hidden' | 'revision_requested' | 'withdrawn';
    /**
     * @description who set the org chart's manager links that verified it: scim, csv, admin; empty when unverified
     * @enum {string}
     */
    ManagerSource: 'scim' | 'csv' | 'admin';
    RevisionDto: {
      /** @description 1 for the first text, then one more per revision */
      number: number;
      text: string;
      relationship: components['schemas']['Relationship'];
      /** Format: date-time */
      writtenAt: string;
    };
    TakedownDto: {
      /**
       * Format: uuid
       * @description the HR employee or admin who took it down
       */
      by: string;
      reason: string;
      /** Format: date-time */
      at: string;
    };
    RecommendationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      authorId: string;
      /** Format: uuid */
      subjectId: string;
      relationship: components['schemas']['Relationship'];
      /** @description the latest text */
      text: string;
      /** @description only accepted ones show on the subject's profile */
      status: components['schemas']['RecommendationStatus'];
      /** @description the org chart said the same relationship when it was written */
      verified: boolean;
      /** @description who set the org chart's manager links that verified it: scim, csv, admin; empty when unverified */
      verifiedBy: components['schemas']['ManagerSource'][];
      /** @description the subject recommended the author too, neither of the two withdrawn nor taken down: they recommended each other */
      reciprocal: boolean;
      /** @description what the subject asked to change, while asked */
      revisionRequest: string | null;
      /** @description every text, the first first */
      revisions: components['schemas']['RevisionDto'][];
      /** @description who took it down, when and why; only HR and admins ever see one that was */
      takedown: components['schemas']['TakedownDto'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    RecommendationPageDto: {
      items: components['schemas']['RecommendationDto'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    RelationshipCountsDto: {
      supervisor: number;
      coworker: number;
      subordinate: number;
    };
    BalanceSuggestionDto: {
      /**
       * Format: uuid
       * @description a connection to ask
       */
      employeeId: string;
      /** @description what they are to me */
      relationship: components['schemas']['Relationship'];
      /** @example your manager; no supervisor recommendation yet */
      reason: string;
    };
    BalanceDto: {
      counts: components['schemas']['RelationshipCountsDto'];
      /** @description relationships with no accepted recommendation */
      missing: components['schemas']['Relationship'][];
      /** @description relationships with some, but fewer than half as many as the best-covered one */
      thin: components['schemas']['Relationship'][];
      /** @description missing relationships first, then thin ones */
      suggestions: components['schemas']['BalanceSuggestionDto'][];
    };
    ReviseRecommendationDto: {
      text: string;
      /** @description unchanged when left out */
      relationship?: components['schemas']['Relationship'];
    };
    RequestRevisionDto: {
      /** @description what you would like changed */
      message: string;
    };
    TakeDownRecommendationDto: {
      /** @description why, told to its author and subject (trimmed) */
      reason: string;
    };
    ProfileRecommendationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      authorId: string;
      /** @description null when the author is not known here yet */
      authorName: string | null;
      authorTitle: string | null;
      /** Format: uuid */
      subjectId: string;
      relationship: components['schemas']['Relationship'];
      text: string;
      /** @description the org chart said the same relationship when it was written */
      verified: boolean;
      /** @description who set the org chart's manager links that verified it: scim, csv, admin; empty when unverified */
      verifiedBy: components['schemas']['ManagerSource'][];
      /** @description the subject recommended the author too, neither of the two withdrawn nor taken down: they recommended each other */
      reciprocal: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ProfileRecommendationPageDto: {
      items: components['schemas']['ProfileRecommendationDto'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    AskForRecommendationDto: {
      /**
       * Format: uuid
       * @description the connection asked to write
       */
      recipientId: string;
      /** @description what the recipient was to you */
      relationship: components['schemas']['Relationship'];
      message?: string;
    };
    /** @enum {string} */
    RecommendationRequestStatus: 'pending' | 'fulfilled' | 'declined' | 'withdrawn' | 'expired';
    RecommendationRequestDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      requesterId: string;
      /** Format: uuid */
      recipientId: string;
      /** @description what the recipient was to the requester */
      relationship: components['schemas']['Relationship'];
      message: string | null;
      status: components['schemas']['RecommendationRequestStatus'];
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it expires if still pending
       */
      expiresAt: string;
    };
    RecommendationRequestPageDto: {
      items: components['schemas']['RecommendationRequestDto'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    EmployeeWithoutRecommendationDto: {
      /** Format: uuid */
      employeeId: string;
      name: string;
    };
    TeamCoverageDto: {
      /** Format: uuid */
      managerId: string;
      managerName: string;
      /** @description the manager and their reports */
      size: number;
      /** @description accepted recommendations the members received */
      counts: components['schemas']['RelationshipCountsDto'];
      /** @description relationships no member has an accepted recommendation in */
      missing: components['schemas']['Relationship'][];
      /** @description members with no accepted recommendation */
      withoutRecommendation: number;
    };
    CoverageDto: {
      withoutRecommendation: components['schemas']['EmployeeWithoutRecommendationDto'][];
      /** @description the teams with the fewest covered members first */
      teams: components['schemas']['TeamCoverageDto'][];
    };
    TeamRollUpDto: {
      /** Format: uuid */
      managerId: string;
      managerName: string;
      /**
       * Format: uuid
       * @description the manager's own manager
       */
      parentManagerId: string | null;
      /** @description levels below the top of the org chart */
      depth: number;
      /** @description the manager and every active employee below them */
      size: number;
      /** @description direct reports who manage someone: teams to drill into */
      subTeams: number;
      /** @description accepted recommendations the members received */
      counts: components['schemas']['RelationshipCountsDto'];
      /** @description members with no accepted recommendation */
      withoutRecommendation: number;
    };
    TeamCoveragePageDto: {
      /** @description the named manager's own team */
      team: components['schemas']['TeamRollUpDto'] | null;
      /** @description the teams one level below the manager (or at the top), the largest share without a recommendation first */
      items: components['schemas']['TeamRollUpDto'][];
      page: number;
      limit: number;
      /** @description how many items all the pages hold */
      total: number;
    };
    UncoveredEmployeeDto: {
      /** Format: uuid */
      employeeId: string;
      name: string;
      /** Format: uuid */
      managerId: string | null;
    };
    UncoveredEmployeePageDto: {
      /** @description by name */
      items: components['schemas']['UncoveredEmployeeDto'][];
      page: number;
      limit: number;
      total: number;
    };
    SpreadBucketDto: {
      /**
       * @description accepted recommendations
       * @enum {string}
       */
      recommendations: '0' | '1' | '2' | '3' | '4' | '5+';
      /** @description people who have that many */
      people: number;
    };
    RecommendationSpreadDto: {
      buckets: components['schemas']['SpreadBucketDto'][];
    };
    DocumentIssuerDto: {
      /** @description the company (DOCUMENT_ISSUER_NAME) */
      name: string;
      /**
       * Format: uri
       * @description the company's Vouch portal (PUBLIC_URL)
       */
      url: string;
      /**
       * Format: uri
       * @description where the company publishes the keys its documents verify with
       */
      keysUrl: string;
    };
    DocumentSubjectDto: {
      /** Format: uuid */
      id: string;
      name: string;
      title: string | null;
    };
    DocumentAuthorDto: {
      /** @description null when the author was never known here */
      name: string | null;
      title: string | null;
    };
    DocumentRecommendationDto: {
      /** Format: uuid */
      id: string;
      /** @description as the company knew them when the document was issued */
      author: components['schemas']['DocumentAuthorDto'];
      /** @description what the author was to the subject */
      relationship: components['schemas']['Relationship'];
      text: string;
      /** @description the org chart said the same relationship when it was written */
      verified: boolean;
      /** Format: date-time */
      writtenAt: string;
      /**
       * Format: date-time
       * @description null when never revised
       */
      revisedAt: string | null;
    };
    RecommendationsDocumentDto: {
      /**
       * @description the format and its version
       * @enum {string}
       */
      format: 'vouch.recommendations-received/1';
      issuer: components['schemas']['DocumentIssuerDto'];
      /** Format: date-time */
      issuedAt: string;
      /** @description the employee the recommendations are about */
      subject: components['schemas']['DocumentSubjectDto'];
      /** @description what their profile shows, newest first */
      recommendations: components['schemas']['DocumentRecommendationDto'][];
    };
    DocumentSignatureDto: {
      /** @description base64url of the JWS header: alg EdDSA, typ, kid (RFC 7638 thumbprint), jwk (the public key) */
      protected: string;
      /** @description base64url of the document, exactly as signed */
      payload: string;
      /** @description base64url of the Ed25519 signature */
      signature: string;
    };
    SignedRecommendationsDocumentDto: {
      /** @description readable; must equal the signed payload */
      document: components['schemas']['RecommendationsDocumentDto'];
      /** @description a flattened JWS (RFC 7515) of the document */
      signature: components['schemas']['DocumentSignatureDto'];
    };
    DocumentKeyDto: {
      /** @enum {string} */
      kty: 'OKP';
      /** @enum {string} */
      crv: 'Ed25519';
      /** @description the public key, base64url */
      x: string;
      /** @description its RFC 7638 thumbprint, as documents name it */
      kid: string;
      /** @enum {string} */
      alg: 'EdDSA';
      /** @enum {string} */
      use: 'sig';
    };
    DocumentKeysDto: {
      /** @description the signing key first, then those retired */
      keys: components['schemas']['DocumentKeyDto'][];
    };
    ExportedColleagueDto: {
      /** Format: uuid */
      employeeId: string;
      /** @description null when the service has not heard of them */
      name: string | null;
    };
    ExportedRecommendationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      authorId: string;
      /** Format: uuid */
      subjectId: string;
      relationship: components['schemas']['Relationship'];
      /** @description the latest text */
      text: string;
      /** @description only accepted ones show on the subject's profile */
      status: components['schemas']['RecommendationStatus'];
      /** @description the org chart said the same relationship when it was written */
      verified: boolean;
      /** @description who set the org chart's manager links that verified it: scim, csv, admin; empty when unverified */
      verifiedBy: components['schemas']['ManagerSource'][];
      /** @description the subject recommended the author too, neither of the two withdrawn nor taken down: they recommended each other */
      reciprocal: boolean;
      /** @description what the subject asked to change, while asked */
      revisionRequest: string | null;
      /** @description every text, the first first */
      revisions: components['schemas']['RevisionDto'][];
      /** @description who took it down, when and why; only HR and admins ever see one that was */
      takedown: components['schemas']['TakedownDto'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description the author of one I received, the subject of one I gave */
      colleague: components['schemas']['ExportedColleagueDto'];
    };
    ExportedRecommendationRequestDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      requesterId: string;
      /** Format: uuid */
      recipientId: string;
      /** @description what the recipient was to the requester */
      relationship: components['schemas']['Relationship'];
      message: string | null;
      status: components['schemas']['RecommendationRequestStatus'];
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it expires if still pending
       */
      expiresAt: string;
      /**
       * Format: date-time
       * @description when it was fulfilled, declined, withdrawn or expired
       */
      closedAt: string | null;
      /** @description the recipient of one I sent, the requester of one I received */
      colleague: components['schemas']['ExportedColleagueDto'];
    };
    RecommendationsExportDto: {
      /** @enum {string} */
      service: 'recommendations';
      /**
       * Format: uuid
       * @description the signed-in employee, whose data this is
       */
      employeeId: string;
      /** Format: date-time */
      exportedAt: string;
      /** @description about me, in any status, each with every text it had; the oldest first */
      received: components['schemas']['ExportedRecommendationDto'][];
      /** @description by me, in any status, each with every text it had; the oldest first */
      given: components['schemas']['ExportedRecommendationDto'][];
      /** @description mine, in any status; the oldest first */
      requestsSent: components['schemas']['ExportedRecommendationRequestDto'][];
      /** @description to me, in any status; the oldest first */
      requestsReceived: components['schemas']['ExportedRecommendationRequestDto'][];
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
export type SchemaRelationship = components['schemas']['Relationship'];
export type SchemaWriteRecommendationDto = components['schemas']['WriteRecommendationDto'];
export type SchemaRecommendationStatus = components['schemas']['RecommendationStatus'];
export type SchemaManagerSource = components['schemas']['ManagerSource'];
export type SchemaRevisionDto = components['schemas']['RevisionDto'];
export type SchemaTakedownDto = components['schemas']['TakedownDto'];
export type SchemaRecommendationDto = components['schemas']['RecommendationDto'];
export type SchemaRecommendationPageDto = components['schemas']['RecommendationPageDto'];
export type SchemaRelationshipCountsDto = components['schemas']['RelationshipCountsDto'];
export type SchemaBalanceSuggestionDto = components['schemas']['BalanceSuggestionDto'];
export type SchemaBalanceDto = components['schemas']['BalanceDto'];
export type SchemaReviseRecommendationDto = components['schemas']['ReviseRecommendationDto'];
export type SchemaRequestRevisionDto = components['schemas']['RequestRevisionDto'];
export type SchemaTakeDownRecommendationDto = components['schemas']['TakeDownRecommendationDto'];
export type SchemaProfileRecommendationDto = components['schemas']['ProfileRecommendationDto'];
export type SchemaProfileRecommendationPageDto = components['schemas']['ProfileRecommendationPageDto'];
export type SchemaAskForRecommendationDto = components['schemas']['AskForRecommendationDto'];
export type SchemaRecommendationRequestStatus = components['schemas']['RecommendationRequestStatus'];
export type SchemaRecommendationRequestDto = components['schemas']['RecommendationRequestDto'];
export type SchemaRecommendationRequestPageDto = components['schemas']['RecommendationRequestPageDto'];
export type SchemaEmployeeWithoutRecommendationDto =
  components['schemas']['EmployeeWithoutRecommendationDto'];
export type SchemaTeamCoverageDto = components['schemas']['TeamCoverageDto'];
export type SchemaCoverageDto = components['schemas']['CoverageDto'];
export type SchemaTeamRollUpDto = components['schemas']['TeamRollUpDto'];
export type SchemaTeamCoveragePageDto = components['schemas']['TeamCoveragePageDto'];
export type SchemaUncoveredEmployeeDto = components['schemas']['UncoveredEmployeeDto'];
export type SchemaUncoveredEmployeePageDto = components['schemas']['UncoveredEmployeePageDto'];
export type SchemaSpreadBucketDto = components['schemas']['SpreadBucketDto'];
export type SchemaRecommendationSpreadDto = components['schemas']['RecommendationSpreadDto'];
export type SchemaDocumentIssuerDto = components['schemas']['DocumentIssuerDto'];
export type SchemaDocumentSubjectDto = components['schemas']['DocumentSubjectDto'];
export type SchemaDocumentAuthorDto = components['schemas']['DocumentAuthorDto'];
export type SchemaDocumentRecommendationDto = components['schemas']['DocumentRecommendationDto'];
export type SchemaRecommendationsDocumentDto = components['schemas']['RecommendationsDocumentDto'];
export type SchemaDocumentSignatureDto = components['schemas']['DocumentSignatureDto'];
export type SchemaSignedRecommendationsDocumentDto =
  components['schemas']['SignedRecommendationsDocumentDto'];
export type SchemaDocumentKeyDto = components['schemas']['DocumentKeyDto'];
export type SchemaDocumentKeysDto = components['schemas']['DocumentKeysDto'];
export type SchemaExportedColleagueDto = components['schemas']['ExportedColleagueDto'];
export type SchemaExportedRecommendationDto = components['schemas']['ExportedRecommendationDto'];
export type SchemaExportedRecommendationRequestDto =
  components['schemas']['ExportedRecommendationRequestDto'];
export type SchemaRecommendationsExportDto = components['schemas']['RecommendationsExportDto'];
export type ResponseDatabaseTimeout = components['responses']['DatabaseTimeout'];
export type $defs = Record<string, never>;
export interface operations {
  RecommendationsController_create: {
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
        'application/json': components['schemas']['WriteRecommendationDto'];
      };
    };
    responses: {
      /** @description written; it waits for the subject to accept it */
      201: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description invalid fields, text or Idempotency-Key, or a recommendation of oneself */
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
      /** @description not connected with the subject, or one of us is not active */
      403: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such employee, or no such request from them to me */
      404: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description I already recommended this colleague, or a request with this Idempotency-Key is still running */
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
  RecommendationsController_received: {
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
      /** @description about me, in any status, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationPageDto'];
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
  RecommendationsController_given: {
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
      /** @description by me, in any status, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationPageDto'];
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
  RecommendationsController_myBalance: {
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
          'application/json': components['schemas']['BalanceDto'];
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
  RecommendationsController_one: {
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
      /** @description mine (as author or subject), or any one, with its takedown, for HR and admins */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject, or it was taken down */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviseRecommendationDto'];
      };
    };
    responses: {
      /** @description revised: the new text is added to its revisions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description invalid fields or text */
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
      /** @description the other side of the recommendation does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not allowed in its current status */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_remove: {
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
      /** @description withdrawn, for good */
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
      /** @description the other side of the recommendation does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not allowed in its current status */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_acceptOne: {
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
      /** @description accepted: it shows on my profile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the other side of the recommendation does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not allowed in its current status */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_hideOne: {
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
      /** @description hidden: it stays off my profile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the other side of the recommendation does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not allowed in its current status */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_askForRevision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestRevisionDto'];
      };
    };
    responses: {
      /** @description the author is asked to revise it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description the message is missing or too long */
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
      /** @description the other side of the recommendation does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such recommendation, or I am neither its author nor its subject */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not allowed in its current status */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationsController_takeDownOne: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TakeDownRecommendationDto'];
      };
    };
    responses: {
      /** @description taken down: kept for the audit, shown nowhere else; its author and subject are emailed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationDto'];
        };
      };
      /** @description the reason is missing or longer than 500 characters */
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
      /** @description no such recommendation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description already taken down, or withdrawn */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ProfileRecommendationsController_ofEmployee: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description accepted ones only, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileRecommendationPageDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such employee */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationRequestsController_pending: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        direction?: 'incoming' | 'outgoing';
        status?: 'pending' | 'fulfilled' | 'declined' | 'withdrawn' | 'expired' | 'all';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationRequestPageDto'];
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
  RecommendationRequestsController_create: {
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
        'application/json': components['schemas']['AskForRecommendationDto'];
      };
    };
    responses: {
      /** @description asked; it waits for an answer */
      201: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationRequestDto'];
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
      /** @description not connected with the recipient, or one of us is not active */
      403: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such employee */
      404: {
        headers: {
          /** @description `true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description already asked and still pending, or they already recommended me, or a request with this Idempotency-Key is still running */
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
      /** @description too many pending requests from me, or to the recipient */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  RecommendationRequestsController_declineOne: {
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
      /** @description declined (the recipient only) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationRequestDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the other side of the request does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such request, or I am neither its requester nor its recipient */
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
  RecommendationRequestsController_remove: {
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
      /** @description withdrawn (the requester only) */
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
      /** @description the other side of the request does this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such request, or I am neither its requester nor its recipient */
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
  CoverageController_get: {
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
          'application/json': components['schemas']['CoverageDto'];
        };
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
  CoverageController_listTeams: {
    parameters: {
      query?: {
        /** @description a manager: only their whole team (them and everyone below); the company without one */
        managerId?: string;
        /** @description page number, from 1 */
        page?: number;
        limit?: number;
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
          'application/json': components['schemas']['TeamCoveragePageDto'];
        };
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
  CoverageController_exportTeams: {
    parameters: {
      query?: {
        /** @description a manager: only their whole team (them and everyone below); the company without one */
        managerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every team in the scope, from the top down */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
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
  CoverageController_listUncovered: {
    parameters: {
      query?: {
        /** @description a manager: only their whole team (them and everyone below); the company without one */
        managerId?: string;
        /** @description page number, from 1 */
        page?: number;
        limit?: number;
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
          'application/json': components['schemas']['UncoveredEmployeePageDto'];
        };
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
  CoverageController_getSpread: {
    parameters: {
      query?: {
        /** @description a manager: only their whole team (them and everyone below); the company without one */
        managerId?: string;
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
          'application/json': components['schemas']['RecommendationSpreadDto'];
        };
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
  RecommendationsDocumentController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the recommendations my profile shows, signed by the company, to keep after I leave */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedRecommendationsDocumentDto'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description I am not known to this service yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  DocumentKeysController_jwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the public keys signed recommendations documents verify with (RFC 7517) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentKeysDto'];
        };
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
          'application/json': components['schemas']['RecommendationsExportDto'];
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
