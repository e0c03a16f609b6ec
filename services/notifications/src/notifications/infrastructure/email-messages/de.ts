import type { NotificationMessage } from './en';

/** The notification emails in German (du, as the portal). */
export const de: Record<NotificationMessage, string> = {
  'relationship.supervisor': 'Führungskraft',
  'relationship.coworker': 'Kollegin oder Kollege',
  'relationship.subordinate': 'Teammitglied',

  'recommendation.show': 'Empfehlung ansehen',
  'recommendation.writeBack': '{name} empfehlen',
  'request.write': 'Empfehlung schreiben',

  'reciprocity-nudge.subject': '{name} hat dich empfohlen',
  'reciprocity-nudge.thank': 'Am einfachsten bedankst du dich bei {name} mit einer Empfehlung zurück.',

  'recommendation-received.subject': '{name} hat dich empfohlen',

  'favour-returned.subject': '{name} hat sich revanchiert',
  'favour-returned.intro': '{name} hat sich revanchiert und dich empfohlen.',

  'recommendation-requested.subject': '{name} bittet dich um eine Empfehlung',
  'recommendation-requested.as': '{name} bittet dich um eine Empfehlung, als {relationship}.',
  'recommendation-requested.alreadyRecommended': '{name} hat dich bereits empfohlen.',

  'connection-requested.subject': '{name} möchte sich mit dir vernetzen',
  'connection-requested.intro': '{name} möchte sich mit dir vernetzen.',
  'connection-requested.answer': 'Antworten',

  'connection-accepted.subject': 'Du bist jetzt mit {name} vernetzt',
  'connection-accepted.giveFirst':
    'Möchtest du {name} eine Empfehlung schreiben? Wer zuerst gibt, bekommt am ehesten auch eine.',

  'recommendation-accepted.subject': '{name} hat deine Empfehlung angenommen',
  'recommendation-accepted.onProfile': 'Sie steht jetzt in ihrem oder seinem Profil.',
  'recommendation-accepted.show': 'Ansehen',

  'revision-requested.subject': '{name} bittet dich, deine Empfehlung zu ändern',
  'revision-requested.intro': '{name} bittet dich, deine Empfehlung zu ändern:',
  'revision-requested.revise': 'Empfehlung überarbeiten',

  'request-reminder.subject': '{name} hofft noch auf deine Empfehlung',
  'request-reminder.intro':
    'Eine freundliche Erinnerung: {name} hat dich vor einiger Zeit als {relationship} um eine Empfehlung gebeten.',

  'invitation.subject': 'Du bist zu Vouch eingeladen – richte deine Anmeldung ein',
  'invitation.heading': 'Du bist zu Vouch eingeladen',
  'invitation.intro':
    'Bei Vouch empfiehlst du deine Kolleginnen und Kollegen und sie dich. {companyName} hat dich hinzugefügt: Wähle ein Passwort, um dich mit deiner geschäftlichen E-Mail-Adresse anzumelden.',
  'invitation.setUp': 'Anmeldung einrichten',
  'invitation.expiry':
    'Der Link funktioniert einmal, bis zum {expiresAt, date, long} um {expiresAt, time, zone}. Ist er abgelaufen, frag deine Vouch-Administration nach einer neuen Einladung.',
  'invitation.notExpected': 'Nicht erwartet? Dann kannst du diese E-Mail ignorieren.',

  'recommendation-taken-down.subject.toAuthor': 'Deine Empfehlung für {name} wurde entfernt',
  'recommendation-taken-down.subject.toSubject': 'Die Empfehlung von {name} für dich wurde entfernt',
  'recommendation-taken-down.why.toAuthor':
    'Dein HR-Team hat sie entfernt. Sie erscheint nirgends mehr in Vouch. Die Begründung:',
  'recommendation-taken-down.why.toSubject':
    'Dein HR-Team hat sie entfernt. Sie erscheint weder in deinem Profil noch sonst irgendwo in Vouch. Die Begründung:',
  'recommendation-taken-down.questions': 'Fragen dazu? Wende dich an dein HR-Team.',
  'recommendation-taken-down.recommendations': 'Deine Empfehlungen',

  'daily-digest.subject':
    'Deine Vouch-Zusammenfassung: {count, plural, one {# Neuigkeit} other {# Neuigkeiten}}',
  'daily-digest.heading': 'Deine Vouch-Zusammenfassung',
  'daily-digest.intro': 'Das ist seit deiner letzten Zusammenfassung passiert:',
};
