import type { NotificationMessage } from './en';

/** The notification emails in German (Sie). */
export const de: Record<NotificationMessage, string> = {
  'relationship.supervisor': 'Führungskraft',
  'relationship.coworker': 'Kollegin oder Kollege',
  'relationship.subordinate': 'Teammitglied',

  'recommendation.show': 'Empfehlung ansehen',
  'recommendation.writeBack': '{name} empfehlen',
  'request.write': 'Empfehlung schreiben',

  'reciprocity-nudge.subject': '{name} hat Sie empfohlen',
  'reciprocity-nudge.thank': 'Am einfachsten bedanken Sie sich bei {name} mit einer Empfehlung zurück.',

  'recommendation-received.subject': '{name} hat Sie empfohlen',

  'favour-returned.subject': '{name} hat sich revanchiert',
  'favour-returned.intro': '{name} hat sich revanchiert und Sie empfohlen.',

  'recommendation-requested.subject': '{name} bittet Sie um eine Empfehlung',
  'recommendation-requested.as': '{name} bittet Sie um eine Empfehlung, als {relationship}.',
  'recommendation-requested.alreadyRecommended': '{name} hat Sie bereits empfohlen.',

  'connection-requested.subject': '{name} möchte sich mit Ihnen vernetzen',
  'connection-requested.intro': '{name} möchte sich mit Ihnen vernetzen.',
  'connection-requested.answer': 'Antworten',

  'connection-accepted.subject': 'Sie sind jetzt mit {name} vernetzt',
  'connection-accepted.giveFirst':
    'Möchten Sie {name} eine Empfehlung schreiben? Wer zuerst gibt, bekommt am ehesten auch eine.',

  'recommendation-accepted.subject': '{name} hat Ihre Empfehlung angenommen',
  'recommendation-accepted.onProfile': 'Sie steht jetzt in ihrem oder seinem Profil.',
  'recommendation-accepted.show': 'Ansehen',

  'revision-requested.subject': '{name} bittet Sie, Ihre Empfehlung zu ändern',
  'revision-requested.intro': '{name} bittet Sie, Ihre Empfehlung zu ändern:',
  'revision-requested.revise': 'Empfehlung überarbeiten',

  'request-reminder.subject': '{name} hofft noch auf Ihre Empfehlung',
  'request-reminder.intro':
    'Eine freundliche Erinnerung: {name} hat Sie vor einiger Zeit als {relationship} um eine Empfehlung gebeten.',

  'invitation.subject': 'Sie sind zu Vouch eingeladen – richten Sie Ihre Anmeldung ein',
  'invitation.heading': 'Sie sind zu Vouch eingeladen',
  'invitation.intro':
    'Bei Vouch empfehlen Sie und Ihre Kolleginnen und Kollegen sich gegenseitig. {companyName} hat Sie hinzugefügt: Wählen Sie ein Passwort, um sich mit Ihrer geschäftlichen E-Mail-Adresse anzumelden.',
  'invitation.setUp': 'Anmeldung einrichten',
  'invitation.expiry':
    'Der Link funktioniert einmal, bis zum {expiresAt, date, long} um {expiresAt, time, zone}. Ist er abgelaufen, bitten Sie Ihre Vouch-Administration um eine neue Einladung.',
  'invitation.notExpected': 'Nicht erwartet? Dann können Sie diese E-Mail ignorieren.',

  'recommendation-taken-down.subject.toAuthor': 'Ihre Empfehlung für {name} wurde entfernt',
  'recommendation-taken-down.subject.toSubject': 'Die Empfehlung von {name} für Sie wurde entfernt',
  'recommendation-taken-down.why.toAuthor':
    'Ihr HR-Team hat sie entfernt. Sie erscheint nirgends mehr in Vouch. Die Begründung:',
  'recommendation-taken-down.why.toSubject':
    'Ihr HR-Team hat sie entfernt. Sie erscheint weder in Ihrem Profil noch sonst irgendwo in Vouch. Die Begründung:',
  'recommendation-taken-down.questions': 'Fragen dazu? Wenden Sie sich an Ihr HR-Team.',
  'recommendation-taken-down.recommendations': 'Ihre Empfehlungen',

  'daily-digest.subject':
    'Ihre Vouch-Zusammenfassung: {count, plural, one {# Neuigkeit} other {# Neuigkeiten}}',
  'daily-digest.heading': 'Ihre Vouch-Zusammenfassung',
  'daily-digest.intro': 'Das ist seit Ihrer letzten Zusammenfassung passiert:',
};
