/**
 * The account emails in English: ICU messages, the catalog every other language has the same keys
 * and arguments as.
 */
export const en = {
  'validFor.hours': 'The link works once, for {hours, plural, one {# hour} other {# hours}}.',
  'validFor.minutes': 'The link works once, for {minutes, plural, one {# minute} other {# minutes}}.',

  'confirm-email.subject': 'Confirm your email',
  'confirm-email.intro':
    'Someone, we hope you, signed up for Vouch with this address. Confirm it is yours to finish signing up.',
  'confirm-email.confirm': 'Confirm my email',
  'confirm-email.notYou':
    'Did not sign up? Ignore this email: nothing happens without the link, and the sign-up lapses.',

  'sign-up-attempted.subject': 'Someone tried to sign up with your email',
  'sign-up-attempted.intro':
    'Someone tried to sign up for Vouch with this address, but you already have an account, so nothing changed.',
  'sign-up-attempted.wasItYou': 'Was it you? Sign in, or reset your password if you have forgotten it.',
  'sign-up-attempted.signIn': 'Sign in',
  'sign-up-attempted.reset': 'Reset my password',
  'sign-up-attempted.notYou': 'Not you? You can ignore this email: your account is as it was.',

  'reset-password.subject': 'Reset your password',
  'reset-password.intro': 'Someone, we hope you, asked to reset your Vouch password. Choose a new one:',
  'reset-password.choose': 'Choose a new password',
  'reset-password.signsOut': 'Changing your password signs you out everywhere.',
  'reset-password.notYou': 'Did not ask? Ignore this email: your password stays as it is.',

  'password-changed.subject': 'Your password was changed',
  'password-changed.intro':
    'Your Vouch password was changed on {changedAt, date, long} at {changedAt, time, zone}, and you were signed out everywhere.',
  'password-changed.notYou': 'Not you? Reset your password now, and tell your Vouch admin.',
  'password-changed.reset': 'Reset my password',
};

export type AccountEmailMessage = keyof typeof en;
