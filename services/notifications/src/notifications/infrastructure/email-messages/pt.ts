import type { NotificationMessage } from './en';

/** The notification emails in Portuguese. */
export const pt: Record<NotificationMessage, string> = {
  'relationship.supervisor': 'chefia',
  'relationship.coworker': 'colega',
  'relationship.subordinate': 'membro da equipa',

  'recommendation.show': 'Ver a recomendação',
  'recommendation.writeBack': 'Recomendar {name}',
  'request.write': 'Escrever a recomendação',

  'reciprocity-nudge.subject': '{name} escreveu uma recomendação sobre si',
  'reciprocity-nudge.thank': 'A forma mais simples de agradecer a {name} é retribuir com uma recomendação.',

  'recommendation-received.subject': '{name} escreveu uma recomendação sobre si',

  'favour-returned.subject': '{name} retribuiu o favor',
  'favour-returned.intro': '{name} retribuiu o favor e escreveu uma recomendação sobre si.',

  'recommendation-requested.subject': '{name} pede-lhe uma recomendação',
  'recommendation-requested.as': '{name} pede-lhe uma recomendação, como {relationship}.',
  'recommendation-requested.alreadyRecommended': '{name} já escreveu uma recomendação sobre si.',

  'connection-requested.subject': '{name} quer ligar-se a si',
  'connection-requested.intro': '{name} quer ligar-se a si.',
  'connection-requested.answer': 'Responder',

  'connection-accepted.subject': 'Agora tem ligação com {name}',
  'connection-accepted.giveFirst':
    'Que tal escrever uma recomendação a {name}? Dar primeiro é a forma mais segura de receber uma.',

  'recommendation-accepted.subject': '{name} aceitou a sua recomendação',
  'recommendation-accepted.onProfile': 'Já está no perfil.',
  'recommendation-accepted.show': 'Ver',

  'revision-requested.subject': '{name} pede-lhe que altere a sua recomendação',
  'revision-requested.intro': '{name} pede-lhe que altere a sua recomendação:',
  'revision-requested.revise': 'Rever a recomendação',

  'request-reminder.subject': '{name} ainda espera a sua recomendação',
  'request-reminder.intro':
    'Um pequeno lembrete: há algum tempo, {name} pediu-lhe uma recomendação, como {relationship}.',

  'invitation.subject': 'Tem um convite para o Vouch — configure o seu acesso',
  'invitation.heading': 'Tem um convite para o Vouch',
  'invitation.intro':
    'O Vouch é onde você e os seus colegas se recomendam uns aos outros. A sua empresa, {companyName}, criou-lhe uma conta: escolha uma palavra-passe para entrar com o seu e-mail de trabalho.',
  'invitation.setUp': 'Configurar o acesso',
  'invitation.expiry':
    'A ligação funciona uma vez, até {expiresAt, date, long} às {expiresAt, time, zone}. Depois de expirar, peça um novo convite ao administrador do Vouch.',
  'invitation.notExpected': 'Não estava à espera? Pode ignorar este e-mail.',

  'recommendation-taken-down.subject.toAuthor': 'A sua recomendação de {name} foi retirada',
  'recommendation-taken-down.subject.toSubject': 'A recomendação de {name} sobre si foi retirada',
  'recommendation-taken-down.why.toAuthor':
    'A equipa de RH retirou-a. Já não aparece em lado nenhum no Vouch. O motivo:',
  'recommendation-taken-down.why.toSubject':
    'A equipa de RH retirou-a. Já não aparece no seu perfil nem em mais lado nenhum no Vouch. O motivo:',
  'recommendation-taken-down.questions': 'Tem dúvidas? Fale com a equipa de RH.',
  'recommendation-taken-down.recommendations': 'As suas recomendações',

  'daily-digest.subject': 'O seu resumo do Vouch: {count, plural, one {# novidade} other {# novidades}}',
  'daily-digest.heading': 'O seu resumo do Vouch',
  'daily-digest.intro': 'O que aconteceu desde o seu último resumo:',
};
