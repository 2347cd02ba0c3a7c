import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I) and no symbols: it is read off a terminal and typed or pasted anywhere.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password of `length` characters, about 5.8 bits each (24 characters: ~140 bits). */
export function generatePassword(length = 24): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
