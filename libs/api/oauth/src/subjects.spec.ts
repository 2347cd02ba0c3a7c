import { subjectClaim, subjectIdFromClaim } from './subjects';

const backOffice = { frontend: false };
const storefront = { frontend: true };

describe('sub', () => {
  it('names the kind of subject with its id, so equal ids of two kinds never share a sub', () => {
    expect(subjectClaim(backOffice, 7)).toBe('user:7');
    expect(subjectClaim(storefront, 7)).toBe('customer:7');
  });

  it('reads back the id of its own side', () => {
    expect(subjectIdFromClaim(backOffice, 'user:7')).toBe(7);
    expect(subjectIdFromClaim(storefront, 'customer:7')).toBe(7);
  });

  it('reads the bare id of tokens signed before the type was added', () => {
    expect(subjectIdFromClaim(backOffice, '7')).toBe(7);
    expect(subjectIdFromClaim(storefront, '7')).toBe(7);
  });

  it('refuses the other side and anything that is not an id', () => {
    for (const sub of ['customer:7', 'user:', 'user:07', 'user:0', 'user:-1', 'user:7 ', 'user:1e3', 'admin', '', '9'.repeat(16)]) {
      expect(subjectIdFromClaim(backOffice, sub)).toBeUndefined();
    }
    expect(subjectIdFromClaim(storefront, 'user:7')).toBeUndefined();
  });
});
