// No look-alikes (0/O, 1/l/I): the admin may have to read the password out or type it elsewhere.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!@#%+=?';
// 20 of 67 symbols is about 121 bits, well over the API's 12-character minimum.
const LENGTH = 20;
// Bytes at or above this would favour the first symbols (256 is not a multiple of 67): they are drawn again.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** A strong random password from the browser's cryptographic generator. */
export const generatePassword = (): string => {
  let password = '';
  const bytes = new Uint8Array(LENGTH * 2);
  while (password.length < LENGTH) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < UNBIASED_LIMIT && password.length < LENGTH) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
};
