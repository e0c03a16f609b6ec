import { computeBalance } from './balance';

describe('the balance of a profile', () => {
  // Mia manages Ana and Ben; Ana manages Cy and Dee.
  const ana = { id: 'ana', managerId: 'mia' };
  const mia = { id: 'mia', managerId: null };
  const ben = { id: 'ben', managerId: 'mia' };
  const cy = { id: 'cy', managerId: 'ana' };
  const dee = { id: 'dee', managerId: 'ana' };
  const outsider = { id: 'oli', managerId: 'someone' };
  const none = new Set<string>();

  it('suggests the manager, the reports and a peer when nothing is accepted yet, missing ones with a reason', () => {
    const balance = computeBalance({
      me: ana,
      counts: { supervisor: 0, coworker: 0, subordinate: 0 },
      connections: [dee, outsider, ben, mia, cy],
      askedIds: none,
      recommenderIds: none,
    });

    expect(balance.missing).toEqual(['supervisor', 'coworker', 'subordinate']);
    expect(balance.suggestions).toEqual([
      {
        employeeId: 'mia',
        relationship: 'supervisor',
        reason: 'your manager; no supervisor recommendation yet',
      },
      {
        employeeId: 'ben',
        relationship: 'coworker',
        reason: 'shares your manager; no co-worker recommendation yet',
      },
      {
        employeeId: 'cy',
        relationship: 'subordinate',
        reason: 'reports to you; no subordinate recommendation yet',
      },
      {
        employeeId: 'dee',
        relationship: 'subordinate',
        reason: 'reports to you; no subordinate recommendation yet',
      },
    ]);
  });

  it('calls a relationship thin when it has fewer than half as many as the best-covered one, and suggests for it after the missing ones', () => {
    const balance = computeBalance({
      me: ana,
      counts: { supervisor: 0, coworker: 4, subordinate: 1 },
      connections: [mia, ben, cy],
      askedIds: none,
      recommenderIds: none,
    });

    expect(balance.missing).toEqual(['supervisor']);
    expect(balance.thin).toEqual(['subordinate']);
    expect(balance.suggestions.map((suggestion) => [suggestion.employeeId, suggestion.reason])).toEqual([
      ['mia', 'your manager; no supervisor recommendation yet'],
      ['cy', 'reports to you; only 1 subordinate recommendation'],
    ]);
  });

  it('leaves out whom I already asked and who already recommended me', () => {
    const balance = computeBalance({
      me: ana,
      counts: { supervisor: 0, coworker: 0, subordinate: 0 },
      connections: [mia, ben, cy, dee],
      askedIds: new Set(['mia']),
      recommenderIds: new Set(['cy', 'ben']),
    });

    expect(balance.suggestions.map((suggestion) => suggestion.employeeId)).toEqual(['dee']);
  });

  it('suggests no one when the three are in balance', () => {
    const balance = computeBalance({
      me: ana,
      counts: { supervisor: 1, coworker: 2, subordinate: 2 },
      connections: [mia, ben, cy, dee],
      askedIds: none,
      recommenderIds: none,
    });

    expect(balance).toMatchObject({ missing: [], thin: [], suggestions: [] });
  });
});
