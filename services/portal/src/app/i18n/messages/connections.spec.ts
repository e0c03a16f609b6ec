import { IntlMessageFormat } from 'intl-messageformat';
import type { EmailLanguage } from '@vouch/platform/languages';
import { messagesIn } from '../messages';

const countOfConnections = (language: EmailLanguage, count: number) =>
  new IntlMessageFormat(messagesIn(language)['connections.mine.count'], language).format({ count });

describe('the count of my connections', () => {
  it.each([
    ['en', 1, '1 connection'],
    ['en', 2, '2 connections'],
    ['de', 1, '1 Kontakt'],
    ['de', 2, '2 Kontakte'],
    ['de', 1200, '1.200 Kontakte'],
    ['pt', 1, '1 conexão'],
    ['pt', 2, '2 conexões'],
    ['pt', 1200, '1.200 conexões'],
  ] as const)('in %s, of %i, reads "%s"', (language, count, expected) => {
    expect(countOfConnections(language, count)).toBe(expected);
  });
});
