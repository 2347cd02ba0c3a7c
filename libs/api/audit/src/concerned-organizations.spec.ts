import { concernedOrganizations } from './concerned-organizations';

describe('concernedOrganizations', () => {
  it('is the one organization of what belongs to one', () => {
    expect(concernedOrganizations({ organizationId: 4 })).toEqual([4]);
  });

  it('is none for what belongs to the platform, or to a user without memberships', () => {
    expect(concernedOrganizations({ organizationId: null })).toEqual([]);
    expect(concernedOrganizations({ organizationIds: [] })).toEqual([]);
  });

  it('is every organization of what concerns several, each once, in order', () => {
    expect(concernedOrganizations({ organizationIds: [7, 2, 7, 5, 2] })).toEqual([2, 5, 7]);
  });
});
