import { fieldsOf, unknownFieldErrors } from './body-fields';

describe('body fields', () => {
  it('reads objects only', () => {
    expect(fieldsOf({ a: 1 })).toEqual({ a: 1 });
    expect(fieldsOf(null)).toEqual({});
    expect(fieldsOf(['a'])).toEqual({});
    expect(fieldsOf('a=1')).toEqual({});
  });

  it('reports each unknown field at its name', () => {
    expect(unknownFieldErrors({ name: 'x', isAdmin: true, role: 'r' }, ['name'])).toEqual({ isAdmin: 'Unknown field "isAdmin".', role: 'Unknown field "role".' });
    expect(unknownFieldErrors({ name: 'x' }, ['name'])).toEqual({});
  });
});
