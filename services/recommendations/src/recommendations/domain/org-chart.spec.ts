import type { ManagerSource } from '@vouch/contracts';
import { orgChartRelationship, verificationOf, type SourcedOrgChartEntry } from './org-chart';

function entry(
  id: string,
  managerId: string | null,
  managerSource: ManagerSource | null = 'scim',
): SourcedOrgChartEntry {
  return { id, managerId, managerSource: managerId === null ? null : managerSource };
}

describe('the org chart behind a relationship', () => {
  const manager = entry('mia', 'ceo');
  const ana = entry('ana', 'mia');
  const ben = entry('ben', 'mia', 'csv');
  const outsider = entry('oli', 'other');
  const founder = entry('ceo', null);
  const loner = entry('lou', null);

  it('sees a manager as supervisor of their reports, and the reports as their subordinates', () => {
    expect(orgChartRelationship(manager, ana)).toBe('supervisor');
    expect(orgChartRelationship(ana, manager)).toBe('subordinate');
  });

  it('sees people with the same manager as co-workers', () => {
    expect(orgChartRelationship(ana, ben)).toBe('coworker');
  });

  it('sees nothing between people in other branches, or between two people without a manager', () => {
    expect(orgChartRelationship(ana, outsider)).toBeNull();
    expect(orgChartRelationship(founder, loner)).toBeNull();
    expect(orgChartRelationship(ana, ana)).toBeNull();
  });

  it('verifies a stated relationship only when the org chart says the same, naming who set the link', () => {
    expect(verificationOf('supervisor', manager, ana)).toEqual(['scim']);
    expect(verificationOf('subordinate', ben, manager)).toEqual(['csv']);
    expect(verificationOf('coworker', manager, ana)).toEqual([]);
    expect(verificationOf('coworker', ana, outsider)).toEqual([]);
  });

  it('names both sources of two co-workers whose links came from different places', () => {
    expect(verificationOf('coworker', ben, ana)).toEqual(['csv', 'scim']);
    expect(verificationOf('coworker', ana, entry('cai', 'mia'))).toEqual(['scim']);
  });

  it('verifies nothing on a link self-declared at sign-up, or of unknown source', () => {
    const declared = entry('dee', 'mia', null);
    expect(verificationOf('supervisor', manager, declared)).toEqual([]);
    expect(verificationOf('coworker', declared, ana)).toEqual([]);
  });
});
