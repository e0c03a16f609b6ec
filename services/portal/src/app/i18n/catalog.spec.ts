import { catalogProblems } from '@vouch/platform';
import { MESSAGE_AREAS, messagesIn } from './messages';

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

  it('in every language has each message, parsing, with the arguments and tags the English one has', () => {
    const catalogs = { en: messagesIn('en'), de: messagesIn('de'), pt: messagesIn('pt') };
    expect(catalogProblems(catalogs)).toEqual([]);
  });
});
