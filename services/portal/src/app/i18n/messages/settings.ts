import { defineMessages } from '../catalog';

/** The email preferences page. */
export const settings = defineMessages({
  en: {
    'emailSettings.title': 'Email preferences',
    'emailSettings.emailMe': 'Email me',
    'emailSettings.category.reciprocity':
      'When someone recommends me (the first time, with a nudge to write one back)',
    'emailSettings.category.recommendation_requests': 'When someone asks me for a recommendation',
    'emailSettings.category.recommendation_updates':
      'When a recommendation I wrote is accepted or needs a revision',
    'emailSettings.category.connection_requests': 'When someone asks to connect',
    'emailSettings.category.connection_updates': 'When someone accepts my connection request',
    'emailSettings.category.reminders': 'A gentle reminder of a request still waiting for me',
    'emailSettings.howOften': 'How often',
    'emailSettings.asItHappens': 'As it happens',
    'emailSettings.dailyDigest': 'One daily digest',
    'emailSettings.noEmails': 'No emails at all',
    'emailSettings.save': 'Save preferences',
    'emailSettings.saved': 'Saved.',
  },
  de: {
    'emailSettings.title': 'E-Mail-Einstellungen',
    'emailSettings.emailMe': 'Schick mir eine E-Mail',
    'emailSettings.category.reciprocity':
      'Wenn mich jemand empfiehlt (beim ersten Mal, mit einem Anstoß, eine Empfehlung zurückzuschreiben)',
    'emailSettings.category.recommendation_requests': 'Wenn mich jemand um eine Empfehlung bittet',
    'emailSettings.category.recommendation_updates':
      'Wenn eine Empfehlung, die ich geschrieben habe, angenommen wird oder überarbeitet werden soll',
    'emailSettings.category.connection_requests': 'Wenn sich jemand mit mir vernetzen möchte',
    'emailSettings.category.connection_updates': 'Wenn jemand meine Kontaktanfrage annimmt',
    'emailSettings.category.reminders':
      'Eine freundliche Erinnerung an eine Anfrage, die noch auf mich wartet',
    'emailSettings.howOften': 'Wie oft',
    'emailSettings.asItHappens': 'Sofort, wenn etwas passiert',
    'emailSettings.dailyDigest': 'Eine tägliche Zusammenfassung',
    'emailSettings.noEmails': 'Gar keine E-Mails',
    'emailSettings.save': 'Einstellungen speichern',
    'emailSettings.saved': 'Gespeichert.',
  },
  pt: {
    'emailSettings.title': 'Preferências de e-mail',
    'emailSettings.emailMe': 'Envie-me e-mails',
    'emailSettings.category.reciprocity':
      'Quando alguém me recomendar (na primeira vez, com um lembrete para retribuir com uma recomendação)',
    'emailSettings.category.recommendation_requests': 'Quando alguém me pedir uma recomendação',
    'emailSettings.category.recommendation_updates':
      'Quando uma recomendação que escrevi for aceita ou precisar de revisão',
    'emailSettings.category.connection_requests': 'Quando alguém pedir para se conectar comigo',
    'emailSettings.category.connection_updates': 'Quando alguém aceitar meu pedido de conexão',
    'emailSettings.category.reminders': 'Um lembrete gentil de um pedido que ainda espera por mim',
    'emailSettings.howOften': 'Com que frequência',
    'emailSettings.asItHappens': 'Na hora em que acontece',
    'emailSettings.dailyDigest': 'Um resumo diário',
    'emailSettings.noEmails': 'Nenhum e-mail',
    'emailSettings.save': 'Salvar preferências',
    'emailSettings.saved': 'Salvo.',
  },
});
