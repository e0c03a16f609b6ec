/** The link's token is not the invitation's, or it names no invitation: one answer for both. */
export class InvalidInvitationError extends Error {
  override readonly name = 'InvalidInvitationError';
  constructor() {
    super('this invitation link is not valid');
  }
}

/** The invitation's link no longer works: it expired, or a newer invitation replaced it. */
export class InvitationExpiredError extends Error {
  override readonly name = 'InvitationExpiredError';
  constructor(readonly reason: 'expired' | 'superseded') {
    super(
      reason === 'expired'
        ? 'this invitation has expired; ask an admin to send a new one'
        : 'a newer invitation replaced this one; use the link of the latest invitation email',
    );
  }
}

/** The invitation's link was used already: it works once. */
export class InvitationAlreadyAcceptedError extends Error {
  override readonly name = 'InvitationAlreadyAcceptedError';
  constructor() {
    super('this invitation was already used to set a password; sign in with it');
  }
}

/** The employee signs in with a password already: there is nothing to invite them to. */
export class PasswordAlreadySetError extends Error {
  override readonly name = 'PasswordAlreadySetError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} already has a password`);
  }
}

/** A deactivated employee is not invited: they may not sign in. */
export class InviteeDeactivatedError extends Error {
  override readonly name = 'InviteeDeactivatedError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} is deactivated; reactivate them first`);
  }
}
