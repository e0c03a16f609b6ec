import { IntlMessageFormat } from 'intl-messageformat';
import type { EmailLanguage } from '@vouch/platform/languages';
import { messagesIn, type MessageId } from '../messages';

const format = (language: EmailLanguage, id: MessageId, values: Record<string, string | number>) =>
  new IntlMessageFormat(messagesIn(language)[id], language).format(values);

describe('the recommendation text counter, in words', () => {
  it.each([
    ['en', 7, '13 / 3000 · 7 characters more to go'],
    ['en', 1, '19 / 3000 · 1 character more to go'],
    ['de', 7, '13 / 3000 · noch 7 Zeichen'],
    ['pt', 1, '19 / 3000 · falta 1 caractere'],
    ['pt', 7, '13 / 3000 · faltam 7 caracteres'],
  ] as const)('in %s, says how many characters are missing (%i)', (language, missing, expected) => {
    const count = String(20 - missing);
    expect(format(language, 'writeRecommendation.counter.tooShort', { count, max: '3000', missing })).toBe(
      expected,
    );
  });

  it.each([
    ['en', 2, '3002 / 3000 · 2 characters too many'],
    ['en', 1, '3001 / 3000 · 1 character too many'],
    ['de', 2, '3002 / 3000 · 2 Zeichen zu viel'],
    ['pt', 2, '3002 / 3000 · 2 caracteres a mais'],
  ] as const)('in %s, says how many characters are too many (%i)', (language, excess, expected) => {
    const count = String(3000 + excess);
    expect(format(language, 'writeRecommendation.counter.tooLong', { count, max: '3000', excess })).toBe(
      expected,
    );
  });
});

describe('the mutual badge', () => {
  it.each([
    ['en', 'Ana and Ben recommended each other'],
    ['de', 'Ana und Ben haben einander empfohlen'],
    ['pt', 'Ana e Ben se recomendaram'],
  ] as const)('in %s, names both on a profile', (language, expected) => {
    expect(format(language, 'recommendation.mutual.named', { author: 'Ana', subject: 'Ben' })).toBe(expected);
  });
});
