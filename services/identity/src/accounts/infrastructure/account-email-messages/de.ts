import type { AccountEmailMessage } from './en';

/** The account emails in German (Sie). */
export const de: Record<AccountEmailMessage, string> = {
  'validFor.hours':
    'Der Link funktioniert einmal, {hours, plural, one {eine Stunde} other {# Stunden}} lang.',
  'validFor.minutes':
    'Der Link funktioniert einmal, {minutes, plural, one {eine Minute} other {# Minuten}} lang.',

  'confirm-email.subject': 'Bestätigen Sie Ihre E-Mail-Adresse',
  'confirm-email.intro':
    'Jemand – hoffentlich Sie – hat sich mit dieser Adresse bei Vouch registriert. Bestätigen Sie, dass es Ihre ist, um die Registrierung abzuschließen.',
  'confirm-email.confirm': 'E-Mail-Adresse bestätigen',
  'confirm-email.notYou':
    'Sie haben sich nicht registriert? Dann ignorieren Sie diese E-Mail: Ohne den Link geschieht nichts, und die Registrierung verfällt.',

  'sign-up-attempted.subject': 'Jemand wollte sich mit Ihrer E-Mail-Adresse registrieren',
  'sign-up-attempted.intro':
    'Jemand wollte sich mit dieser Adresse bei Vouch registrieren. Sie haben aber schon ein Konto, also hat sich nichts geändert.',
  'sign-up-attempted.wasItYou':
    'Waren Sie das? Melden Sie sich an, oder setzen Sie Ihr Passwort zurück, falls Sie es vergessen haben.',
  'sign-up-attempted.signIn': 'Anmelden',
  'sign-up-attempted.reset': 'Passwort zurücksetzen',
  'sign-up-attempted.notYou':
    'Das waren nicht Sie? Dann können Sie diese E-Mail ignorieren: Ihr Konto ist unverändert.',

  'reset-password.subject': 'Setzen Sie Ihr Passwort zurück',
  'reset-password.intro':
    'Jemand – hoffentlich Sie – möchte Ihr Vouch-Passwort zurücksetzen. Wählen Sie ein neues:',
  'reset-password.choose': 'Neues Passwort wählen',
  'reset-password.signsOut': 'Wenn Sie Ihr Passwort ändern, werden Sie überall abgemeldet.',
  'reset-password.notYou':
    'Sie haben das nicht angefordert? Ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.',

  'password-changed.subject': 'Ihr Passwort wurde geändert',
  'password-changed.intro':
    'Ihr Vouch-Passwort wurde am {changedAt, date, long} um {changedAt, time, zone} geändert, und Sie wurden überall abgemeldet.',
  'password-changed.notYou':
    'Das waren nicht Sie? Setzen Sie Ihr Passwort jetzt zurück, und informieren Sie Ihre Vouch-Administration.',
  'password-changed.reset': 'Passwort zurücksetzen',
};
