import { isVerified, orgChartRelationship } from './org-chart';

describe('the org chart behind a relationship', () => {
  const manager = { id: 'mia', managerId: 'ceo' };
  const ana = { id: 'ana', managerId: 'mia' };
  const ben = { id: 'ben', managerId: 'mia' };
  const outsider = { id: 'oli', managerId: 'other' };
  const founder = { id: 'ceo', managerId: null };
  const loner = { id: 'lou', managerId: null };

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

  it('verifies a stated relationship only when the org chart says the same', () => {
    expect(isVerified('supervisor', manager, ana)).toBe(true);
    expect(isVerified('coworker', manager, ana)).toBe(false);
    expect(isVerified('coworker', ana, outsider)).toBe(false);
  });
});
