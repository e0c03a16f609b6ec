/**
 * Generated from docs/openapi/identity.json by openapi-typescript: do not edit.
 * Regenerate with `npm run contract` after changing the identity service's controllers or DTOs.
 */

export interface paths {
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EmployeesController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['EmployeesController_updateMe'];
    trace?: never;
  };
  '/v1/employees/me/completeness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EmployeesController_myCompleteness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EmployeesController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EmployeesController_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/{id}/manager': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['EmployeesController_setManager'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EmployeesController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/employees/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EmployeesController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['JwksController_jwks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/employees/{id}/invitation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InvitationsController_resend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InvitationAcceptanceController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SessionsController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SessionsController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/people-import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PeopleImportController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/email-confirmations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/email-confirmations/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_resend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-resets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_forgotPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-resets/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_reset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthMethodsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sso/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SingleSignOnController_start'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sso/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SingleSignOnController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/employees/{id}/admin-role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['AdminRolesController_grant'];
    post?: never;
    delete: operations['AdminRolesController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/employees/{id}/hr-role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['HrRolesController_grant'];
    post?: never;
    delete: operations['HrRolesController_revoke'];
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
    /** Everything identity holds about me: my record, manager, roles, sign-in methods, sessions, invitations, account emails and audit entries */
    get: operations['PersonalDataController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/employees/{id}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ErasuresController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/erasures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ErasuresController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/erasures/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ErasuresController_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditLogController_list'];
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
    LoginRequest: {
      /** @example ana.lima@acme.com */
      email: string;
      /** Format: password */
      password: string;
    };
    LoginResponse: {
      accessToken: string;
      /** @description seconds until the token expires */
      expiresIn: number;
    };
    PositionResponse: {
      /** @example Staff engineer */
      title: string;
      /** @example Payments */
      team: string | null;
      /**
       * @description YYYY-MM
       * @example 2021-03
       */
      start: string;
      /**
       * @description YYYY-MM; null while current
       * @example null
       */
      end: string | null;
    };
    EducationResponse: {
      /** @example Instituto Superior Técnico */
      school: string;
      degree: string | null;
      fieldOfStudy: string | null;
      /** @description YYYY-MM */
      start: string | null;
      /** @description YYYY-MM */
      end: string | null;
    };
    /**
     * @description who set the manager link: scim, csv or admin; null without a manager or for a link self-declared at sign-up
     * @enum {string}
     */
    ManagerSource: 'scim' | 'csv' | 'admin';
    EmployeeResponse: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      title: string | null;
      headline: string | null;
      summary: string | null;
      location: string | null;
      timeZone: string | null;
      /** @description BCP 47 language tag */
      language: string | null;
      positions: components['schemas']['PositionResponse'][];
      skills: string[];
      education: components['schemas']['EducationResponse'][];
      /** Format: uuid */
      managerId: string | null;
      /** @description who set the manager link: scim, csv or admin; null without a manager or for a link self-declared at sign-up */
      managerSource: components['schemas']['ManagerSource'] | null;
      /** @description profile completeness */
      completeness: number;
      /** @description false once offboarded */
      active: boolean;
      /** Format: date-time */
      registeredAt: string;
    };
    PositionInput: {
      /** @example Staff engineer */
      title: string;
      /** @example Payments */
      team?: string | null;
      /**
       * @description YYYY-MM
       * @example 2021-03
       */
      start: string;
      /**
       * @description YYYY-MM; null while current
       * @example null
       */
      end?: string | null;
    };
    EducationInput: {
      /** @example Instituto Superior Técnico */
      school: string;
      degree?: string | null;
      fieldOfStudy?: string | null;
      /** @description YYYY-MM */
      start?: string | null;
      /** @description YYYY-MM */
      end?: string | null;
    };
    UpdateProfileRequest: {
      name?: string;
      title?: string | null;
      headline?: string | null;
      summary?: string | null;
      location?: string | null;
      /**
       * @description IANA time zone
       * @example Europe/Lisbon
       */
      timeZone?: string | null;
      /**
       * @description BCP 47 language tag for the emails Vouch sends you; stored in canonical form
       * @example pt-BR
       */
      language?: string | null;
      positions?: components['schemas']['PositionInput'][];
      /**
       * @example [
       *       "TypeScript",
       *       "Kafka"
       *     ]
       */
      skills?: string[];
      education?: components['schemas']['EducationInput'][];
    };
    MissingPartResponse: {
      /**
       * @example headline
       * @enum {string}
       */
      field:
        | 'name'
        | 'title'
        | 'headline'
        | 'summary'
        | 'location'
        | 'timeZone'
        | 'language'
        | 'positions'
        | 'skills'
        | 'education';
      /** @example Write a one-line headline: what you want to be known for */
      hint: string;
    };
    CompletenessResponse: {
      score: number;
      /** @description most valuable first */
      missing: components['schemas']['MissingPartResponse'][];
    };
    EmployeePageResponse: {
      items: components['schemas']['EmployeeResponse'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    ChangeManagerRequest: {
      /**
       * Format: uuid
       * @description null: reports to no one
       */
      managerId: string | null;
    };
    InvitationResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      employeeId: string;
      /** Format: date-time */
      invitedAt: string;
      /**
       * Format: date-time
       * @description when its link stops working
       */
      expiresAt: string;
    };
    AcceptInvitationRequest: {
      /** Format: password */
      password: string;
      /**
       * Format: uuid
       * @description the `invitation` of the link
       */
      invitationId: string;
      /** @description the `token` of the link */
      token: string;
    };
    PeopleImportLineError: {
      /** @description the line of the file, the header being line 1 */
      line: number;
      /** @description the column's header as the file writes it, or null for the whole line */
      field: string | null;
      message: string;
    };
    PeopleImportSummaryResponse: {
      /** @description people the file lists */
      people: number;
      created: number;
      /** @description changed in any way, the reactivated included */
      updated: number;
      unchanged: number;
      /** @description deactivated employees the file lists, active again */
      reactivated: number;
      /** @description missing employees deactivated (with deactivateMissing) */
      deactivated: number;
      /** @description active employees the file does not list */
      missing: number;
      /** @description new people sent an invitation to set up their sign-in */
      invited: number;
    };
    PeopleImportProblem: {
      /** @example https://httpstatuses.io/422 */
      type: string;
      /** @example Invalid people file */
      title: string;
      /** @example 422 */
      status: number;
      /** @example 2 lines are bad: nothing was imported */
      detail: string;
      errors: components['schemas']['PeopleImportLineError'][];
      /** @description what the good lines would do */
      summary: components['schemas']['PeopleImportSummaryResponse'];
    };
    PeopleImportChange: {
      line: number;
      email: string;
      /**
       * Format: uuid
       * @description null in a dry run, for the new
       */
      employeeId: string | null;
      /** @enum {string} */
      outcome: 'created' | 'updated';
      /** @description what the line sets or changes */
      fields: (
        'name' | 'title' | 'timeZone' | 'language' | 'department' | 'employeeNumber' | 'managerId' | 'active'
      )[];
    };
    PeopleImportMissing: {
      /** Format: uuid */
      employeeId: string;
      email: string;
      name: string;
      /** @description whether the import deactivated them (or would, in a dry run) */
      deactivated: boolean;
    };
    PeopleImportReportResponse: {
      dryRun: boolean;
      /** @description whether the changes were written: false in a dry run */
      applied: boolean;
      summary: components['schemas']['PeopleImportSummaryResponse'];
      /** @description empty: a 200 has no bad lines */
      errors: components['schemas']['PeopleImportLineError'][];
      /** @description the people created or changed, by line */
      changes: components['schemas']['PeopleImportChange'][];
      /** @description active employees the file does not list */
      missing: components['schemas']['PeopleImportMissing'][];
    };
    RegisterRequest: {
      /** @example ana.lima@acme.com */
      email: string;
      /** Format: password */
      password: string;
      /** @example Ana Lima */
      name: string;
      /** @example Staff engineer */
      title?: string;
    };
    CheckYourEmailResponse: {
      /** @example If the address can use Vouch, an email is on its way to it. */
      message: string;
    };
    ConfirmEmailRequest: {
      /** @description the token of the "Confirm your email" link (after `#token=`) */
      token: string;
    };
    EmailConfirmedResponse: {
      employee: components['schemas']['EmployeeResponse'];
      accessToken: string;
      /** @description seconds until the token expires */
      expiresIn: number;
    };
    EmailRequest: {
      /** @example ana.lima@acme.com */
      email: string;
    };
    ResetPasswordRequest: {
      /** @description the token of the "Reset your password" link (after `#token=`) */
      token: string;
      /** Format: password */
      password: string;
    };
    AuthMethodsResponse: {
      /** @description sign-in with the company's identity provider (`GET /v1/auth/sso/start`) */
      sso: boolean;
      /** @description sign-up and sign-in with an email and a password */
      password: boolean;
    };
    RoleGrantResponse: {
      /** Format: uuid */
      employeeId: string;
      /**
       * Format: uuid
       * @description the admin who granted the role
       */
      grantedBy: string;
      /** Format: date-time */
      grantedAt: string;
    };
    ExportedManagerDto: {
      /** Format: uuid */
      employeeId: string;
      name: string | null;
      /** @description as the directory shows it */
      email: string | null;
    };
    ExportedRoleGrantDto: {
      /** @enum {string} */
      role: 'admin' | 'hr';
      /** Format: date-time */
      grantedAt: string;
    };
    ExportedSingleSignOnLinkDto: {
      /** @description the identity provider (its OpenID Connect issuer) */
      issuer: string;
      /** @description who I am to it (its `sub`) */
      subject: string;
      /**
       * @description how my account was linked to it
       * @enum {string}
       */
      linkedBy: 'external_id' | 'verified_email' | 'jit';
      /** Format: date-time */
      linkedAt: string;
      /** Format: date-time */
      lastSignInAt: string;
    };
    ExportedSignInMethodsDto: {
      /** @description I have a password (never the password, nor its hash) */
      password: boolean;
      singleSignOn: components['schemas']['ExportedSingleSignOnLinkDto'][];
    };
    ExportedProvenEmailDto: {
      email: string;
      /** @enum {string} */
      provenBy: 'email_confirmation' | 'invitation' | 'password_reset' | 'sso';
      /** Format: date-time */
      provenAt: string;
    };
    ExportedSessionDto: {
      /**
       * Format: date-time
       * @description when I signed in
       */
      startedAt: string;
      /**
       * Format: date-time
       * @description when it last renewed my access
       */
      lastUsedAt: string;
      /** Format: date-time */
      expiresAt: string;
      /**
       * Format: date-time
       * @description signed out or ended early
       */
      endedAt: string | null;
      /** @example logout */
      endedBecause: string | null;
    };
    ExportedInvitationDto: {
      /** Format: date-time */
      invitedAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      acceptedAt: string | null;
      /**
       * Format: date-time
       * @description a newer one replaced it
       */
      supersededAt: string | null;
      /** @enum {string} */
      invitedBy: 'admin' | 'scim' | 'csv' | 'system';
    };
    ExportedAccountEmailDto: {
      /**
       * @description which account email
       * @example email-confirmation
       */
      kind: string;
      /** Format: date-time */
      sentAt: string;
    };
    ExportedAuditEntryDto: {
      /** Format: date-time */
      occurredAt: string;
      /** @example employee.updated */
      action: string;
      /**
       * @description what made the change; not which admin or HR member
       * @enum {string}
       */
      changedBy: 'admin' | 'hr' | 'scim' | 'csv' | 'system' | 'sso';
      /** @description the fields that changed, as they were */
      before: {
        [key: string]: unknown;
      };
      /** @description the fields that changed, as they became */
      after: {
        [key: string]: unknown;
      };
    };
    IdentityExportDto: {
      /** @enum {string} */
      service: 'identity';
      /**
       * Format: uuid
       * @description the signed-in employee, whose data this is
       */
      employeeId: string;
      /** Format: date-time */
      exportedAt: string;
      /** @description my record and profile */
      profile: components['schemas']['EmployeeResponse'];
      manager: components['schemas']['ExportedManagerDto'] | null;
      /**
       * @description the roles my current sign-in carries
       * @example [
       *       "employee"
       *     ]
       */
      roles: string[];
      /** @description roles given to me in Vouch */
      roleGrants: components['schemas']['ExportedRoleGrantDto'][];
      signInMethods: components['schemas']['ExportedSignInMethodsDto'];
      /** @description the addresses I proved are mine, and how */
      provenEmails: components['schemas']['ExportedProvenEmailDto'][];
      /** @description my sign-ins still on record, without their tokens */
      sessions: components['schemas']['ExportedSessionDto'][];
      /** @description invitations to set up my sign-in, without their links */
      invitations: components['schemas']['ExportedInvitationDto'][];
      /** @description account emails sent to my addresses (confirm an address, reset a password) */
      accountEmails: components['schemas']['ExportedAccountEmailDto'][];
      /** @description the audit log's entries about me, the oldest first */
      auditLog: components['schemas']['ExportedAuditEntryDto'][];
    };
    EraseEmployeeRequest: {
      /** @description the request this erasure answers (a ticket or reference), kept in the audit log: no personal data */
      reason: string;
    };
    ErasurePartResponse: {
      /**
       * Format: date-time
       * @description when the service finished its part; null while it has not
       */
      completedAt: string | null;
    };
    ErasurePartsResponse: {
      /** @description done in the request itself */
      identity: components['schemas']['ErasurePartResponse'];
      connections: components['schemas']['ErasurePartResponse'];
      recommendations: components['schemas']['ErasurePartResponse'];
      notifications: components['schemas']['ErasurePartResponse'];
    };
    ErasureResponse: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the erased employee
       */
      employeeId: string;
      /** Format: date-time */
      requestedAt: string;
      /**
       * Format: uuid
       * @description the admin who erased them
       */
      requestedBy: string;
      reason: string;
      /** @description each service's part of the erasure */
      services: components['schemas']['ErasurePartsResponse'];
      /**
       * Format: date-time
       * @description when the last service finished; null while one has not
       */
      completedAt: string | null;
    };
    ErasurePageResponse: {
      items: components['schemas']['ErasureResponse'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    AuditEntryResponse: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      occurredAt: string;
      /**
       * @description who made the change, and through which channel
       * @enum {string}
       */
      actorType: 'admin' | 'hr' | 'scim' | 'csv' | 'system' | 'sso';
      /**
       * Format: uuid
       * @description the employee id of the admin or HR member who acted; null for the other actors
       */
      actorId: string | null;
      /** @enum {string} */
      action:
        | 'employee.created'
        | 'employee.adopted'
        | 'employee.profile_changed'
        | 'employee.email_changed'
        | 'employee.manager_changed'
        | 'employee.employment_details_changed'
        | 'employee.deactivated'
        | 'employee.reactivated'
        | 'employee.deleted_from_scim'
        | 'employee.admin_role_granted'
        | 'employee.admin_role_revoked'
        | 'employee.hr_role_granted'
        | 'employee.hr_role_revoked'
        | 'employee.erased'
        | 'recommendation.taken_down';
      /**
       * Format: uuid
       * @description the employee changed
       */
      employeeId: string;
      /** @description the fields that changed, as they were; empty when the employee was created */
      before: {
        [key: string]: unknown;
      };
      /** @description the fields that changed, as they became */
      after: {
        [key: string]: unknown;
      };
    };
    AuditEntryPageResponse: {
      items: components['schemas']['AuditEntryResponse'][];
      /** @description pass as ?cursor= for the next page */
      nextCursor: string | null;
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
export type SchemaLoginRequest = components['schemas']['LoginRequest'];
export type SchemaLoginResponse = components['schemas']['LoginResponse'];
export type SchemaPositionResponse = components['schemas']['PositionResponse'];
export type SchemaEducationResponse = components['schemas']['EducationResponse'];
export type SchemaManagerSource = components['schemas']['ManagerSource'];
export type SchemaEmployeeResponse = components['schemas']['EmployeeResponse'];
export type SchemaPositionInput = components['schemas']['PositionInput'];
export type SchemaEducationInput = components['schemas']['EducationInput'];
export type SchemaUpdateProfileRequest = components['schemas']['UpdateProfileRequest'];
export type SchemaMissingPartResponse = components['schemas']['MissingPartResponse'];
export type SchemaCompletenessResponse = components['schemas']['CompletenessResponse'];
export type SchemaEmployeePageResponse = components['schemas']['EmployeePageResponse'];
export type SchemaChangeManagerRequest = components['schemas']['ChangeManagerRequest'];
export type SchemaInvitationResponse = components['schemas']['InvitationResponse'];
export type SchemaAcceptInvitationRequest = components['schemas']['AcceptInvitationRequest'];
export type SchemaPeopleImportLineError = components['schemas']['PeopleImportLineError'];
export type SchemaPeopleImportSummaryResponse = components['schemas']['PeopleImportSummaryResponse'];
export type SchemaPeopleImportProblem = components['schemas']['PeopleImportProblem'];
export type SchemaPeopleImportChange = components['schemas']['PeopleImportChange'];
export type SchemaPeopleImportMissing = components['schemas']['PeopleImportMissing'];
export type SchemaPeopleImportReportResponse = components['schemas']['PeopleImportReportResponse'];
export type SchemaRegisterRequest = components['schemas']['RegisterRequest'];
export type SchemaCheckYourEmailResponse = components['schemas']['CheckYourEmailResponse'];
export type SchemaConfirmEmailRequest = components['schemas']['ConfirmEmailRequest'];
export type SchemaEmailConfirmedResponse = components['schemas']['EmailConfirmedResponse'];
export type SchemaEmailRequest = components['schemas']['EmailRequest'];
export type SchemaResetPasswordRequest = components['schemas']['ResetPasswordRequest'];
export type SchemaAuthMethodsResponse = components['schemas']['AuthMethodsResponse'];
export type SchemaRoleGrantResponse = components['schemas']['RoleGrantResponse'];
export type SchemaExportedManagerDto = components['schemas']['ExportedManagerDto'];
export type SchemaExportedRoleGrantDto = components['schemas']['ExportedRoleGrantDto'];
export type SchemaExportedSingleSignOnLinkDto = components['schemas']['ExportedSingleSignOnLinkDto'];
export type SchemaExportedSignInMethodsDto = components['schemas']['ExportedSignInMethodsDto'];
export type SchemaExportedProvenEmailDto = components['schemas']['ExportedProvenEmailDto'];
export type SchemaExportedSessionDto = components['schemas']['ExportedSessionDto'];
export type SchemaExportedInvitationDto = components['schemas']['ExportedInvitationDto'];
export type SchemaExportedAccountEmailDto = components['schemas']['ExportedAccountEmailDto'];
export type SchemaExportedAuditEntryDto = components['schemas']['ExportedAuditEntryDto'];
export type SchemaIdentityExportDto = components['schemas']['IdentityExportDto'];
export type SchemaEraseEmployeeRequest = components['schemas']['EraseEmployeeRequest'];
export type SchemaErasurePartResponse = components['schemas']['ErasurePartResponse'];
export type SchemaErasurePartsResponse = components['schemas']['ErasurePartsResponse'];
export type SchemaErasureResponse = components['schemas']['ErasureResponse'];
export type SchemaErasurePageResponse = components['schemas']['ErasurePageResponse'];
export type SchemaAuditEntryResponse = components['schemas']['AuditEntryResponse'];
export type SchemaAuditEntryPageResponse = components['schemas']['AuditEntryPageResponse'];
export type ResponseDatabaseTimeout = components['responses']['DatabaseTimeout'];
export type $defs = Record<string, never>;
export interface operations {
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginRequest'];
      };
    };
    responses: {
      /** @description signed in: a session starts, its refresh token in the vouch_refresh cookie */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description wrong email or password */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the password is right but the email is not confirmed yet (`Email not confirmed`) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many attempts; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  EmployeesController_me: {
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
          'application/json': components['schemas']['EmployeeResponse'];
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
  EmployeesController_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmployeeResponse'];
        };
      };
      /** @description a field is invalid */
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
  EmployeesController_myCompleteness: {
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
          'application/json': components['schemas']['CompletenessResponse'];
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
  EmployeesController_search: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description part of a name, email or job title */
        q?: string;
        /** @description only the manager's direct reports */
        managerId?: string;
        /** @description active people (the directory), or, for HR and admins only, deactivated ones or both; never the erased */
        status?: 'active' | 'deactivated' | 'all';
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
          'application/json': components['schemas']['EmployeePageResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a status other than active, asked by neither HR nor an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  EmployeesController_find: {
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
          'application/json': components['schemas']['EmployeeResponse'];
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
  EmployeesController_setManager: {
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
        'application/json': components['schemas']['ChangeManagerRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmployeeResponse'];
        };
      };
      /** @description unknown manager, or the change would make a cycle */
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
      /** @description no such employee */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Manager set by HR data: HR may not change a link SCIM or the people import set (admins may) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  EmployeesController_deactivate: {
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
          'application/json': components['schemas']['EmployeeResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description only an admin may deactivate an admin
       *
       *     neither HR nor an admin
       */
      403: {
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
  EmployeesController_reactivate: {
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
          'application/json': components['schemas']['EmployeeResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description only an admin may reactivate an admin
       *
       *     neither HR nor an admin
       */
      403: {
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
      /** @description the employee has been erased */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  JwksController_jwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the public keys access tokens are signed with (RFC 7517) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            keys: {
              [key: string]: unknown;
            }[];
          };
        };
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  InvitationsController_resend: {
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
      /** @description a new invitation, replacing any earlier one; its email is on its way */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
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
      /** @description the employee has a password already, or is deactivated */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  InvitationAcceptanceController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitationRequest'];
      };
    };
    responses: {
      /** @description the password is set: signed in, as by a login (a session starts, its cookie set) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description the link is not valid: a wrong token or an unknown invitation */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the employee is deactivated */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the link was used already, or the employee has a password */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the invitation expired, or a newer one replaced it */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  SessionsController_refresh: {
    parameters: {
      query?: never;
      header: {
        /** @description any value: proves a script of the portal sent the request (CSRF) */
        'X-Requested-With': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a new access token; the vouch_refresh cookie holds the session's next refresh token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description no refresh cookie, or an unknown, expired, revoked or already used one (which ends its session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no X-Requested-With header, or a request from another site */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  SessionsController_logout: {
    parameters: {
      query?: never;
      header: {
        /** @description any value: proves a script of the portal sent the request (CSRF) */
        'X-Requested-With': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out: the session is revoked and its cookie removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no X-Requested-With header, or a request from another site */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  PeopleImportController_import: {
    parameters: {
      query?: {
        /** @description check and plan the import, write nothing */
        dryRun?: 'true' | 'false';
        /** @description deactivate the active employees the file does not list (never the admin importing) */
        deactivateMissing?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description the people file, UTF-8: a header line (email, name, title, department, employee number, manager email, language, time zone; email and name required), then one person a line; at most 10 MiB */
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description imported, or planned (dryRun) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeopleImportReportResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the body is not text/csv */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description bad lines, each with its number and reason: nothing was imported */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['PeopleImportProblem'];
        };
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AccountsController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterRequest'];
      };
    };
    responses: {
      /** @description a "Confirm your email" email is on its way, or, if the address has an account, an email telling its owner */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckYourEmailResponse'];
        };
      };
      /** @description the email domain may not register */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many sign-ups from the client address, or from everyone this minute; see Retry-After (seconds) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AccountsController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmEmailRequest'];
      };
    };
    responses: {
      /** @description confirmed: the employee exists and is signed in, as by a login (a session starts, its refresh token in the vouch_refresh cookie) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailConfirmedResponse'];
        };
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description another link of the same address was used at the same moment */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the link was used already, expired, or a newer one replaced it */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AccountsController_resend: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmailRequest'];
      };
    };
    responses: {
      /** @description a new "Confirm your email" email if the address has a sign-up waiting; the same answer if not */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckYourEmailResponse'];
        };
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many such requests from the client address or for the email this hour; see Retry-After (seconds) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AccountsController_forgotPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmailRequest'];
      };
    };
    responses: {
      /** @description a "Reset your password" email if the address has an account; the same answer if not */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckYourEmailResponse'];
        };
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many such requests from the client address or for the email this hour; see Retry-After (seconds) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AccountsController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordRequest'];
      };
    };
    responses: {
      /** @description the password is changed, and every session (refresh token) of the employee ended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the link was used already, expired, or a newer one replaced it */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AuthMethodsController_get: {
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
          'application/json': components['schemas']['AuthMethodsResponse'];
        };
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  SingleSignOnController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the company's identity provider, with the vouch_sso_login cookie binding the sign-in to this browser; to the portal's `/signin?error=sso_failed` when the provider cannot be reached */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description single sign-on is off (no OIDC_ISSUER) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many starts from the client address (LOGIN_MAX_ATTEMPTS_PER_ADDRESS); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  SingleSignOnController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed in: to the portal's `/sso-complete`, with the session's refresh cookie set (that page calls `POST /v1/auth/refresh` for an access token); refused: to the portal's `/signin?error=<reason>` */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description single sign-on is off (no OIDC_ISSUER) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AdminRolesController_grant: {
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
      /** @description the grant (the first one, when granted already); the role shows from their next sign-in or refresh */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleGrantResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
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
  AdminRolesController_revoke: {
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
      /** @description the admin's grant is taken back (none: nothing changes); the company's groups and ADMIN_EMAILS still count */
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
      /** @description not an admin */
      403: {
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
  HrRolesController_grant: {
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
      /** @description the grant (the first one, when granted already); the role shows from their next sign-in or refresh */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleGrantResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
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
  HrRolesController_revoke: {
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
      /** @description the admin's grant is taken back (none: nothing changes); the company's HR group (SCIM_HR_GROUP) still counts */
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
      /** @description not an admin */
      403: {
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
          'application/json': components['schemas']['IdentityExportDto'];
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
  ErasuresController_erase: {
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
        'application/json': components['schemas']['EraseEmployeeRequest'];
      };
    };
    responses: {
      /** @description identity's part is done; the other services' follow (GET /v1/admin/erasures/:id) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureResponse'];
        };
      };
      /** @description the reason is missing, blank or longer than 500 characters */
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
      /**
       * @description not an admin, or erasing yourself
       *
       *     not an admin
       */
      403: {
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
      /** @description the employee has been erased already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ErasuresController_list: {
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
      /** @description erasures, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasurePageResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  ErasuresController_find: {
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
          'application/json': components['schemas']['ErasureResponse'];
        };
      };
      /** @description no valid token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such erasure */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      503: components['responses']['DatabaseTimeout'];
    };
  };
  AuditLogController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page */
        cursor?: string;
        /** @description only changes to this employee */
        employeeId?: string;
        /** @description only changes by this kind of actor */
        actorType?: 'admin' | 'hr' | 'scim' | 'csv' | 'system' | 'sso';
        action?:
          | 'employee.created'
          | 'employee.adopted'
          | 'employee.profile_changed'
          | 'employee.email_changed'
          | 'employee.manager_changed'
          | 'employee.employment_details_changed'
          | 'employee.deactivated'
          | 'employee.reactivated'
          | 'employee.deleted_from_scim'
          | 'employee.admin_role_granted'
          | 'employee.admin_role_revoked'
          | 'employee.hr_role_granted'
          | 'employee.hr_role_revoked'
          | 'employee.erased'
          | 'recommendation.taken_down';
        /** @description changes at or after this time */
        from?: string;
        /** @description changes before this time */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description changes to people, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEntryPageResponse'];
        };
      };
      /** @description a filter or the cursor is invalid */
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
}
