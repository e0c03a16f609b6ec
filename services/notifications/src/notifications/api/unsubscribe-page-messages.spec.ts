import { catalogProblems } from '@vouch/platform';
import { UNSUBSCRIBE_PAGE_CATALOGS } from './unsubscribe-page-messages';

describe('the unsubscribe page’s words', () => {
  it('are in every language, each parsing, with the arguments of the English ones', () => {
    expect(catalogProblems(UNSUBSCRIBE_PAGE_CATALOGS)).toEqual([]);
  });
});
