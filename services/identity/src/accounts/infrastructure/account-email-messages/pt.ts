import type { AccountEmailMessage } from './en';

/** The account emails in Portuguese. */
export const pt: Record<AccountEmailMessage, string> = {
  'validFor.hours': 'A ligação funciona uma vez, durante {hours, plural, one {# hora} other {# horas}}.',
  'validFor.minutes':
    'A ligação funciona uma vez, durante {minutes, plural, one {# minuto} other {# minutos}}.',

  'confirm-email.subject': 'Confirme o seu e-mail',
  'confirm-email.intro':
    'Alguém, esperamos que tenha sido você, registou-se no Vouch com este endereço. Confirme que é seu para concluir o registo.',
  'confirm-email.confirm': 'Confirmar o meu e-mail',
  'confirm-email.notYou':
    'Não se registou? Ignore este e-mail: sem a ligação nada acontece, e o registo caduca.',

  'sign-up-attempted.subject': 'Alguém tentou registar-se com o seu e-mail',
  'sign-up-attempted.intro':
    'Alguém tentou registar-se no Vouch com este endereço, mas já tem uma conta, por isso nada mudou.',
  'sign-up-attempted.wasItYou': 'Foi você? Entre, ou reponha a palavra-passe se a esqueceu.',
  'sign-up-attempted.signIn': 'Entrar',
  'sign-up-attempted.reset': 'Repor a palavra-passe',
  'sign-up-attempted.notYou': 'Não foi você? Pode ignorar este e-mail: a sua conta continua como estava.',

  'reset-password.subject': 'Reponha a sua palavra-passe',
  'reset-password.intro':
    'Alguém, esperamos que tenha sido você, pediu para repor a sua palavra-passe do Vouch. Escolha uma nova:',
  'reset-password.choose': 'Escolher uma nova palavra-passe',
  'reset-password.signsOut': 'Ao mudar a palavra-passe, a sessão termina em todos os dispositivos.',
  'reset-password.notYou': 'Não pediu? Ignore este e-mail: a sua palavra-passe fica como está.',

  'password-changed.subject': 'A sua palavra-passe foi alterada',
  'password-changed.intro':
    'A sua palavra-passe do Vouch foi alterada a {changedAt, date, long} às {changedAt, time, zone}, e a sessão terminou em todos os dispositivos.',
  'password-changed.notYou': 'Não foi você? Reponha já a palavra-passe e avise o administrador do Vouch.',
  'password-changed.reset': 'Repor a palavra-passe',
};
