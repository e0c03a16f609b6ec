import type { EmailLanguage } from '../i18n/email-languages';
import { MessageCatalogs, type MessageCatalog } from '../i18n/message-catalog';

/** What every Vouch email says around its own words: the greeting and the footer. */
export type EmailKitMessage = 'greeting' | 'footer.note' | 'footer.preferences' | 'footer.unsubscribe';

export const EMAIL_KIT_CATALOGS: Record<EmailLanguage, MessageCatalog<EmailKitMessage>> = {
  en: {
    greeting: 'Hi {name},',
    'footer.note': '{companyName} · recommendations from your colleagues',
    'footer.preferences': 'Email preferences',
    'footer.unsubscribe': 'Unsubscribe from these emails',
  },
  de: {
    greeting: 'Hallo {name},',
    'footer.note': '{companyName} · Empfehlungen von deinen Kolleginnen und Kollegen',
    'footer.preferences': 'E-Mail-Einstellungen',
    'footer.unsubscribe': 'Diese E-Mails abbestellen',
  },
  pt: {
    greeting: 'Olá {name},',
    'footer.note': '{companyName} · recomendações dos seus colegas',
    'footer.preferences': 'Preferências de e-mail',
    'footer.unsubscribe': 'Cancelar a inscrição nestes e-mails',
  },
};

export const emailKitMessages = new MessageCatalogs(EMAIL_KIT_CATALOGS);
