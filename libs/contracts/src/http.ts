import type {
  EmailCategory,
  ManagerSource,
  RecommendationRequestStatus,
  RecommendationStatus,
  Relationship,
} from './vocabulary';

/**
 * What the services answer over HTTP (docs/api.md). The services build these; each response DTO
 * `implements` its view, so the OpenAPI documents, and the portal's types generated from them, say
 * the same.
 */

/** One page of a list, newest or nearest first; `nextCursor` fetches the next. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// identity

export interface PositionView {
  title: string;
  team: string | null;
  start: string;
  end: string | null;
}

export interface EducationView {
  school: string;
  degree: string | null;
  fieldOfStudy: string | null;
  start: string | null;
  end: string | null;
}

export interface EmployeeView {
  id: string;
  email: string;
  name: string;
  title: string | null;
  headline: string | null;
  summary: string | null;
  location: string | null;
  timeZone: string | null;
  /** BCP 47 language tag. */
  language: string | null;
  positions: PositionView[];
  skills: string[];
  education: EducationView[];
  managerId: string | null;
  /** Who set the manager link; null without one, or for a link self-declared at sign-up. */
  managerSource: ManagerSource | null;
  /** 0 to 100. */
  completeness: number;
  active: boolean;
  registeredAt: string;
}

export interface CompletenessView {
  score: number;
  /** The parts of the profile still missing, most valuable first. */
  missing: Array<{ field: string; hint: string }>;
}

// connections

/** A colleague as lists show them. */
export interface ColleagueView {
  employeeId: string;
  name: string;
  title: string | null;
}

/** A connection request as the API shows it to one of its two employees. */
export interface ConnectionRequestView {
  id: string;
  requesterId: string;
  addresseeId: string;
  status: string;
  message: string | null;
  requestedAt: string;
  acceptedAt: string | null;
  /** The employee on the other side, seen from the caller. */
  employee: ColleagueView;
}

/** One of my connections. */
export interface ConnectionView extends ColleagueView {
  since: string;
}

/** Why a colleague is suggested: my manager, one of my reports, or has the same manager as I. */
export type SuggestionReason = 'manager' | 'report' | 'peer';

export interface ConnectionSuggestionView extends ColleagueView {
  reason: SuggestionReason;
}

// recommendations

export interface RevisionView {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: string;
}

/** A recommendation as its author and its subject see it, with every earlier text. */
export interface RecommendationView {
  id: string;
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  text: string;
  status: RecommendationStatus;
  verified: boolean;
  /** Who set the org chart's links that verified it; empty when unverified. */
  verifiedBy: ManagerSource[];
  reciprocal: boolean;
  revisionRequest: string | null;
  revisions: RevisionView[];
  /** Who took it down, when and why; only HR and admins ever see one that was. */
  takedown: TakedownView | null;
  createdAt: string;
  updatedAt: string;
}

export interface TakedownView {
  by: string;
  reason: string;
  at: string;
}

/** An accepted recommendation as anyone sees it on the subject's profile. */
export interface ProfileRecommendationView {
  id: string;
  authorId: string;
  authorName: string | null;
  authorTitle: string | null;
  subjectId: string;
  relationship: Relationship;
  text: string;
  verified: boolean;
  /** Who set the org chart's links that verified it; empty when unverified. */
  verifiedBy: ManagerSource[];
  /** The subject recommended the author too: the two recommended each other. */
  reciprocal: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RecommendationRequestView {
  id: string;
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  message: string | null;
  status: RecommendationRequestStatus;
  createdAt: string;
  expiresAt: string;
}

/** How the accepted recommendations of an employee balance, and whom to ask next. */
export interface BalanceView {
  counts: Record<Relationship, number>;
  /** Relationships with no accepted recommendation. */
  missing: Relationship[];
  /** Relationships with some, but fewer than half as many as the best-covered one. */
  thin: Relationship[];
  suggestions: Array<{ employeeId: string; relationship: Relationship; reason: string }>;
}

// notifications

export interface NotificationPreferencesView {
  categories: Record<EmailCategory, boolean>;
  digest: 'off' | 'daily';
  unsubscribedAll: boolean;
}

// personal data export (GET /v1/me/export on each service; the portal gathers the four)

/** What every service's export starts with: whose data, from which service, read when. */
export interface PersonalDataExportView {
  service: 'identity' | 'connections' | 'recommendations' | 'notifications';
  employeeId: string;
  exportedAt: string;
}

/** Someone the exported data is about besides me, by the name the service knows them by. */
export interface ExportedColleagueView {
  employeeId: string;
  /** Null when the service has not heard of them (yet). */
  name: string | null;
}

export interface IdentityExportView extends PersonalDataExportView {
  service: 'identity';
  profile: EmployeeView;
  manager: (ExportedColleagueView & { email: string | null }) | null;
  /** The roles my current sign-in carries. */
  roles: string[];
  /** Roles given to me in Vouch (an identity provider's group gives its role at each sign-in instead). */
  roleGrants: Array<{ role: string; grantedAt: string }>;
  signInMethods: {
    password: boolean;
    singleSignOn: Array<{
      issuer: string;
      subject: string;
      linkedBy: string;
      linkedAt: string;
      lastSignInAt: string;
    }>;
  };
  provenEmails: Array<{ email: string; provenBy: string; provenAt: string }>;
  sessions: Array<{
    startedAt: string;
    lastUsedAt: string;
    expiresAt: string;
    endedAt: string | null;
    endedBecause: string | null;
  }>;
  invitations: Array<{
    invitedAt: string;
    expiresAt: string;
    acceptedAt: string | null;
    supersededAt: string | null;
    invitedBy: string;
  }>;
  accountEmails: Array<{ kind: string; sentAt: string }>;
  auditLog: Array<{
    occurredAt: string;
    action: string;
    changedBy: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  }>;
}

export interface ExportedConnectionRequestView {
  id: string;
  direction: 'sent' | 'received';
  colleague: ExportedColleagueView;
  status: string;
  message: string | null;
  requestedAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  removedBy: 'me' | 'them' | null;
}

export interface ConnectionsExportView extends PersonalDataExportView {
  service: 'connections';
  connections: Array<ExportedColleagueView & { since: string }>;
  connectionRequests: ExportedConnectionRequestView[];
}

export interface ExportedRecommendationView extends RecommendationView {
  /** The author of one I received, the subject of one I gave. */
  colleague: ExportedColleagueView;
}

export interface ExportedRecommendationRequestView extends RecommendationRequestView {
  closedAt: string | null;
  /** The recipient of one I sent, the requester of one I received. */
  colleague: ExportedColleagueView;
}

export interface RecommendationsExportView extends PersonalDataExportView {
  service: 'recommendations';
  received: ExportedRecommendationView[];
  given: ExportedRecommendationView[];
  requestsSent: ExportedRecommendationRequestView[];
  requestsReceived: ExportedRecommendationRequestView[];
}

export interface ExportedEmailView {
  id: string;
  template: string;
  category: string;
  to: string;
  about: ExportedColleagueView | null;
  status: string;
  attempts: number;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export interface NotificationsExportView extends PersonalDataExportView {
  service: 'notifications';
  preferences: NotificationPreferencesView;
  emails: ExportedEmailView[];
  pendingReminders: Array<{
    requestId: string;
    requester: ExportedColleagueView;
    relationship: string;
    dueAt: string;
  }>;
}
