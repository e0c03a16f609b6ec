/**
 * The link of an account email was used already, expired, was replaced by a newer one or never
 * existed: one answer for all, so a link tells nothing about whose it was.
 */
export class AccountLinkNotValidError extends Error {
  override readonly name = 'AccountLinkNotValidError';
  constructor() {
    super(
      'this link no longer works: it was used already, it expired, or a newer email replaced it; ask for a new one',
    );
  }
}

/**
 * The password is right but the address is not confirmed yet: said only to whoever knows the
 * password, so it reveals nothing to anyone else.
 */
export class EmailNotConfirmedError extends Error {
  override readonly name = 'EmailNotConfirmedError';
  constructor() {
    super(
      'confirm your email address first: follow the link in the "Confirm your email" email, ' +
        'or ask for a new one with POST /v1/auth/email-confirmations/resend',
    );
  }
}

/** This company signs in through its identity provider: no password sign-up, sign-in or reset. */
export class PasswordSignInDisabledError extends Error {
  override readonly name = 'PasswordSignInDisabledError';
  constructor() {
    super('password sign-in is off here: sign in with your company account');
  }
}
