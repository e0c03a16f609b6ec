import { MessageCatalogs } from '@vouch/platform';
import type { UnsubscribeScope } from '../domain/email-category';

type CategoryMessage = `category.${UnsubscribeScope}`;

/** The unsubscribe page in English: what the other languages have the same keys and arguments as. */
const en = {
  title: 'Vouch emails',
  'ask.heading': 'Unsubscribe?',
  'ask.text': 'Stop emails about {category}.',
  'ask.button': 'Unsubscribe',
  'done.heading': 'You are unsubscribed',
  'done.text': 'You will get no more emails about {category}.',
  'category.reciprocity': 'someone recommending you',
  'category.recommendation_requests': 'requests for recommendations',
  'category.recommendation_updates': 'news of your recommendations',
  'category.connection_requests': 'connection requests',
  'category.connection_updates': 'accepted connections',
  'category.reminders': 'reminders of pending requests',
  'category.all': 'anything from Vouch',
} satisfies Record<string, string> & Record<CategoryMessage, string>;

export type UnsubscribePageMessage = keyof typeof en;

const de: Record<UnsubscribePageMessage, string> = {
  title: 'E-Mails von Vouch',
  'ask.heading': 'Abbestellen?',
  'ask.text': 'Keine E-Mails mehr zu: {category}.',
  'ask.button': 'Abbestellen',
  'done.heading': 'Du hast abbestellt',
  'done.text': 'Du bekommst keine E-Mails mehr zu: {category}.',
  'category.reciprocity': 'Empfehlungen, die jemand für dich schreibt',
  'category.recommendation_requests': 'Bitten um Empfehlungen',
  'category.recommendation_updates': 'Neuigkeiten zu deinen Empfehlungen',
  'category.connection_requests': 'Vernetzungsanfragen',
  'category.connection_updates': 'angenommene Vernetzungen',
  'category.reminders': 'Erinnerungen an offene Bitten',
  'category.all': 'allem von Vouch',
};

const pt: Record<UnsubscribePageMessage, string> = {
  title: 'E-mails do Vouch',
  'ask.heading': 'Cancelar a inscrição?',
  'ask.text': 'Parar de receber e-mails sobre {category}.',
  'ask.button': 'Cancelar a inscrição',
  'done.heading': 'Sua inscrição foi cancelada',
  'done.text': 'Você não vai receber mais e-mails sobre {category}.',
  'category.reciprocity': 'recomendações que escrevem para você',
  'category.recommendation_requests': 'pedidos de recomendação',
  'category.recommendation_updates': 'novidades das suas recomendações',
  'category.connection_requests': 'pedidos de conexão',
  'category.connection_updates': 'conexões aceitas',
  'category.reminders': 'lembretes de pedidos pendentes',
  'category.all': 'tudo o que vem do Vouch',
};

export const UNSUBSCRIBE_PAGE_CATALOGS = { en, de, pt };

export const unsubscribePageMessages = new MessageCatalogs<UnsubscribePageMessage>(UNSUBSCRIBE_PAGE_CATALOGS);
