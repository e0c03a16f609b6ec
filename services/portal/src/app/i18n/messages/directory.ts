import { defineMessages } from '../catalog';

/** The people directory: searching colleagues. */
export const directory = defineMessages({
  en: {
    'directory.title': 'People',
    'directory.search.label': 'Search by name, email or job title',
    'directory.search.button': 'Search',
    'directory.none': 'Nobody matches “{query}”.',
    'directory.count': '{count, plural, one {# colleague} other {# colleagues}}',
  },
  de: {
    'directory.title': 'Personen',
    'directory.search.label': 'Nach Name, E-Mail oder Stellenbezeichnung suchen',
    'directory.search.button': 'Suchen',
    'directory.none': 'Niemand passt zu „{query}“.',
    'directory.count': '{count, plural, one {# Person} other {# Personen}}',
  },
  pt: {
    'directory.title': 'Pessoas',
    'directory.search.label': 'Buscar por nome, e-mail ou cargo',
    'directory.search.button': 'Buscar',
    'directory.none': 'Ninguém corresponde a “{query}”.',
    'directory.count': '{count, plural, one {# colega} other {# colegas}}',
  },
});
