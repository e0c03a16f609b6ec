import { pickLanguage, pickLanguageFromHeader, pickLanguageOf } from './email-languages';
import { catalogProblems, messageArguments } from './message-catalog';

describe('pickLanguage', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['de-AT', 'de'],
    ['de', 'de'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
  ])('writes to someone who reads %s in %s', (preferred, picked) => {
    expect(pickLanguage(preferred, 'de')).toBe(picked);
  });

  it.each([null, undefined, '', 'fr-FR', 'ja', 'not a language!'])(
    'falls back to the company default for %p',
    (preferred) => {
      expect(pickLanguage(preferred, 'pt')).toBe('pt');
    },
  );
});

describe('pickLanguageOf', () => {
  it.each([
    [['fr', 'de'], 'de'],
    [['de-AT', 'en'], 'de'],
    [[null, 'pt-BR'], 'pt'],
  ])('gives a reader of %j the first language of theirs Vouch speaks: %s', (preferred, picked) => {
    expect(pickLanguageOf(preferred, 'en')).toBe(picked);
  });

  it.each([[[]], [['fr', 'ja']], [[null, undefined, '', 'not a tag!']]])(
    "falls back to the company's language for %j",
    (preferred) => {
      expect(pickLanguageOf(preferred, 'pt')).toBe('pt');
    },
  );
});

describe('pickLanguageFromHeader', () => {
  it.each([
    ['de-AT,de;q=0.9,en;q=0.5', 'de'],
    ['fr, pt-BR;q=0.8, en;q=0.5', 'pt'],
    ['en;q=0.2, de;q=0.8', 'de'],
    ['pt-PT', 'pt'],
  ])('shows a browser that accepts %s the page in %s', (header, picked) => {
    expect(pickLanguageFromHeader(header, 'en')).toBe(picked);
  });

  it.each([undefined, '', '*', 'fr-FR, ja;q=0.5', 'de;q=0, !!'])(
    'falls back to the company default for %p',
    (header) => {
      expect(pickLanguageFromHeader(header, 'pt')).toBe('pt');
    },
  );
});

describe('catalogProblems', () => {
  it('finds nothing wrong with catalogs alike', () => {
    expect(
      catalogProblems({
        en: { a: 'Hi {name}', b: '{count, plural, one {# update} other {# updates}}' },
        de: { a: 'Hallo {name}', b: '{count, plural, one {# Neuigkeit} other {# Neuigkeiten}}' },
        pt: { a: 'Olá {name}', b: '{count, plural, one {# novidade} other {# novidades}}' },
      }),
    ).toEqual([]);
  });

  it('names missing and extra keys, unparsable messages and other arguments', () => {
    expect(
      catalogProblems({
        en: { a: 'Hi {name}', b: 'Until {at, date, long}' },
        de: { a: 'Hallo {nome}', c: 'extra' },
        pt: { a: 'Olá {name', b: 'Até {at}' },
      }),
    ).toEqual([
      'de: b is missing',
      'de: a uses {nome:text}, English {name:text}',
      'de: c is not in the English catalog',
      expect.stringMatching(/^pt: a does not parse/),
      'pt: b uses {at:text}, English {at:date}',
    ]);
  });

  it('reads the arguments inside plurals', () => {
    expect(messageArguments('{count, plural, one {{name} once} other {{name} # times}}', 'en')).toEqual([
      'count:plural',
      'name:text',
    ]);
  });
});
