import type { NotificationMessage } from './en';

/** The notification emails in Portuguese. */
export const pt: Record<NotificationMessage, string> = {
  'relationship.supervisor': 'gestor',
  'relationship.coworker': 'colega',
  'relationship.subordinate': 'membro da equipe',

  'recommendation.show': 'Ver a recomendação',
  'recommendation.writeBack': 'Recomendar {name}',
  'request.write': 'Escrever a recomendação',

  'reciprocity-nudge.subject': '{name} escreveu uma recomendação para você',
  'reciprocity-nudge.thank': 'O jeito mais simples de agradecer a {name} é retribuir com uma recomendação.',

  'recommendation-received.subject': '{name} escreveu uma recomendação para você',

  'favour-returned.subject': '{name} retribuiu o favor',
  'favour-returned.intro': '{name} retribuiu o favor e escreveu uma recomendação para você.',

  'recommendation-requested.subject': '{name} pede uma recomendação a você',
  'recommendation-requested.as': '{name} pede uma recomendação a você, como {relationship}.',
  'recommendation-requested.alreadyRecommended': '{name} já escreveu uma recomendação para você.',

  'connection-requested.subject': '{name} quer se conectar com você',
  'connection-requested.intro': '{name} quer se conectar com você.',
  'connection-requested.answer': 'Responder',

  'connection-accepted.subject': 'Agora você está conectado a {name}',
  'connection-accepted.giveFirst':
    'Que tal escrever uma recomendação para {name}? Dar primeiro é o caminho mais seguro para receber uma.',

  'recommendation-accepted.subject': '{name} aceitou sua recomendação',
  'recommendation-accepted.onProfile': 'Ela já está no perfil.',
  'recommendation-accepted.show': 'Ver',

  'revision-requested.subject': '{name} pede que você altere sua recomendação',
  'revision-requested.intro': '{name} pede que você altere sua recomendação:',
  'revision-requested.revise': 'Revisar a recomendação',

  'request-reminder.subject': '{name} ainda está esperando sua recomendação',
  'request-reminder.intro':
    'Um pequeno lembrete: há algum tempo, {name} pediu uma recomendação a você, como {relationship}.',

  'invitation.subject': 'Você tem um convite para o Vouch — configure seu acesso',
  'invitation.heading': 'Você tem um convite para o Vouch',
  'invitation.intro':
    'O Vouch é onde você e seus colegas se recomendam uns aos outros. Sua empresa, {companyName}, criou uma conta para você: escolha uma senha para entrar com seu e-mail corporativo.',
  'invitation.setUp': 'Configurar o acesso',
  'invitation.expiry':
    'O link funciona uma vez, até {expiresAt, date, long} às {expiresAt, time, zone}. Depois que ele expirar, peça um novo convite ao administrador do Vouch.',
  'invitation.notExpected': 'Não esperava este convite? Você pode ignorar este e-mail.',

  'recommendation-taken-down.subject.toAuthor': 'Sua recomendação para {name} foi retirada',
  'recommendation-taken-down.subject.toSubject': 'A recomendação que {name} escreveu para você foi retirada',
  'recommendation-taken-down.why.toAuthor':
    'O RH retirou a recomendação. Ela não aparece mais em nenhum lugar do Vouch. O motivo:',
  'recommendation-taken-down.why.toSubject':
    'O RH retirou a recomendação. Ela não aparece mais no seu perfil nem em nenhum outro lugar do Vouch. O motivo:',
  'recommendation-taken-down.questions': 'Tem dúvidas? Fale com o RH.',
  'recommendation-taken-down.recommendations': 'Suas recomendações',

  'daily-digest.subject': 'Seu resumo do Vouch: {count, plural, one {# novidade} other {# novidades}}',
  'daily-digest.heading': 'Seu resumo do Vouch',
  'daily-digest.intro': 'O que aconteceu desde o seu último resumo:',
};
