import { defineMessages } from '../catalog';

/** Signing in and up, with a password or the company's account, and the invitation's welcome. */
export const signIn = defineMessages({
  en: {
    'signIn.title': 'Sign in',
    'signIn.toContinue': 'Sign in to continue to the page you opened.',
    'signIn.workEmail': 'Work email',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.link': 'Sign in',
    'signIn.forgotPassword': 'Forgot your password?',
    'signIn.newHere': 'New here? <link>Create your account</link>',
    'signIn.unconfirmed':
      'Confirm your email address first: follow the link in the “Confirm your email” email.',
    'signUp.title': 'Create your account',
    'signUp.byCompany': 'Your company gives you your Vouch account: sign in with your company account.',
    'signUp.fullName': 'Full name',
    'signUp.jobTitle': 'Job title (optional)',
    'signUp.submit': 'Create account',
    'signUp.haveAccount': 'Already have an account? <link>Sign in</link>',
    'companySignIn.button': 'Sign in with your company account',
    'companySignIn.refusal.notProvisioned':
      'Your company has not given you access to Vouch yet. Ask your IT administrator (whoever manages your company account) to assign Vouch to you.',
    'companySignIn.refusal.deactivated':
      'Your Vouch account is deactivated. If that is a mistake, ask your IT administrator or HR.',
    'companySignIn.refusal.accountConflict':
      'Your Vouch account is linked to another company account. Ask your IT administrator to check your account.',
    'companySignIn.refusal.emailNotVerified':
      'Your company account does not vouch for its email address, so Vouch cannot tell it is yours. Ask your IT administrator.',
    'companySignIn.refusal.emailUnusable':
      'Your company account has no email address Vouch can use. Ask your IT administrator to give it your work email.',
    'companySignIn.refusal.failed':
      'Signing in with your company account did not complete. Please try again.',
    'companySignIn.completing.title': 'Signing you in',
    'companySignIn.completing.body': 'Signing you in with your company account…',
    'welcome.title': 'Welcome to Vouch',
    'welcome.intro': 'Choose a password: you will sign in with it and your work email.',
    'welcome.submit': 'Set my password and sign in',
    'welcome.alreadySet': 'Already set your password? <link>Sign in</link>',
    'welcome.missingLink.title': 'Set up your sign-in',
    'welcome.missingLink.body':
      'This page needs the whole link from your invitation email. Open the email and follow its link again.',
    'welcome.expired': 'This invitation link no longer works: {reason}.',
    'welcome.used': 'This invitation link was already used to set your password. Sign in with that password.',
    'welcome.invalid':
      'This invitation link is not valid. Open it again from the invitation email (the whole link), or ask your Vouch admin to send you a new one.',
    'welcome.deactivated': 'Your account is deactivated: ask your Vouch admin.',
    'newPassword.mismatch': 'The two passwords differ: type the same one twice.',
  },
  de: {
    'signIn.title': 'Anmelden',
    'signIn.toContinue': 'Melde dich an, um zur geöffneten Seite weiterzugehen.',
    'signIn.workEmail': 'Geschäftliche E-Mail-Adresse',
    'signIn.password': 'Passwort',
    'signIn.submit': 'Anmelden',
    'signIn.link': 'Anmelden',
    'signIn.forgotPassword': 'Passwort vergessen?',
    'signIn.newHere': 'Neu hier? <link>Konto erstellen</link>',
    'signIn.unconfirmed':
      'Bestätige zuerst deine E-Mail-Adresse: Folge dem Link in der E-Mail „E-Mail-Adresse bestätigen“.',
    'signUp.title': 'Konto erstellen',
    'signUp.byCompany':
      'Dein Vouch-Konto bekommst du von deinem Unternehmen: Melde dich mit deinem Firmenkonto an.',
    'signUp.fullName': 'Vollständiger Name',
    'signUp.jobTitle': 'Jobtitel (optional)',
    'signUp.submit': 'Konto erstellen',
    'signUp.haveAccount': 'Du hast schon ein Konto? <link>Anmelden</link>',
    'companySignIn.button': 'Mit deinem Firmenkonto anmelden',
    'companySignIn.refusal.notProvisioned':
      'Dein Unternehmen hat dir noch keinen Zugang zu Vouch gegeben. Bitte deine IT-Administration (wer dein Firmenkonto verwaltet), dir Vouch zuzuweisen.',
    'companySignIn.refusal.deactivated':
      'Dein Vouch-Konto ist deaktiviert. Falls das ein Irrtum ist, wende dich an deine IT-Administration oder an HR.',
    'companySignIn.refusal.accountConflict':
      'Dein Vouch-Konto ist mit einem anderen Firmenkonto verknüpft. Bitte deine IT-Administration, dein Konto zu prüfen.',
    'companySignIn.refusal.emailNotVerified':
      'Dein Firmenkonto bestätigt seine E-Mail-Adresse nicht, daher kann Vouch nicht erkennen, dass sie dir gehört. Wende dich an deine IT-Administration.',
    'companySignIn.refusal.emailUnusable':
      'Dein Firmenkonto hat keine E-Mail-Adresse, die Vouch verwenden kann. Bitte deine IT-Administration, deine geschäftliche E-Mail-Adresse einzutragen.',
    'companySignIn.refusal.failed':
      'Die Anmeldung mit deinem Firmenkonto wurde nicht abgeschlossen. Bitte versuche es noch einmal.',
    'companySignIn.completing.title': 'Du wirst angemeldet',
    'companySignIn.completing.body': 'Du wirst mit deinem Firmenkonto angemeldet…',
    'welcome.title': 'Willkommen bei Vouch',
    'welcome.intro':
      'Wähle ein Passwort: Damit und mit deiner geschäftlichen E-Mail-Adresse meldest du dich an.',
    'welcome.submit': 'Passwort festlegen und anmelden',
    'welcome.alreadySet': 'Du hast dein Passwort schon festgelegt? <link>Anmelden</link>',
    'welcome.missingLink.title': 'Anmeldung einrichten',
    'welcome.missingLink.body':
      'Diese Seite braucht den vollständigen Link aus deiner Einladungs-E-Mail. Öffne die E-Mail und folge ihrem Link noch einmal.',
    'welcome.expired': 'Dieser Einladungslink funktioniert nicht mehr: {reason}.',
    'welcome.used':
      'Mit diesem Einladungslink wurde dein Passwort bereits festgelegt. Melde dich mit diesem Passwort an.',
    'welcome.invalid':
      'Dieser Einladungslink ist ungültig. Öffne ihn noch einmal aus der Einladungs-E-Mail (den ganzen Link) oder bitte deine Vouch-Administration um eine neue Einladung.',
    'welcome.deactivated': 'Dein Konto ist deaktiviert: Wende dich an deine Vouch-Administration.',
    'newPassword.mismatch': 'Die beiden Passwörter sind verschieden: Gib zweimal dasselbe ein.',
  },
  pt: {
    'signIn.title': 'Entrar',
    'signIn.toContinue': 'Entre para continuar na página que você abriu.',
    'signIn.workEmail': 'E-mail corporativo',
    'signIn.password': 'Senha',
    'signIn.submit': 'Entrar',
    'signIn.link': 'Entrar',
    'signIn.forgotPassword': 'Esqueceu sua senha?',
    'signIn.newHere': 'Primeira vez aqui? <link>Crie sua conta</link>',
    'signIn.unconfirmed':
      'Confirme seu endereço de e-mail primeiro: siga o link do e-mail “Confirme seu e-mail”.',
    'signUp.title': 'Crie sua conta',
    'signUp.byCompany': 'Sua empresa fornece sua conta do Vouch: entre com a conta da sua empresa.',
    'signUp.fullName': 'Nome completo',
    'signUp.jobTitle': 'Cargo (opcional)',
    'signUp.submit': 'Criar conta',
    'signUp.haveAccount': 'Já tem uma conta? <link>Entrar</link>',
    'companySignIn.button': 'Entrar com a conta da sua empresa',
    'companySignIn.refusal.notProvisioned':
      'Sua empresa ainda não deu a você acesso ao Vouch. Peça ao administrador de TI (quem gerencia a conta da sua empresa) para atribuir o Vouch a você.',
    'companySignIn.refusal.deactivated':
      'Sua conta do Vouch está desativada. Se isso for um engano, fale com o administrador de TI ou com o RH.',
    'companySignIn.refusal.accountConflict':
      'Sua conta do Vouch está vinculada a outra conta da empresa. Peça ao administrador de TI para verificar sua conta.',
    'companySignIn.refusal.emailNotVerified':
      'A conta da sua empresa não confirma o endereço de e-mail dela, então o Vouch não consegue saber se ele é seu. Fale com o administrador de TI.',
    'companySignIn.refusal.emailUnusable':
      'A conta da sua empresa não tem um endereço de e-mail que o Vouch possa usar. Peça ao administrador de TI para incluir seu e-mail corporativo.',
    'companySignIn.refusal.failed':
      'A entrada com a conta da sua empresa não foi concluída. Tente novamente.',
    'companySignIn.completing.title': 'Entrando',
    'companySignIn.completing.body': 'Entrando com a conta da sua empresa…',
    'welcome.title': 'Boas-vindas ao Vouch',
    'welcome.intro': 'Escolha uma senha: você vai entrar com ela e com seu e-mail corporativo.',
    'welcome.submit': 'Definir minha senha e entrar',
    'welcome.alreadySet': 'Já definiu sua senha? <link>Entrar</link>',
    'welcome.missingLink.title': 'Configure seu acesso',
    'welcome.missingLink.body':
      'Esta página precisa do link completo do seu e-mail de convite. Abra o e-mail e siga o link dele novamente.',
    'welcome.expired': 'Este link de convite não funciona mais: {reason}.',
    'welcome.used': 'Este link de convite já foi usado para definir sua senha. Entre com essa senha.',
    'welcome.invalid':
      'Este link de convite não é válido. Abra-o novamente a partir do e-mail de convite (o link inteiro) ou peça ao administrador do Vouch para enviar um novo.',
    'welcome.deactivated': 'Sua conta está desativada: fale com o administrador do Vouch.',
    'newPassword.mismatch': 'As duas senhas são diferentes: digite a mesma senha duas vezes.',
  },
});
