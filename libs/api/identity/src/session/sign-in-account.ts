import { createHash } from 'node:crypto';

/** The longest login any account can have: usernames and emails are both stored in at most 255 characters. */
export const MAX_LOGIN_LENGTH = 255;

/** Which accounts a login names: back-office users (username or email) or customer users (email). */
export type AccountKind = 'user' | 'customer';

/** A login as accounts store theirs: without surrounding spaces, lower-case. */
export const normalizeLogin = (login: string): string => login.trim().toLowerCase();

/**
 * The failure counter an attempt spends: the account's own at the client's address, by id,
 * whatever login was typed; a login that names no account counts under itself, so that it is
 * throttled exactly as an account is and the answers never tell which it was. The login is kept as
 * a digest: people type their password into the wrong field, and the table must not collect them.
 * The address is part of it so that failures from elsewhere never refuse the owner, and kept as
 * a digest so that every subject has one length.
 */
export function accountCounter(kind: AccountKind, accountId: number | undefined, login: string, address: string): string {
  const account = accountId !== undefined ? `${kind}:${accountId}` : `${kind}-login:${sha256(normalizeLogin(login))}`;
  return `${account} from ${sha256(address)}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
