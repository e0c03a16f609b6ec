import { relationshipInOrgChart } from './org-chart';

const ana = { id: 'ana', managerId: null };
const ben = { id: 'ben', managerId: 'ana' };
const eva = { id: 'eva', managerId: 'ana' };

describe('the relationship the org chart knows', () => {
  it("names a person's manager as their supervisor", () => {
    expect(relationshipInOrgChart(ana, ben)).toBe('supervisor');
  });

  it('names someone who reports to a person as their subordinate', () => {
    expect(relationshipInOrgChart(ben, ana)).toBe('subordinate');
  });

  it('knows nothing of two people under the same manager, nor of strangers', () => {
    expect(relationshipInOrgChart(ben, eva)).toBeUndefined();
    expect(relationshipInOrgChart({ id: 'rui', managerId: null }, ana)).toBeUndefined();
  });
});
