import type { AccountEmailMessage } from './en';

/** The account emails in German (du, as the portal). */
export const de: Record<AccountEmailMessage, string> = {
  'validFor.hours':
    'Der Link funktioniert einmal, {hours, plural, one {eine Stunde} other {# Stunden}} lang.',
  'validFor.minutes':
    'Der Link funktioniert einmal, {minutes, plural, one {eine Minute} other {# Minuten}} lang.',

  'confirm-email.subject': 'Bestätige deine E-Mail-Adresse',
  'confirm-email.intro':
    'Jemand – hoffentlich du – hat sich mit dieser Adresse bei Vouch registriert. Bestätige, dass es deine ist, um die Registrierung abzuschließen.',
  'confirm-email.confirm': 'E-Mail-Adresse bestätigen',
  'confirm-email.notYou':
    'Du hast dich nicht registriert? Dann ignoriere diese E-Mail: Ohne den Link geschieht nichts, und die Registrierung verfällt.',

  'sign-up-attempted.subject': 'Jemand wollte sich mit deiner E-Mail-Adresse registrieren',
  'sign-up-attempted.intro':
    'Jemand wollte sich mit dieser Adresse bei Vouch registrieren. Du hast aber schon ein Konto, also hat sich nichts geändert.',
  'sign-up-attempted.wasItYou':
    'Warst du das? Melde dich an, oder setz dein Passwort zurück, falls du es vergessen hast.',
  'sign-up-attempted.signIn': 'Anmelden',
  'sign-up-attempted.reset': 'Passwort zurücksetzen',
  'sign-up-attempted.notYou':
    'Das warst nicht du? Dann kannst du diese E-Mail ignorieren: Dein Konto ist unverändert.',

  'reset-password.subject': 'Setz dein Passwort zurück',
  'reset-password.intro':
    'Jemand – hoffentlich du – möchte dein Vouch-Passwort zurücksetzen. Wähle ein neues:',
  'reset-password.choose': 'Neues Passwort wählen',
  'reset-password.signsOut': 'Wenn du dein Passwort änderst, wirst du überall abgemeldet.',
  'reset-password.notYou':
    'Du hast das nicht angefordert? Ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.',

  'password-changed.subject': 'Dein Passwort wurde geändert',
  'password-changed.intro':
    'Dein Vouch-Passwort wurde am {changedAt, date, long} um {changedAt, time, zone} geändert, und du wurdest überall abgemeldet.',
  'password-changed.notYou':
    'Das warst nicht du? Setz dein Passwort jetzt zurück, und informiere deine Vouch-Administration.',
  'password-changed.reset': 'Passwort zurücksetzen',
};
