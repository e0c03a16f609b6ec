import type { AccountEmailMessage } from './en';

/** The account emails in Portuguese. */
export const pt: Record<AccountEmailMessage, string> = {
  'validFor.hours': 'O link funciona uma vez, durante {hours, plural, one {# hora} other {# horas}}.',
  'validFor.minutes': 'O link funciona uma vez, durante {minutes, plural, one {# minuto} other {# minutos}}.',

  'confirm-email.subject': 'Confirme seu e-mail',
  'confirm-email.intro':
    'Alguém (esperamos que você) se cadastrou no Vouch com este endereço. Confirme que ele é seu para concluir o cadastro.',
  'confirm-email.confirm': 'Confirmar meu e-mail',
  'confirm-email.notYou':
    'Não se cadastrou? Ignore este e-mail: sem o link nada acontece, e o cadastro expira.',

  'sign-up-attempted.subject': 'Alguém tentou se cadastrar com seu e-mail',
  'sign-up-attempted.intro':
    'Alguém tentou se cadastrar no Vouch com este endereço, mas você já tem uma conta, então nada mudou.',
  'sign-up-attempted.wasItYou': 'Foi você? Entre, ou redefina a senha se tiver esquecido.',
  'sign-up-attempted.signIn': 'Entrar',
  'sign-up-attempted.reset': 'Redefinir a senha',
  'sign-up-attempted.notYou': 'Não foi você? Pode ignorar este e-mail: sua conta continua como estava.',

  'reset-password.subject': 'Redefina sua senha',
  'reset-password.intro':
    'Alguém (esperamos que você) pediu para redefinir sua senha do Vouch. Escolha uma nova:',
  'reset-password.choose': 'Escolher uma nova senha',
  'reset-password.signsOut': 'Ao trocar a senha, você sai de todas as sessões, em todos os dispositivos.',
  'reset-password.notYou': 'Não pediu? Ignore este e-mail: sua senha continua a mesma.',

  'password-changed.subject': 'Sua senha foi alterada',
  'password-changed.intro':
    'Sua senha do Vouch foi alterada em {changedAt, date, long} às {changedAt, time, zone}, e você saiu de todas as sessões, em todos os dispositivos.',
  'password-changed.notYou': 'Não foi você? Redefina a senha agora e avise o administrador do Vouch.',
  'password-changed.reset': 'Redefinir a senha',
};
