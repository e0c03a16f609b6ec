import { defineMessages } from '../catalog';

/** The balance page: whose word a profile carries, and whom to ask next. */
export const balance = defineMessages({
  en: {
    'balance.title': 'Your balance',
    'balance.bar.supervisor': 'From managers',
    'balance.bar.coworker': 'From co-workers',
    'balance.bar.subordinate': 'From reports',
    'balance.missing.supervisor': 'from managers',
    'balance.missing.coworker': 'from co-workers',
    'balance.missing.subordinate': 'from reports',
    'balance.chart.bar': '{label}: {count, number}',
    'balance.chart.title': 'Accepted recommendations. {summary}',
    'balance.picture.title': 'Whose word your profile carries',
    'balance.missing': 'Missing: {parts}.',
    'balance.ask.title': 'Whom to ask',
    'balance.ask.none': 'No one to suggest right now. <link>Connect with more colleagues</link>.',
    'balance.ask.button': 'Ask',
    'balance.ask.done': 'Asked',
    'balance.reason.supervisor':
      'your manager; {count, plural, =0 {no supervisor recommendation yet} one {only # supervisor recommendation} other {only # supervisor recommendations}}',
    'balance.reason.coworker':
      'shares your manager; {count, plural, =0 {no co-worker recommendation yet} one {only # co-worker recommendation} other {only # co-worker recommendations}}',
    'balance.reason.subordinate':
      'reports to you; {count, plural, =0 {no subordinate recommendation yet} one {only # subordinate recommendation} other {only # subordinate recommendations}}',
  },
  de: {
    'balance.title': 'Deine Balance',
    'balance.bar.supervisor': 'Von Vorgesetzten',
    'balance.bar.coworker': 'Aus dem Kollegium',
    'balance.bar.subordinate': 'Von deinem Team',
    'balance.missing.supervisor': 'von Vorgesetzten',
    'balance.missing.coworker': 'aus dem Kollegium',
    'balance.missing.subordinate': 'von deinem Team',
    'balance.chart.bar': '{label}: {count, number}',
    'balance.chart.title': 'Angenommene Empfehlungen. {summary}',
    'balance.picture.title': 'Wessen Wort dein Profil trägt',
    'balance.missing': 'Es fehlen Empfehlungen {parts}.',
    'balance.ask.title': 'Wen du fragen kannst',
    'balance.ask.none':
      'Gerade gibt es keine Vorschläge. <link>Verbinde dich mit mehr Kolleginnen und Kollegen</link>.',
    'balance.ask.button': 'Bitten',
    'balance.ask.done': 'Gefragt',
    'balance.reason.supervisor':
      'deine vorgesetzte Person; {count, plural, =0 {noch keine Empfehlung von Vorgesetzten} one {erst # Empfehlung von Vorgesetzten} other {erst # Empfehlungen von Vorgesetzten}}',
    'balance.reason.coworker':
      'hat dieselbe vorgesetzte Person; {count, plural, =0 {noch keine Empfehlung aus dem Kollegium} one {erst # Empfehlung aus dem Kollegium} other {erst # Empfehlungen aus dem Kollegium}}',
    'balance.reason.subordinate':
      'ist dir unterstellt; {count, plural, =0 {noch keine Empfehlung aus deinem Team} one {erst # Empfehlung aus deinem Team} other {erst # Empfehlungen aus deinem Team}}',
  },
  pt: {
    'balance.title': 'Seu equilíbrio',
    'balance.bar.supervisor': 'De gestores',
    'balance.bar.coworker': 'De colegas',
    'balance.bar.subordinate': 'De liderados',
    'balance.missing.supervisor': 'de gestores',
    'balance.missing.coworker': 'de colegas',
    'balance.missing.subordinate': 'de liderados',
    'balance.chart.bar': '{label}: {count, number}',
    'balance.chart.title': 'Recomendações aceitas. {summary}',
    'balance.picture.title': 'De quem é a palavra que seu perfil carrega',
    'balance.missing': 'Faltam recomendações {parts}.',
    'balance.ask.title': 'A quem pedir',
    'balance.ask.none': 'Ninguém para sugerir agora. <link>Conecte-se com mais colegas</link>.',
    'balance.ask.button': 'Pedir',
    'balance.ask.done': 'Pedido feito',
    'balance.reason.supervisor':
      'seu gestor; {count, plural, =0 {nenhuma recomendação de gestores ainda} one {só # recomendação de gestores} other {só # recomendações de gestores}}',
    'balance.reason.coworker':
      'tem a mesma liderança que você; {count, plural, =0 {nenhuma recomendação de colegas ainda} one {só # recomendação de colegas} other {só # recomendações de colegas}}',
    'balance.reason.subordinate':
      'se reporta a você; {count, plural, =0 {nenhuma recomendação de liderados ainda} one {só # recomendação de liderados} other {só # recomendações de liderados}}',
  },
});
