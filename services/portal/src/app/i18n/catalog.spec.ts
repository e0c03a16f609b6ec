import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { SUPPORTED_EMAIL_LANGUAGES } from '@vouch/platform/languages';
import { MESSAGE_AREAS, messagesIn } from './messages';

/** The arguments and tags a message uses, which every translation must use too. */
function placeholdersOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(`${element.type}:${element.value}`);
    if (element.type === TYPE.tag) placeholdersOf(element.children, found);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) placeholdersOf(option.value, found);
  }
  return found;
}

describe("the portal's messages", () => {
  it('no two areas define the same message', () => {
    const seen = new Map<string, number>();
    MESSAGE_AREAS.forEach((area, index) => {
      for (const id of Object.keys(area.en)) {
        expect(`${id} in area ${seen.get(id) ?? index}`).toBe(`${id} in area ${index}`);
        seen.set(id, index);
      }
    });
  });

  it.each(SUPPORTED_EMAIL_LANGUAGES.filter((language) => language !== 'en'))(
    'in %s, each message parses and uses the arguments and tags the English one does',
    (language) => {
      const english = messagesIn('en');
      const translated = messagesIn(language);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [id, message] of Object.entries(translated)) {
        expect(() => new IntlMessageFormat(message, language)).not.toThrow();
        expect([id, [...placeholdersOf(parse(message))].sort()]).toEqual([
          id,
          [...placeholdersOf(parse(english[id as keyof typeof english]))].sort(),
        ]);
      }
    },
  );
});
