import { pickLanguage } from './languages';

describe('the language a reader gets', () => {
  it.each([
    [['pt-BR'], 'pt'],
    [['de-AT', 'en'], 'de'],
    [['fr', 'de'], 'de'],
    [['en-GB'], 'en'],
  ])('%j reads %s', (requested, expected) => {
    expect(pickLanguage(requested, 'en')).toBe(expected);
  });

  it("falls back to the company's language when none is supported, missing or malformed", () => {
    expect(pickLanguage(['fr', 'ja'], 'pt')).toBe('pt');
    expect(pickLanguage([null, undefined, ''], 'de')).toBe('de');
    expect(pickLanguage(['not a tag!'], 'de')).toBe('de');
  });
});
