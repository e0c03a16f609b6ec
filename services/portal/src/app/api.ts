import { session } from './session';

/** The APIs of ../shared/API.md, as the portal uses them, all on the portal's own origin. */

/** The services' answers (libs/contracts `http.ts`), under the names the portal's pages use. */
import type {
  BalanceView as Balance,
  CompletenessView as Completeness,
  ConnectionRequestView as ConnectionRequest,
  ConnectionSuggestionView as ConnectionSuggestion,
  ConnectionView as Connection,
  EducationView as Education,
  EmailCategory,
  EmployeeView as Employee,
  NotificationPreferencesView as NotificationPreferences,
  Page,
  PositionView as Position,
  ProfileRecommendationView as ProfileRecommendation,
  RecommendationRequestView as RecommendationRequest,
  RecommendationStatus,
  RecommendationView as Recommendation,
  Relationship,
} from '@vouch/contracts';

export type {
  Balance,
  Completeness,
  ConnectionRequest,
  Education,
  EmailCategory,
  Employee,
  NotificationPreferences,
  Position,
  Recommendation,
  RecommendationRequest,
  RecommendationStatus,
  Relationship,
};

export const RELATIONSHIPS: readonly Relationship[] = ['supervisor', 'coworker', 'subordinate'];
export const isRelationship = (value: string): value is Relationship =>
  (RELATIONSHIPS as readonly string[]).includes(value);

export type ProfileChange = Partial<
  Pick<
    Employee,
    'name' | 'title' | 'headline' | 'summary' | 'location' | 'positions' | 'skills' | 'education'
  >
>;

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

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
    // An expired or revoked token: sign out, and the app asks to sign in again, then comes back.
    if (response.status === 401 && token) session.signOut();
    throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? parsed : {});
  }
  return parsed as T;
}

const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

export const api = {
  register: (body: {
    email: string;
    password: string;
    name: string;
    title?: string;
    managerEmail?: string;
  }) => call<{ employee: Employee; accessToken: string }>('POST', '/v1/auth/register', body),
  logIn: (body: { email: string; password: string }) =>
    call<{ accessToken: string; expiresIn: number }>('POST', '/v1/auth/login', body),

  me: () => call<Employee>('GET', '/v1/employees/me'),
  updateMe: (change: ProfileChange) => call<Employee>('PATCH', '/v1/employees/me', change),
  completeness: () => call<Completeness>('GET', '/v1/employees/me/completeness'),
  employee: (id: string) => call<Employee>('GET', `/v1/employees/${encodeURIComponent(id)}`),
  searchEmployees: (q: string) => call<Page<Employee>>('GET', `/v1/employees?${query({ q, limit: '50' })}`),

  connectionRequests: (direction: 'incoming' | 'outgoing') =>
    call<Page<ConnectionRequest>>('GET', `/v1/connection-requests?${query({ direction, limit: '100' })}`),
  askToConnect: (toEmployeeId: string, message?: string) =>
    call<ConnectionRequest>('POST', '/v1/connection-requests', { toEmployeeId, message }),
  answerConnectionRequest: (id: string, answer: 'accept' | 'decline') =>
    call<ConnectionRequest>('POST', `/v1/connection-requests/${encodeURIComponent(id)}/${answer}`),
  withdrawConnectionRequest: (id: string) =>
    call<void>('DELETE', `/v1/connection-requests/${encodeURIComponent(id)}`),
  connections: () => call<Page<Connection>>('GET', '/v1/connections?limit=100'),
  connectionSuggestions: () =>
    call<Page<ConnectionSuggestion>>('GET', '/v1/connections/suggestions?limit=100'),
  removeConnection: (employeeId: string) =>
    call<void>('DELETE', `/v1/connections/${encodeURIComponent(employeeId)}`),

  recommendations: (side: 'received' | 'given') =>
    call<Page<Recommendation>>('GET', `/v1/recommendations/${side}?limit=100`),
  recommendationsOf: (employeeId: string) =>
    call<Page<ProfileRecommendation>>(
      'GET',
      `/v1/employees/${encodeURIComponent(employeeId)}/recommendations?limit=100`,
    ),
  writeRecommendation: (body: {
    subjectId: string;
    relationship: Relationship;
    text: string;
    requestId?: string;
  }) => call<Recommendation>('POST', '/v1/recommendations', body),
  reviseRecommendation: (id: string, body: { text: string; relationship: Relationship }) =>
    call<Recommendation>('PUT', `/v1/recommendations/${encodeURIComponent(id)}`, body),
  answerRecommendation: (id: string, answer: 'accept' | 'hide') =>
    call<Recommendation>('POST', `/v1/recommendations/${encodeURIComponent(id)}/${answer}`),
  requestRevision: (id: string, message: string) =>
    call<Recommendation>('POST', `/v1/recommendations/${encodeURIComponent(id)}/request-revision`, {
      message,
    }),
  withdrawRecommendation: (id: string) =>
    call<void>('DELETE', `/v1/recommendations/${encodeURIComponent(id)}`),
  balance: () => call<Balance>('GET', '/v1/recommendations/balance'),

  recommendationRequests: (direction: 'incoming' | 'outgoing', status: 'pending' | 'fulfilled' = 'pending') =>
    call<Page<RecommendationRequest>>(
      'GET',
      `/v1/recommendation-requests?${query({ direction, status, limit: '100' })}`,
    ),
  askForRecommendation: (body: { recipientId: string; relationship: Relationship; message?: string }) =>
    call<RecommendationRequest>('POST', '/v1/recommendation-requests', body),
  declineRecommendationRequest: (id: string) =>
    call<RecommendationRequest>('POST', `/v1/recommendation-requests/${encodeURIComponent(id)}/decline`),
  withdrawRecommendationRequest: (id: string) =>
    call<void>('DELETE', `/v1/recommendation-requests/${encodeURIComponent(id)}`),

  notificationPreferences: () => call<NotificationPreferences>('GET', '/v1/notification-preferences'),
  saveNotificationPreferences: (preferences: NotificationPreferences) =>
    call<NotificationPreferences>('PUT', '/v1/notification-preferences', preferences),
};
