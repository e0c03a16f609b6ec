import { session } from './session';

/** The APIs of ../shared/API.md, as the portal uses them, all on the portal's own origin. */

export type Relationship = 'supervisor' | 'coworker' | 'subordinate';
export const RELATIONSHIPS: readonly Relationship[] = ['supervisor', 'coworker', 'subordinate'];
export const isRelationship = (value: string): value is Relationship =>
  (RELATIONSHIPS as readonly string[]).includes(value);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Position {
  title: string;
  team: string | null;
  start: string;
  end: string | null;
}

export interface Education {
  school: string;
  degree: string | null;
  fieldOfStudy: string | null;
  start: string | null;
  end: string | null;
}

export interface Employee {
  id: string;
  email: string;
  name: string;
  title: string | null;
  headline: string | null;
  summary: string | null;
  location: string | null;
  timeZone: string | null;
  positions: Position[];
  skills: string[];
  education: Education[];
  managerId: string | null;
  completeness: number;
  active: boolean;
}

export type ProfileChange = Partial<
  Pick<
    Employee,
    'name' | 'title' | 'headline' | 'summary' | 'location' | 'positions' | 'skills' | 'education'
  >
>;

export interface Completeness {
  score: number;
  missing: Array<{ field: string; hint: string }>;
}

export interface Colleague {
  employeeId: string;
  name: string;
  title: string | null;
}

export interface ConnectionRequest {
  id: string;
  requesterId: string;
  addresseeId: string;
  status: string;
  message: string | null;
  requestedAt: string;
  employee: Colleague;
}

export interface Connection extends Colleague {
  since: string;
}

export interface ConnectionSuggestion extends Colleague {
  reason: 'manager' | 'report' | 'peer';
}

export type RecommendationStatus = 'pending' | 'accepted' | 'hidden' | 'revision_requested' | 'withdrawn';

export interface Revision {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: string;
}

export interface Recommendation {
  id: string;
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  text: string;
  status: RecommendationStatus;
  verified: boolean;
  reciprocal: boolean;
  revisionRequest: string | null;
  revisions: Revision[];
  createdAt: string;
  updatedAt: string;
}

export interface ProfileRecommendation {
  id: string;
  authorId: string;
  authorName: string | null;
  authorTitle: string | null;
  relationship: Relationship;
  text: string;
  verified: boolean;
  updatedAt: string;
}

export interface RecommendationRequest {
  id: string;
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  message: string | null;
  status: string;
  createdAt: string;
  expiresAt: string;
}

export interface Balance {
  counts: Record<Relationship, number>;
  missing: Relationship[];
  thin: Relationship[];
  suggestions: Array<{ employeeId: string; relationship: Relationship; reason: string }>;
}

export const EMAIL_CATEGORIES = [
  'reciprocity',
  'recommendation_requests',
  'recommendation_updates',
  'connection_requests',
  'connection_updates',
  'reminders',
] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export interface NotificationPreferences {
  categories: Record<EmailCategory, boolean>;
  digest: 'off' | 'daily';
  unsubscribedAll: boolean;
}

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
