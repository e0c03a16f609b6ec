/** One asked or recommended oneself. */
export class SelfRecommendationError extends Error {
  override readonly name = 'SelfRecommendationError';
}

/** The other employee is not known to Vouch. */
export class UnknownEmployeeError extends Error {
  override readonly name = 'UnknownEmployeeError';
}

/** One of the two is not an active employee (offboarded, or not known here yet). */
export class InactiveEmployeeError extends Error {
  override readonly name = 'InactiveEmployeeError';
}

/** The two are not connected. */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
}

/** What the replica knows of one side. */
export interface Participant {
  id: string;
  active: boolean;
}

/**
 * Only connected, active employees ask or recommend each other, and never themselves. `actor` is
 * the one asking or writing, `otherId` the one they address; either may be unknown to the replica.
 */
export function checkParticipation(input: {
  actorId: string;
  otherId: string;
  actor: Participant | null;
  other: Participant | null;
  connected: boolean;
}): void {
  if (input.actorId === input.otherId)
    throw new SelfRecommendationError('you cannot ask or recommend yourself');
  if (!input.other) throw new UnknownEmployeeError(`no employee ${input.otherId}`);
  if (!input.actor?.active) throw new InactiveEmployeeError('your account is not active in Vouch');
  if (!input.other.active) throw new InactiveEmployeeError('this colleague is no longer active');
  if (!input.connected)
    throw new NotConnectedError('you can only ask or recommend colleagues you are connected with');
}
