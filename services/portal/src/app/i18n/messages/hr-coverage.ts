import { defineMessages } from '../catalog';

/** HR's coverage page: teams through the org chart, its two charts and the CSV download. */
export const hrCoverage = defineMessages({
  en: {
    'hr.coverage.title': 'Coverage',
    'hr.coverage.intro':
      'A team is a manager and everyone below them. Counts are accepted recommendations its members received.',
    'hr.coverage.downloadCsv': 'Download CSV',
    'hr.coverage.previousPage': 'Previous page',
    'hr.coverage.nextPage': 'Next page',
    'hr.coverage.pageOf': 'Page {page, number} of {pages, number}',
    'hr.coverage.caption.top': 'Teams at the top of the org chart, each with everyone below its manager',
    'hr.coverage.caption.below': 'Teams one level down, each with everyone below its manager',
    'hr.coverage.column.team': 'Team of',
    'hr.coverage.column.members': 'Members',
    'hr.coverage.noRecommendationYet': 'No recommendation yet',
    'hr.coverage.upOneLevel': 'Up one level',
    'hr.coverage.upToCompany': 'Up to the whole company',
    'hr.coverage.scopeHeading': 'Team of {name}, everyone below them',
    'hr.coverage.teams': 'Teams',
    'hr.coverage.teamsBelow': 'Teams one level down',
    'hr.coverage.noTeamBelow': 'No team below this one.',
    'hr.coverage.teamPages': 'Pages of teams',
    'hr.coverage.spread': 'Recommendations per person',
    'hr.coverage.everyoneCovered': 'Everyone here has an accepted recommendation.',
    'hr.coverage.uncoveredCount':
      '{count, plural, one {# person has} other {# people have}} no accepted recommendation.',
    'hr.coverage.uncoveredPages': 'Pages of people without a recommendation',
    'hr.chart.kind.supervisor': 'From managers',
    'hr.chart.kind.coworker': 'From co-workers',
    'hr.chart.kind.subordinate': 'From reports',
    'hr.chart.teamMix.title': 'Recommendations received per team, by kind. {summary}',
    'hr.chart.teamMix.team':
      '{name}: {supervisor, number} from managers, {coworker, number} from co-workers, {subordinate, number} from reports',
    'hr.chart.spread.title': 'People by how many accepted recommendations they have. {summary}',
    'hr.chart.spread.bucket':
      '{recommendations, plural, one {# recommendation} other {# recommendations}}: {people, plural, one {# person} other {# people}}',
    'hr.chart.spread.bucketOrMore':
      '{recommendations, number} or more recommendations: {people, plural, one {# person} other {# people}}',
    'hr.chart.spread.axisValueOrMore': '{recommendations, number}+',
    'hr.chart.spread.axis': 'accepted recommendations',
  },
  de: {
    'hr.coverage.title': 'Abdeckung',
    'hr.coverage.intro':
      'Ein Team ist eine vorgesetzte Person und alle unter ihr. Gezählt werden angenommene Empfehlungen, die seine Mitglieder erhalten haben.',
    'hr.coverage.downloadCsv': 'CSV herunterladen',
    'hr.coverage.previousPage': 'Vorherige Seite',
    'hr.coverage.nextPage': 'Nächste Seite',
    'hr.coverage.pageOf': 'Seite {page, number} von {pages, number}',
    'hr.coverage.caption.top':
      'Teams an der Spitze des Organigramms, jedes mit allen unter seiner vorgesetzten Person',
    'hr.coverage.caption.below': 'Teams eine Ebene tiefer, jedes mit allen unter seiner vorgesetzten Person',
    'hr.coverage.column.team': 'Team von',
    'hr.coverage.column.members': 'Mitglieder',
    'hr.coverage.noRecommendationYet': 'Noch keine Empfehlung',
    'hr.coverage.upOneLevel': 'Eine Ebene höher',
    'hr.coverage.upToCompany': 'Hoch zum ganzen Unternehmen',
    'hr.coverage.scopeHeading': 'Team von {name}, alle darunter',
    'hr.coverage.teams': 'Teams',
    'hr.coverage.teamsBelow': 'Teams eine Ebene tiefer',
    'hr.coverage.noTeamBelow': 'Unter diesem Team gibt es kein weiteres.',
    'hr.coverage.teamPages': 'Seiten der Teams',
    'hr.coverage.spread': 'Empfehlungen pro Person',
    'hr.coverage.everyoneCovered': 'Alle hier haben eine angenommene Empfehlung.',
    'hr.coverage.uncoveredCount':
      '{count, plural, one {# Person hat} other {# Personen haben}} keine angenommene Empfehlung.',
    'hr.coverage.uncoveredPages': 'Seiten der Personen ohne Empfehlung',
    'hr.chart.kind.supervisor': 'Von Vorgesetzten',
    'hr.chart.kind.coworker': 'Aus dem Kollegium',
    'hr.chart.kind.subordinate': 'Von Unterstellten',
    'hr.chart.teamMix.title': 'Erhaltene Empfehlungen pro Team, nach Art. {summary}',
    'hr.chart.teamMix.team':
      '{name}: {supervisor, number} von Vorgesetzten, {coworker, number} aus dem Kollegium, {subordinate, number} von Unterstellten',
    'hr.chart.spread.title': 'Personen nach Anzahl ihrer angenommenen Empfehlungen. {summary}',
    'hr.chart.spread.bucket':
      '{recommendations, plural, one {# Empfehlung} other {# Empfehlungen}}: {people, plural, one {# Person} other {# Personen}}',
    'hr.chart.spread.bucketOrMore':
      '{recommendations, number} oder mehr Empfehlungen: {people, plural, one {# Person} other {# Personen}}',
    'hr.chart.spread.axisValueOrMore': '{recommendations, number}+',
    'hr.chart.spread.axis': 'angenommene Empfehlungen',
  },
  pt: {
    'hr.coverage.title': 'Cobertura',
    'hr.coverage.intro':
      'Uma equipe é um gestor e todos abaixo dele. As contagens são recomendações aceitas que os membros receberam.',
    'hr.coverage.downloadCsv': 'Baixar CSV',
    'hr.coverage.previousPage': 'Página anterior',
    'hr.coverage.nextPage': 'Próxima página',
    'hr.coverage.pageOf': 'Página {page, number} de {pages, number}',
    'hr.coverage.caption.top': 'Equipes no topo do organograma, cada uma com todos abaixo do seu gestor',
    'hr.coverage.caption.below': 'Equipes um nível abaixo, cada uma com todos abaixo do seu gestor',
    'hr.coverage.column.team': 'Equipe de',
    'hr.coverage.column.members': 'Membros',
    'hr.coverage.noRecommendationYet': 'Ainda sem recomendação',
    'hr.coverage.upOneLevel': 'Subir um nível',
    'hr.coverage.upToCompany': 'Subir até a empresa toda',
    'hr.coverage.scopeHeading': 'Equipe de {name}, todos abaixo',
    'hr.coverage.teams': 'Equipes',
    'hr.coverage.teamsBelow': 'Equipes um nível abaixo',
    'hr.coverage.noTeamBelow': 'Não há equipe abaixo desta.',
    'hr.coverage.teamPages': 'Páginas de equipes',
    'hr.coverage.spread': 'Recomendações por pessoa',
    'hr.coverage.everyoneCovered': 'Todos aqui têm uma recomendação aceita.',
    'hr.coverage.uncoveredCount':
      '{count, plural, one {# pessoa não tem} other {# pessoas não têm}} recomendação aceita.',
    'hr.coverage.uncoveredPages': 'Páginas de pessoas sem recomendação',
    'hr.chart.kind.supervisor': 'De gestores',
    'hr.chart.kind.coworker': 'De colegas',
    'hr.chart.kind.subordinate': 'De subordinados',
    'hr.chart.teamMix.title': 'Recomendações recebidas por equipe, por tipo. {summary}',
    'hr.chart.teamMix.team':
      '{name}: {supervisor, number} de gestores, {coworker, number} de colegas, {subordinate, number} de subordinados',
    'hr.chart.spread.title': 'Pessoas por quantas recomendações aceitas elas têm. {summary}',
    // Portuguese counts zero as singular (CLDR): "0 pessoas" reads better.
    'hr.chart.spread.bucket':
      '{recommendations, plural, =0 {# recomendações} one {# recomendação} other {# recomendações}}: {people, plural, =0 {# pessoas} one {# pessoa} other {# pessoas}}',
    'hr.chart.spread.bucketOrMore':
      '{recommendations, number} ou mais recomendações: {people, plural, =0 {# pessoas} one {# pessoa} other {# pessoas}}',
    'hr.chart.spread.axisValueOrMore': '{recommendations, number}+',
    'hr.chart.spread.axis': 'recomendações aceitas',
  },
});
