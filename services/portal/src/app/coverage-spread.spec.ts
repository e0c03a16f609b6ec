import { IntlMessageFormat } from 'intl-messageformat';
import { bucketMessage, countOf } from './coverage-spread';
import type { EmailLanguage } from '@vouch/platform/languages';
import { messagesIn } from './i18n/messages';

function say(language: EmailLanguage, bucket: Parameters<typeof bucketMessage>[0]): string {
  const { id, values } = bucketMessage(bucket);
  return String(new IntlMessageFormat(messagesIn(language)[id], language).format(values));
}

describe('a bucket of the recommendation spread', () => {
  it('reads "5+" as five or more, and the others as their number', () => {
    expect(countOf({ recommendations: '5+', people: 3 })).toEqual({ recommendations: 5, orMore: true });
    expect(countOf({ recommendations: '0', people: 3 })).toEqual({ recommendations: 0, orMore: false });
  });

  it('says one recommendation and one person in the singular, other counts in the plural', () => {
    expect(say('en', { recommendations: '1', people: 1 })).toBe('1 recommendation: 1 person');
    expect(say('en', { recommendations: '0', people: 2 })).toBe('0 recommendations: 2 people');
    expect(say('en', { recommendations: '5+', people: 1 })).toBe('5 or more recommendations: 1 person');
    expect(say('de', { recommendations: '1', people: 3 })).toBe('1 Empfehlung: 3 Personen');
  });

  it('says zero in the plural in Portuguese, which counts it as singular by default', () => {
    expect(say('pt', { recommendations: '0', people: 0 })).toBe('0 recomendações: 0 pessoas');
    expect(say('pt', { recommendations: '1', people: 1 })).toBe('1 recomendação: 1 pessoa');
  });
});
