import type { ExportingService } from './personal-data-export';
import { session } from './session';

/** The APIs of docs/api.md, as the portal uses them, all on the portal's own origin. */

/**
 * The services' answers and bodies under the names the portal's pages use, from the types generated
 * from their OpenAPI documents (docs/openapi/, `npm run contract`).
 */
import type {
  SchemaConnectionPageDto as ConnectionPage,
  SchemaConnectionRequestDto as ConnectionRequest,
  SchemaConnectionRequestPageDto as ConnectionRequestPage,
  SchemaConnectionsExportDto as ConnectionsExport,
  SchemaCreateConnectionRequestBody as AskToConnectBody,
  SchemaSuggestionPageDto as ConnectionSuggestionPage,
} from './api-types/connections.generated';
import type {
  SchemaAcceptInvitationRequest as AcceptInvitationBody,
  SchemaCheckYourEmailResponse as CheckYourEmail,
  SchemaCompletenessResponse as Completeness,
  SchemaEducationResponse as Education,
  SchemaEmailConfirmedResponse as EmailConfirmed,
  SchemaEmployeePageResponse as EmployeePage,
  SchemaEmployeeResponse as Employee,
  SchemaErasurePageResponse as ErasurePage,
  SchemaErasureResponse as Erasure,
  SchemaEraseEmployeeRequest as EraseEmployeeBody,
  SchemaIdentityExportDto as IdentityExport,
  SchemaLoginRequest as LoginBody,
  SchemaLoginResponse as LoginAnswer,
  SchemaPositionResponse as Position,
  SchemaRegisterRequest as RegisterBody,
  SchemaResetPasswordRequest as ResetPasswordBody,
  SchemaUpdateProfileRequest as ProfileChange,
} from './api-types/identity.generated';
import type {
  operations as NotificationOperations,
  SchemaDeliveryDto as Delivery,
  SchemaDeliveryPageDto as DeliveryPage,
  SchemaDeliverySummaryDto as DeliverySummary,
  SchemaNotificationPreferencesDto as NotificationPreferences,
  SchemaNotificationsExportDto as NotificationsExport,
} from './api-types/notifications.generated';
import type {
  SchemaAskForRecommendationDto as AskForRecommendationBody,
  SchemaRecommendationSpreadDto as RecommendationSpread,
  SchemaTeamCoveragePageDto as TeamCoveragePage,
  SchemaTeamRollUpDto as TeamRollUp,
  SchemaUncoveredEmployeePageDto as UncoveredEmployeePage,
  SchemaBalanceDto as Balance,
  SchemaManagerSource as ManagerSource,
  SchemaProfileRecommendationPageDto as ProfileRecommendationPage,
  SchemaRecommendationDto as Recommendation,
  SchemaRecommendationPageDto as RecommendationPage,
  SchemaRecommendationRequestDto as RecommendationRequest,
  SchemaRecommendationRequestPageDto as RecommendationRequestPage,
  SchemaRecommendationStatus as RecommendationStatus,
  SchemaRecommendationsExportDto as RecommendationsExport,
  SchemaRelationship as Relationship,
  SchemaRequestRevisionDto as RequestRevisionBody,
  SchemaReviseRecommendationDto as ReviseRecommendationBody,
  SchemaTakeDownRecommendationDto as TakeDownRecommendationBody,
  SchemaSignedRecommendationsDocumentDto as SignedRecommendationsDocument,
  SchemaWriteRecommendationDto as WriteRecommendationBody,
} from './api-types/recommendations.generated';

export type {
  Balance,
  Completeness,
  ConnectionRequest,
  Delivery,
  DeliverySummary,
  Education,
  Employee,
  Erasure,
  ErasurePage,
  ManagerSource,
  NotificationPreferences,
  Position,
  ProfileChange,
  Recommendation,
  RecommendationRequest,
  RecommendationStatus,
  Relationship,
  RecommendationSpread,
  TeamRollUp,
};

/** What each service exports of the signed-in employee's data (docs/api.md, "Your data"). */
export interface ServiceExports {
  identity: IdentityExport;
  connections: ConnectionsExport;
  recommendations: RecommendationsExport;
  notifications: NotificationsExport;
}

export type EmailCategory = keyof NotificationPreferences['categories'];

/** The delivery log's filters, as its query names them. */
export type DeliveryFilter = NonNullable<
  NotificationOperations['DeliveriesController_log']['parameters']['query']
>;
export type DeliveryStatus = Delivery['status'];
export type EmailTemplate = NonNullable<DeliveryFilter['template']>;

export const RELATIONSHIPS: readonly Relationship[] = ['supervisor', 'coworker', 'subordinate'];
export const isRelationship = (value: string): value is Relationship =>
  (RELATIONSHIPS as readonly string[]).includes(value);

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ field?: string; message?: string }>;
}

/** An answer other than 2xx, with what the service's problem+json said, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    problem: Problem,
  ) {
    const fields = (problem.errors ?? []).map((error) => error.message).filter(Boolean);
    super(
      fields.length > 0
        ? fields.join('; ')
        : problem.detail || problem.title || `the server answered ${status}`,
    );
  }
}

/** A body that is not JSON (a proxy's error page) reads as none: the status still says what happened. */
function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  const parsed = parseJson(await response.text());
  return new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? parsed : {});
}

const changeListeners = new Set<() => void>();

/** Runs `listener` after each change the portal makes (any call but a GET that succeeded). */
export function onApiChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

async function call<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
  const token = session.token();
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = parseJson(await response.text());
  if (!response.ok) {
    // An expired token: renewed from the session's refresh cookie, and the call made once more.
    // No session any more (signed out, deactivated): the app asks to sign in again, then comes back.
    if (response.status === 401 && token) {
      if (!retried && (await session.refresh())) return call<T>(method, path, body, true);
      session.expire();
    }
    throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? parsed : {});
  }
  if (method !== 'GET') changeListeners.forEach((listener) => listener());
  return parsed as T;
}

const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

/** A team to drill into (its manager), or the whole company. */
export interface CoverageScope {
  managerId?: string;
}

/** Pages of 10: a screen's worth of teams beside the charts. */
export const COVERAGE_PAGE_SIZE = 10;

function coverageQuery({ managerId }: CoverageScope, page?: number): string {
  return query({
    ...(managerId ? { managerId } : {}),
    ...(page ? { page: String(page), limit: String(COVERAGE_PAGE_SIZE) } : {}),
  });
}

export const api = {
  // Answers the same whether or not the address has an account: the email says what happens next.
  register: (body: RegisterBody) => call<CheckYourEmail>('POST', '/v1/auth/register', body),
  confirmEmail: (token: string) => call<EmailConfirmed>('POST', '/v1/auth/email-confirmations', { token }),
  resendEmailConfirmation: (email: string) =>
    call<CheckYourEmail>('POST', '/v1/auth/email-confirmations/resend', { email }),
  requestPasswordReset: (email: string) =>
    call<CheckYourEmail>('POST', '/v1/auth/password-resets', { email }),
  resetPassword: (body: ResetPasswordBody) =>
    call<undefined>('POST', '/v1/auth/password-resets/confirm', body),
  logIn: (body: LoginBody) => call<LoginAnswer>('POST', '/v1/auth/login', body),
  acceptInvitation: (body: AcceptInvitationBody) =>
    call<LoginAnswer>('POST', '/v1/auth/invitations/accept', body),

  me: () => call<Employee>('GET', '/v1/employees/me'),
  updateMe: (change: ProfileChange) => call<Employee>('PATCH', '/v1/employees/me', change),
  completeness: () => call<Completeness>('GET', '/v1/employees/me/completeness'),
  employee: (id: string) => call<Employee>('GET', `/v1/employees/${encodeURIComponent(id)}`),
  /** `deactivated`: them too, for HR and admins (identity answers 403 to anyone else). */
  searchEmployees: (q: string, { deactivated = false } = {}) =>
    call<EmployeePage>(
      'GET',
      `/v1/employees?${query({ q, limit: '50', ...(deactivated ? { status: 'all' } : {}) })}`,
    ),

  connectionRequests: (direction: 'incoming' | 'outgoing') =>
    call<ConnectionRequestPage>('GET', `/v1/connection-requests?${query({ direction, limit: '100' })}`),
  askToConnect: (toEmployeeId: string, message?: string) =>
    call<ConnectionRequest>('POST', '/v1/connection-requests', {
      toEmployeeId,
      message,
    } satisfies AskToConnectBody),
  answerConnectionRequest: (id: string, answer: 'accept' | 'decline') =>
    call<ConnectionRequest>('POST', `/v1/connection-requests/${encodeURIComponent(id)}/${answer}`),
  withdrawConnectionRequest: (id: string) =>
    call<void>('DELETE', `/v1/connection-requests/${encodeURIComponent(id)}`),
  connections: () => call<ConnectionPage>('GET', '/v1/connections?limit=100'),
  connectionSuggestions: () => call<ConnectionSuggestionPage>('GET', '/v1/connections/suggestions?limit=100'),
  removeConnection: (employeeId: string) =>
    call<void>('DELETE', `/v1/connections/${encodeURIComponent(employeeId)}`),

  recommendations: (side: 'received' | 'given') =>
    call<RecommendationPage>('GET', `/v1/recommendations/${side}?limit=100`),
  recommendationsOf: (employeeId: string) =>
    call<ProfileRecommendationPage>(
      'GET',
      `/v1/employees/${encodeURIComponent(employeeId)}/recommendations?limit=100`,
    ),
  writeRecommendation: (body: WriteRecommendationBody) =>
    call<Recommendation>('POST', '/v1/recommendations', body),
  reviseRecommendation: (id: string, body: ReviseRecommendationBody) =>
    call<Recommendation>('PUT', `/v1/recommendations/${encodeURIComponent(id)}`, body),
  answerRecommendation: (id: string, answer: 'accept' | 'hide') =>
    call<Recommendation>('POST', `/v1/recommendations/${encodeURIComponent(id)}/${answer}`),
  requestRevision: (id: string, message: string) =>
    call<Recommendation>('POST', `/v1/recommendations/${encodeURIComponent(id)}/request-revision`, {
      message,
    } satisfies RequestRevisionBody),
  recommendation: (id: string) =>
    call<Recommendation>('GET', `/v1/recommendations/${encodeURIComponent(id)}`),
  takeDownRecommendation: (id: string, reason: string) =>
    call<Recommendation>('POST', `/v1/recommendations/${encodeURIComponent(id)}/takedown`, {
      reason,
    } satisfies TakeDownRecommendationBody),
  withdrawRecommendation: (id: string) =>
    call<void>('DELETE', `/v1/recommendations/${encodeURIComponent(id)}`),
  balance: () => call<Balance>('GET', '/v1/recommendations/balance'),
  recommendationsDocument: () =>
    call<SignedRecommendationsDocument>('GET', '/v1/recommendations/received/document'),

  recommendationRequests: (direction: 'incoming' | 'outgoing', status: 'pending' | 'fulfilled' = 'pending') =>
    call<RecommendationRequestPage>(
      'GET',
      `/v1/recommendation-requests?${query({ direction, status, limit: '100' })}`,
    ),
  askForRecommendation: (body: AskForRecommendationBody) =>
    call<RecommendationRequest>('POST', '/v1/recommendation-requests', body),
  declineRecommendationRequest: (id: string) =>
    call<RecommendationRequest>('POST', `/v1/recommendation-requests/${encodeURIComponent(id)}/decline`),
  withdrawRecommendationRequest: (id: string) =>
    call<void>('DELETE', `/v1/recommendation-requests/${encodeURIComponent(id)}`),

  reportsOf: (managerId: string) =>
    call<EmployeePage>('GET', `/v1/employees?${query({ managerId, limit: '100' })}`),
  setManager: (employeeId: string, managerId: string | null) =>
    call<Employee>('PUT', `/v1/employees/${encodeURIComponent(employeeId)}/manager`, { managerId }),
  deactivate: (employeeId: string) =>
    call<Employee>('POST', `/v1/employees/${encodeURIComponent(employeeId)}/deactivate`),
  reactivate: (employeeId: string) =>
    call<Employee>('POST', `/v1/employees/${encodeURIComponent(employeeId)}/reactivate`),
  eraseEmployee: (employeeId: string, reason: string) =>
    call<Erasure>('POST', `/v1/admin/employees/${encodeURIComponent(employeeId)}/erasure`, {
      reason,
    } satisfies EraseEmployeeBody),
  erasures: () => call<ErasurePage>('GET', `/v1/admin/erasures?${query({ limit: '50' })}`),
  erasure: (id: string) => call<Erasure>('GET', `/v1/admin/erasures/${encodeURIComponent(id)}`),
  teamCoverage: (scope: CoverageScope, page: number) =>
    call<TeamCoveragePage>('GET', `/v1/admin/recommendations/coverage/teams?${coverageQuery(scope, page)}`),
  withoutRecommendation: (scope: CoverageScope, page: number) =>
    call<UncoveredEmployeePage>(
      'GET',
      `/v1/admin/recommendations/coverage/without-recommendation?${coverageQuery(scope, page)}`,
    ),
  recommendationSpread: (scope: CoverageScope) =>
    call<RecommendationSpread>('GET', `/v1/admin/recommendations/coverage/spread?${coverageQuery(scope)}`),
  /** The roll-up as a CSV file: fetched with the token (a plain link carries none), then saved. */
  async teamCoverageCsv(scope: CoverageScope): Promise<Blob> {
    const token = session.token();
    const response = await fetch(`/v1/admin/recommendations/coverage/teams.csv?${coverageQuery(scope)}`, {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (!response.ok) throw await problemOf(response);
    return response.blob();
  },

  notificationPreferences: () => call<NotificationPreferences>('GET', '/v1/notification-preferences'),
  saveNotificationPreferences: (preferences: NotificationPreferences) =>
    call<NotificationPreferences>('PUT', '/v1/notification-preferences', preferences),

  deliveries: ({ status, ...filter }: DeliveryFilter) => {
    const parameters = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    if (status?.length) parameters.set('status', status.join(','));
    return call<DeliveryPage>('GET', `/v1/deliveries?${parameters.toString()}`);
  },
  deliverySummary: (timeZone: string) =>
    call<DeliverySummary>('GET', `/v1/deliveries/summary?${query({ timeZone })}`),
  // Each service's export is `/v1/me/export` on it; the portal gives each a path of its own.
  personalDataExport: <TService extends ExportingService>(service: TService) =>
    call<ServiceExports[TService]>('GET', `/v1/me/export/${service}`),
};
