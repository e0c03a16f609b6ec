import { defineMessages } from '../catalog';

/** The account's emails' pages (confirm the address, reset the password) and "Download my data". */
export const account = defineMessages({
  en: {
    'checkEmail.sent':
      '<strong>Check your email.</strong> We sent a link to <strong>{email}</strong>: follow it to confirm your address and finish signing up. If you already have an account, the email says how to sign in instead.',
    'checkEmail.sentAgain': 'Sent again. It can take a minute; check your spam folder too.',
    'checkEmail.sendAgain': 'Send the email again',
    'emailLink.missing':
      'This page needs the whole link from the “{email}” email. Open the email and follow its link again.',
    'emailLink.gone':
      'This link no longer works: it was used already, it expired, or a newer email replaced it. {whatNext}',
    'confirmEmail.title': 'Confirm your email',
    'confirmEmail.intro': 'Confirm that this email address is yours to finish signing up for Vouch.',
    'confirmEmail.whatNext':
      'Sign in with your email and password: if it is not confirmed yet, you can have the email sent again.',
    'confirmEmail.submit': 'Confirm my email',
    'forgotPassword.title': 'Reset your password',
    'forgotPassword.byCompany':
      'You sign in with your company account here: your company resets its password.',
    'forgotPassword.backToSignIn': 'Back to sign in',
    'forgotPassword.sent':
      '<strong>Check your email.</strong> If <strong>{email}</strong> has a Vouch account, a link to choose a new password is on its way. It works once, for a short while.',
    'forgotPassword.intro': 'Enter your work email: we will send you a link to choose a new password.',
    'forgotPassword.submit': 'Send me a link',
    'resetPassword.title': 'Choose a new password',
    'resetPassword.newPassword': 'New password',
    'resetPassword.submit': 'Set my new password',
    'resetPassword.askForNewLink': 'Ask for a new link',
    'resetPassword.whatNext': 'Ask for a new one.',
    'resetPassword.done':
      '<strong>Your password is changed.</strong> You were signed out everywhere: sign in with the new one.',
    'account.title': 'Your account',
    'export.title': 'Your data',
    'export.intro':
      'Download everything Vouch holds about you, in one JSON file: your profile and sign-in, your connections, the recommendations you gave and received with every version of their text, your requests, your email preferences and the emails sent to you.',
    'export.progress': 'Download progress',
    'export.part.identity': 'Profile, sign-in and account',
    'export.part.connections': 'Connections',
    'export.part.recommendations': 'Recommendations and requests',
    'export.part.notifications': 'Email preferences and emails sent to you',
    'export.part.gathering': '{part}: gathering…',
    'export.part.ready': '{part}: ready',
    'export.part.failed': '{part}: failed',
    'export.partFailed': '{part} could not be gathered: {reason}',
    'export.someoneElse': '“{part}” is about someone else: sign in again and retry.',
    'export.savedAs': 'Saved as <strong>{file}</strong>. It holds personal data: keep it somewhere safe.',
    'export.download': 'Download my data',
    'export.gathering': 'Gathering your data…',
    'export.tryAgain': 'Try again',
  },
  de: {
    'checkEmail.sent':
      '<strong>Sieh in dein Postfach.</strong> Wir haben einen Link an <strong>{email}</strong> geschickt: Folge ihm, um deine Adresse zu bestätigen und die Registrierung abzuschließen. Wenn du schon ein Konto hast, steht in der E-Mail, wie du dich stattdessen anmeldest.',
    'checkEmail.sentAgain':
      'Erneut gesendet. Das kann eine Minute dauern; sieh auch in deinem Spam-Ordner nach.',
    'checkEmail.sendAgain': 'E-Mail noch einmal senden',
    'emailLink.missing':
      'Diese Seite braucht den vollständigen Link aus der E-Mail „{email}“. Öffne die E-Mail und folge ihrem Link noch einmal.',
    'emailLink.gone':
      'Dieser Link funktioniert nicht mehr: Er wurde schon benutzt, ist abgelaufen oder wurde durch eine neuere E-Mail ersetzt. {whatNext}',
    'confirmEmail.title': 'E-Mail-Adresse bestätigen',
    'confirmEmail.intro':
      'Bestätige, dass diese E-Mail-Adresse dir gehört, um deine Registrierung bei Vouch abzuschließen.',
    'confirmEmail.whatNext':
      'Melde dich mit deiner E-Mail-Adresse und deinem Passwort an: Ist sie noch nicht bestätigt, kannst du dir die E-Mail noch einmal schicken lassen.',
    'confirmEmail.submit': 'Meine E-Mail-Adresse bestätigen',
    'forgotPassword.title': 'Passwort zurücksetzen',
    'forgotPassword.byCompany':
      'Hier meldest du dich mit deinem Firmenkonto an: Dessen Passwort setzt dein Unternehmen zurück.',
    'forgotPassword.backToSignIn': 'Zurück zur Anmeldung',
    'forgotPassword.sent':
      '<strong>Sieh in dein Postfach.</strong> Wenn <strong>{email}</strong> ein Vouch-Konto hat, ist ein Link zum Festlegen eines neuen Passworts unterwegs. Er funktioniert einmal und nur kurze Zeit.',
    'forgotPassword.intro':
      'Gib deine geschäftliche E-Mail-Adresse ein: Wir schicken dir einen Link, mit dem du ein neues Passwort festlegst.',
    'forgotPassword.submit': 'Link senden',
    'resetPassword.title': 'Neues Passwort festlegen',
    'resetPassword.newPassword': 'Neues Passwort',
    'resetPassword.submit': 'Neues Passwort festlegen',
    'resetPassword.askForNewLink': 'Neuen Link anfordern',
    'resetPassword.whatNext': 'Fordere einen neuen an.',
    'resetPassword.done':
      '<strong>Dein Passwort ist geändert.</strong> Du wurdest überall abgemeldet: Melde dich mit dem neuen an.',
    'account.title': 'Dein Konto',
    'export.title': 'Deine Daten',
    'export.intro':
      'Lade alles herunter, was Vouch über dich speichert, in einer JSON-Datei: dein Profil und deine Anmeldung, deine Kontakte, die Empfehlungen, die du geschrieben und bekommen hast, mit jeder Fassung ihres Textes, deine Anfragen, deine E-Mail-Einstellungen und die E-Mails, die du bekommen hast.',
    'export.progress': 'Fortschritt des Downloads',
    'export.part.identity': 'Profil, Anmeldung und Konto',
    'export.part.connections': 'Kontakte',
    'export.part.recommendations': 'Empfehlungen und Anfragen',
    'export.part.notifications': 'E-Mail-Einstellungen und E-Mails an dich',
    'export.part.gathering': '{part}: wird gesammelt…',
    'export.part.ready': '{part}: fertig',
    'export.part.failed': '{part}: fehlgeschlagen',
    'export.partFailed': '{part} konnte nicht gesammelt werden: {reason}',
    'export.someoneElse':
      '„{part}“ betrifft jemand anderen: Melde dich erneut an und versuche es noch einmal.',
    'export.savedAs':
      'Gespeichert als <strong>{file}</strong>. Die Datei enthält personenbezogene Daten: Bewahre sie sicher auf.',
    'export.download': 'Meine Daten herunterladen',
    'export.gathering': 'Deine Daten werden gesammelt…',
    'export.tryAgain': 'Noch einmal versuchen',
  },
  pt: {
    'checkEmail.sent':
      '<strong>Verifique seu e-mail.</strong> Enviamos um link para <strong>{email}</strong>: siga-o para confirmar seu endereço e concluir o cadastro. Se você já tem uma conta, o e-mail explica como entrar.',
    'checkEmail.sentAgain': 'Enviado novamente. Pode levar um minuto; confira também a pasta de spam.',
    'checkEmail.sendAgain': 'Enviar o e-mail novamente',
    'emailLink.missing':
      'Esta página precisa do link completo do e-mail “{email}”. Abra o e-mail e siga o link dele novamente.',
    'emailLink.gone':
      'Este link não funciona mais: ele já foi usado, expirou ou foi substituído por um e-mail mais recente. {whatNext}',
    'confirmEmail.title': 'Confirme seu e-mail',
    'confirmEmail.intro': 'Confirme que este endereço de e-mail é seu para concluir seu cadastro no Vouch.',
    'confirmEmail.whatNext':
      'Entre com seu e-mail e senha: se ele ainda não estiver confirmado, você pode pedir que o e-mail seja enviado novamente.',
    'confirmEmail.submit': 'Confirmar meu e-mail',
    'forgotPassword.title': 'Redefina sua senha',
    'forgotPassword.byCompany':
      'Aqui você entra com a conta da sua empresa: é a sua empresa que redefine a senha dela.',
    'forgotPassword.backToSignIn': 'Voltar para a entrada',
    'forgotPassword.sent':
      '<strong>Verifique seu e-mail.</strong> Se <strong>{email}</strong> tiver uma conta no Vouch, um link para escolher uma nova senha está a caminho. Ele funciona uma vez, por pouco tempo.',
    'forgotPassword.intro':
      'Digite seu e-mail corporativo: enviaremos um link para você escolher uma nova senha.',
    'forgotPassword.submit': 'Enviar um link',
    'resetPassword.title': 'Escolha uma nova senha',
    'resetPassword.newPassword': 'Nova senha',
    'resetPassword.submit': 'Definir minha nova senha',
    'resetPassword.askForNewLink': 'Pedir um novo link',
    'resetPassword.whatNext': 'Peça um novo.',
    'resetPassword.done':
      '<strong>Sua senha foi alterada.</strong> Você saiu de todas as sessões: entre com a nova senha.',
    'account.title': 'Sua conta',
    'export.title': 'Seus dados',
    'export.intro':
      'Baixe tudo o que o Vouch guarda sobre você, em um único arquivo JSON: seu perfil e acesso, suas conexões, as recomendações que você deu e recebeu com todas as versões do texto, seus pedidos, suas preferências de e-mail e os e-mails enviados a você.',
    'export.progress': 'Progresso do download',
    'export.part.identity': 'Perfil, acesso e conta',
    'export.part.connections': 'Conexões',
    'export.part.recommendations': 'Recomendações e pedidos',
    'export.part.notifications': 'Preferências de e-mail e e-mails enviados a você',
    'export.part.gathering': '{part}: reunindo…',
    'export.part.ready': '{part}: pronto',
    'export.part.failed': '{part}: falhou',
    'export.partFailed': 'Não foi possível reunir {part}: {reason}',
    'export.someoneElse': '“{part}” é sobre outra pessoa: entre novamente e tente de novo.',
    'export.savedAs':
      'Salvo como <strong>{file}</strong>. Ele contém dados pessoais: guarde-o em um lugar seguro.',
    'export.download': 'Baixar meus dados',
    'export.gathering': 'Reunindo seus dados…',
    'export.tryAgain': 'Tentar novamente',
  },
});
