export const INVITATION_SETTINGS = Symbol('INVITATION_SETTINGS');

/** The part of identity's environment invitations read. */
export interface InvitationSettings {
  /** How long an invitation's link works (INVITATION_TTL_DAYS). */
  ttlDays: number;
  /** Verifies the links' tokens (INVITATION_SECRET), shared with notifications only. */
  secret: string;
}
