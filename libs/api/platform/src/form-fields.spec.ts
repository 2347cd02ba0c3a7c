import { parseFormFields } from './form-fields';

describe('form fields', () => {
  it('keeps every value of a repeated field', () => {
    expect(parseFormFields('a=1&b=2&a=3')).toEqual({ a: ['1', '3'], b: '2' });
  });

  it('reads fields named like what plain objects inherit as plain fields', () => {
    const fields = parseFormFields('constructor=a&toString=b&hasOwnProperty=c&valueOf=d&__proto__=e');
    expect(Object.entries(fields)).toEqual([
      ['constructor', 'a'],
      ['toString', 'b'],
      ['hasOwnProperty', 'c'],
      ['valueOf', 'd'],
      ['__proto__', 'e'],
    ]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it('never lets a field replace the prototype', () => {
    const fields = parseFormFields('__proto__=a&__proto__=b');
    expect(Object.entries(fields)).toEqual([['__proto__', ['a', 'b']]]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });
});
