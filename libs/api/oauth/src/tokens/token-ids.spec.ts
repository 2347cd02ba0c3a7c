import { newTokenId } from './token-ids';

describe('newTokenId', () => {
  it('gives 32 hexadecimal digits, never the same twice across many refills of its block', () => {
    const ids = Array.from({ length: 5_000 }, () => newTokenId());
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
